import { z } from "zod";
import type { SatisfactionRating, TimeEntry } from "../../freshdesk/index.ts";
import { dropEmpty } from "../output/clean.ts";
import type { Names } from "../output/names.ts";

/** Time logged on tickets, and what customers answered to the satisfaction survey. */

export const timeEntryOutput = z.object({
  id: z.number(),
  ticket_id: z.number().optional(),
  agent_id: z.number().optional(),
  agent_name: z.string().optional(),
  time_spent: z.string().optional().describe('"hh:mm"'),
  billable: z.boolean().optional(),
  timer_running: z.boolean().optional(),
  note: z.string().optional(),
  executed_at: z.string().optional(),
  company_id: z.number().optional(),
});
export type TimeEntryOutput = z.output<typeof timeEntryOutput>;

export const toTimeEntryOutput = (e: TimeEntry, names: Names): TimeEntryOutput =>
  dropEmpty({
    id: e.id,
    ticket_id: e.ticket_id ?? undefined,
    agent_id: e.agent_id ?? undefined,
    agent_name: names.agent(e.agent_id),
    time_spent: e.time_spent ?? undefined,
    billable: e.billable ?? undefined,
    timer_running: e.timer_running ?? undefined,
    note: e.note ?? undefined,
    executed_at: e.executed_at ?? undefined,
    company_id: e.company_id ?? undefined,
  });

export const renderTimeEntryLine = (e: TimeEntryOutput) =>
  `#${e.id} ticket #${e.ticket_id ?? "?"}: ${e.time_spent ?? "?"} by ${e.agent_name ?? e.agent_id ?? "unknown"}` +
  `${e.billable ? " (billable)" : ""}${e.timer_running ? " (timer running)" : ""}${e.note ? ` - ${e.note}` : ""}`;

/** Freshdesk's survey scale (the default three-point survey uses 103, 100 and -103). */
const RATING_NAMES: Readonly<Record<number, string>> = {
  103: "extremely happy",
  102: "very happy",
  101: "happy",
  100: "neutral",
  [-101]: "unhappy",
  [-102]: "very unhappy",
  [-103]: "extremely unhappy",
};

export const satisfactionRatingOutput = z.object({
  id: z.number(),
  ticket_id: z.number().optional(),
  rating: z.number().optional().describe("103 extremely happy … 100 neutral … -103 extremely unhappy"),
  rating_name: z.string().optional(),
  other_answers: z.record(z.string(), z.number()).optional().describe("ratings of further survey questions"),
  feedback: z.string().optional(),
  agent_id: z.number().optional(),
  agent_name: z.string().optional(),
  group_id: z.number().optional(),
  group_name: z.string().optional(),
  user_id: z.number().optional().describe("the customer who rated"),
  created_at: z.string(),
});
export type SatisfactionRatingOutput = z.output<typeof satisfactionRatingOutput>;

export function toSatisfactionRatingOutput(r: SatisfactionRating, names: Names): SatisfactionRatingOutput {
  const { default_question: rating, ...others } = r.ratings ?? {};
  return dropEmpty({
    id: r.id,
    ticket_id: r.ticket_id ?? undefined,
    rating,
    rating_name: rating === undefined ? undefined : (RATING_NAMES[rating] ?? String(rating)),
    other_answers: others,
    feedback: r.feedback ?? undefined,
    agent_id: r.agent_id ?? undefined,
    agent_name: names.agent(r.agent_id),
    group_id: r.group_id ?? undefined,
    group_name: names.group(r.group_id),
    user_id: r.user_id ?? undefined,
    created_at: r.created_at,
  });
}

export const renderSatisfactionRatingLine = (r: SatisfactionRatingOutput) =>
  `[${r.created_at}] ticket #${r.ticket_id ?? "?"}: ${r.rating_name ?? "no rating"}` +
  `${r.agent_name ? ` (agent ${r.agent_name})` : ""}${r.feedback ? ` - "${r.feedback}"` : ""}`;

export const watchersOutput = z.object({
  ticket_id: z.number(),
  watchers: z.array(z.object({ id: z.number(), name: z.string().optional() })),
});
export type WatchersOutput = z.output<typeof watchersOutput>;

export const toWatchersOutput = (ticketId: number, ids: readonly number[], names: Names): WatchersOutput => ({
  ticket_id: ticketId,
  watchers: ids.map((id) => dropEmpty({ id, name: names.agent(id) })),
});

export const renderWatchers = (w: WatchersOutput) =>
  w.watchers.length === 0
    ? `Nobody watches ticket #${w.ticket_id}.`
    : `Watching ticket #${w.ticket_id}: ${w.watchers.map((a) => a.name ?? `agent ${a.id}`).join(", ")}.`;
