import { z } from "zod";
import { defineTool } from "../define-tool.ts";
import { id, namesFor, READ } from "../tool-kit.ts";

const targetOutput = z.object({
  due_at: z.string().optional(),
  done_at: z.string().optional(),
  state: z.enum(["met", "breached", "pending", "overdue", "no target"]),
  hours_left: z.number().optional().describe("negative when overdue"),
});

function targetState(due: string | null | undefined, done: string | null | undefined, now: number) {
  if (!due) return { state: "no target" as const, done_at: done ?? undefined };
  const dueMs = Date.parse(due);
  if (done)
    return {
      due_at: due,
      done_at: done,
      state: Date.parse(done) <= dueMs ? ("met" as const) : ("breached" as const),
    };
  const hoursLeft = Math.round(((dueMs - now) / 3_600_000) * 10) / 10;
  return {
    due_at: due,
    state: hoursLeft >= 0 ? ("pending" as const) : ("overdue" as const),
    hours_left: hoursLeft,
  };
}

export const getTicketSla = defineTool({
  name: "get_ticket_sla",
  title: "Get a ticket's SLA status",
  description: [
    "Tell whether a ticket's first-response and resolution targets were met, breached, or how many hours are left, from its due dates and stats.",
    "Use it to decide how urgently a ticket needs attention. list_sla_policies explains the targets themselves.",
    'Example: {"ticket_id": 42}.',
  ].join(" "),
  toolset: "sla",
  annotations: READ,
  input: z.object({ ticket_id: id("the ticket's number") }),
  output: z.object({
    ticket_id: z.number(),
    status_name: z.string().optional(),
    priority_name: z.string().optional(),
    is_escalated: z.boolean(),
    first_response: targetOutput,
    resolution: targetOutput,
  }),
  async handler(args, context) {
    const [ticket, names] = await Promise.all([
      context.freshdesk.tickets.get(args.ticket_id, { include: ["stats"] }),
      namesFor(context),
    ]);
    const now = Date.now();
    const resolvedAt = ticket.stats?.resolved_at ?? ticket.stats?.closed_at;
    const isDone = ticket.status === 4 || ticket.status === 5;
    return {
      ticket_id: ticket.id,
      status_name: names.status(ticket.status),
      priority_name: names.priority(ticket.priority),
      is_escalated: Boolean(ticket.is_escalated || ticket.fr_escalated),
      first_response: targetState(ticket.fr_due_by, ticket.stats?.first_responded_at, now),
      resolution: targetState(ticket.due_by, isDone ? (resolvedAt ?? ticket.updated_at) : undefined, now),
    };
  },
  render: (r) =>
    [
      `Ticket #${r.ticket_id} (${r.status_name ?? ""}, ${r.priority_name ?? ""})${r.is_escalated ? " ESCALATED" : ""}`,
      `First response: ${r.first_response.state}${r.first_response.due_at ? ` (due ${r.first_response.due_at})` : ""}${r.first_response.hours_left !== undefined ? `, ${r.first_response.hours_left} h left` : ""}`,
      `Resolution: ${r.resolution.state}${r.resolution.due_at ? ` (due ${r.resolution.due_at})` : ""}${r.resolution.hours_left !== undefined ? `, ${r.resolution.hours_left} h left` : ""}`,
    ].join("\n"),
});
