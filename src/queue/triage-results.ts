import type { Redis } from "ioredis";
import { z } from "zod";
import type { TriageMode } from "../config.ts";

/**
 * What a triage run did to a ticket, kept per ticket in Redis: the latest run drives the
 * "already triaged for this content" guard, the history feeds reprocess diffs and the dashboard.
 * The schemas are the single description of these records: the HTTP API documents them as-is.
 */
const triageModeSchema = z.enum(["apply", "suggest", "dry-run"]) satisfies z.ZodType<TriageMode>;

/** The evidence behind one learned field (group, type, priority) of a run. */
export const fieldDecisionSchema = z.object({
  value: z.union([z.string(), z.number()]).nullable().describe("The value decided (a group name for group)."),
  precision: z
    .number()
    .nullable()
    .describe(
      "Precision measured on held-out history at this confidence; null when there was not enough history to measure.",
    ),
  applied: z.boolean().describe("Whether this value may be written (it still is only in apply mode)."),
  reason: z
    .string()
    .describe(
      "`calibrated`, `below_threshold`, `not_enough_history`, `engines_disagree`, `no_prediction` or `rule`.",
    ),
  source: z.string().optional().describe("`model`, `llm`, `both`, `rule` or `none`."),
  detail: z.string().optional(),
  modelVersion: z
    .union([z.string(), z.number()])
    .nullable()
    .describe("The learned model's version; null without one."),
});
export type FieldDecisionRecord = z.infer<typeof fieldDecisionSchema>;

export const triageRunSchema = z.object({
  jobId: z.string(),
  ticketId: z.number().int().positive(),
  at: z.string().describe("When the run finished (ISO 8601)."),
  mode: triageModeSchema,
  outcome: z.enum(["triaged", "skipped"]),
  subject: z
    .string()
    .optional()
    .describe("The ticket's subject when it was triaged, so pages can show it without asking Freshdesk."),
  skipReason: z.string().optional(),
  contentHash: z.string().optional(),
  engine: z
    .string()
    .optional()
    .describe("Which classifier decided: the model's name or the local classifier."),
  fallbackReason: z.string().optional(),
  category: z.string().optional(),
  confidence: z
    .number()
    .optional()
    .describe(
      "The classifier's own score for the category, not measured against anything; `decisions` holds each field's measured precision.",
    ),
  sentiment: z.string().optional(),
  language: z.string().optional(),
  summary: z.string().optional(),
  priority: z.object({ value: z.number(), reason: z.string() }).optional(),
  group: z.object({ id: z.number().nullable(), name: z.string().nullable() }).optional(),
  responderId: z.number().nullable().optional(),
  type: z.string().nullable().optional(),
  tags: z.array(z.string()).optional(),
  applied: z.array(z.string()).optional().describe("Fields written to the ticket."),
  suggested: z.array(z.string()).optional().describe("Fields only proposed in the note."),
  articles: z.array(z.object({ id: z.number(), title: z.string(), url: z.string() })).optional(),
  model: z
    .object({
      version: z.union([z.string(), z.number()]),
      learnedFrom: z.number().describe("How many labelled tickets the model learned from."),
      trainedAt: z.string().optional(),
    })
    .nullable()
    .optional()
    .describe("The account's learned model the decisions used; null when none had been learned."),
  decisions: z
    .record(z.string(), fieldDecisionSchema)
    .optional()
    .describe(
      "Per learned field (Freshdesk: group, type, priority; Freshservice: category, sub_category, item_category, urgency, impact, priority, group, type): the value, its measured precision, and why it was applied or only suggested.",
    ),
  noteId: z.number().nullable().optional(),
  durationMs: z.number().optional(),
});
export type TriageRun = z.infer<typeof triageRunSchema>;

export const fieldChangeSchema = z.object({ field: z.string(), from: z.unknown(), to: z.unknown() });
export type FieldChange = z.infer<typeof fieldChangeSchema>;

export const triageReportSchema = z.object({
  ticketId: z.number().int().positive(),
  latest: triageRunSchema
    .nullable()
    .describe("The latest run that triaged; null when every run was skipped."),
  changes: z
    .array(fieldChangeSchema)
    .describe("What the latest run changed compared with the run before it."),
  history: z.array(triageRunSchema).describe("Recent runs, newest first, skipped ones included."),
});
export type TriageReport = z.infer<typeof triageReportSchema>;

const HISTORY_LENGTH = 20;
const RECENT_LENGTH = 500;
/**
 * A ticket's history lives 90 days after its last run, so Redis does not grow with every ticket
 * ever seen; a ticket quiet for that long is triaged as new if it comes back.
 */
const HISTORY_TTL_SECONDS = 90 * 24 * 3600;
const COMPARED: ReadonlyArray<keyof TriageRun> = [
  "category",
  "priority",
  "group",
  "responderId",
  "type",
  "tags",
  "applied",
  "suggested",
  "engine",
];

export function createTriageResultStore(redis: Redis, prefix: string) {
  const perTicket = (ticketId: number) => `${prefix}:results:${ticketId}`;
  const recentKey = `${prefix}:results:recent`;
  const parse = (raw: string) => JSON.parse(raw) as TriageRun;

  return {
    async record(run: TriageRun): Promise<void> {
      const json = JSON.stringify(run);
      await redis
        .multi()
        .lpush(perTicket(run.ticketId), json)
        .ltrim(perTicket(run.ticketId), 0, HISTORY_LENGTH - 1)
        .expire(perTicket(run.ticketId), HISTORY_TTL_SECONDS)
        .lpush(recentKey, json)
        .ltrim(recentKey, 0, RECENT_LENGTH - 1)
        .exec();
    },
    async history(ticketId: number, limit = HISTORY_LENGTH): Promise<TriageRun[]> {
      return (await redis.lrange(perTicket(ticketId), 0, limit - 1)).map(parse);
    },
    async latest(ticketId: number): Promise<TriageRun | undefined> {
      const raw = await redis.lindex(perTicket(ticketId), 0);
      return raw ? parse(raw) : undefined;
    },
    /**
     * What the worker needs to know about earlier runs, from one read: the latest run, and the
     * content hash of the last run that actually triaged (skips and dry runs do not count).
     */
    async prior(ticketId: number): Promise<{
      latest: TriageRun | undefined;
      lastTriagedHash: string | undefined;
      /** The latest run that wrote fields to the ticket: what an agent may since have changed. */
      lastApplied: TriageRun | undefined;
    }> {
      const history = await this.history(ticketId);
      const triaged = history.find((run) => run.outcome === "triaged" && run.mode !== "dry-run");
      const applied = history.find(
        (run) => run.outcome === "triaged" && run.mode === "apply" && (run.applied?.length ?? 0) > 0,
      );
      return { latest: history[0], lastTriagedHash: triaged?.contentHash, lastApplied: applied };
    },
    /**
     * The latest run that decided something, what changed since the one before, and the full
     * history. Skipped runs (echoes of our own update, redelivered webhooks) stay in the history
     * but are not results. Undefined when the ticket was never seen.
     */
    async report(ticketId: number): Promise<TriageReport | undefined> {
      const history = await this.history(ticketId);
      if (history.length === 0) return undefined;
      const [latest, previous] = history.filter((run) => run.outcome === "triaged");
      return { ticketId, latest: latest ?? null, changes: diffRuns(previous, latest), history };
    },
    async recent(limit = 100): Promise<TriageRun[]> {
      return (await redis.lrange(recentKey, 0, limit - 1)).map(parse);
    },
  };
}

export type TriageResultStore = ReturnType<typeof createTriageResultStore>;

/** What changed between two runs, field by field, for operators comparing a reprocess. */
export function diffRuns(previous: TriageRun | undefined, latest: TriageRun | undefined): FieldChange[] {
  if (!previous || !latest) return [];
  const changes: FieldChange[] = [];
  for (const field of COMPARED) {
    const from = previous[field];
    const to = latest[field];
    if (JSON.stringify(from ?? null) !== JSON.stringify(to ?? null)) changes.push({ field, from, to });
  }
  return changes;
}
