import { z } from "zod";
import { defineTool } from "../define-tool.ts";
import { renderTicketLine, ticketOutput, toTicketOutput } from "../shapes/ticket.ts";
import { namesFor, READ, renderList } from "../tool-kit.ts";

export const listOverdueTickets = defineTool({
  name: "list_overdue_tickets",
  title: "List overdue tickets",
  description: [
    'List open or pending tickets whose resolution due date (or, with kind "first_response", first-response due date) has passed, most overdue first (checks the first 30 matches of the search).',
    "Use it to find SLA breaches that need attention now, optionally within one group.",
    'Example: {} or {"kind": "first_response", "group_id": 7}.',
  ].join(" "),
  toolset: "tickets",
  annotations: READ,
  input: z.object({
    kind: z.enum(["resolution", "first_response"]).default("resolution"),
    group_id: z.number().int().positive().optional(),
  }),
  output: z.object({
    kind: z.enum(["resolution", "first_response"]).describe("which due date the list is about"),
    items: z.array(ticketOutput),
  }),
  async handler(args, context) {
    const now = new Date();
    const field = args.kind === "resolution" ? "due_by" : "fr_due_by";
    const bound = now.toISOString().replace(/\.\d{3}Z$/, "Z");
    const group = args.group_id ? ` AND group_id:${args.group_id}` : "";
    const query = `${field}:<'${bound}' AND (status:2 OR status:3)${group}`;
    const [result, names] = await Promise.all([
      context.freshdesk.search.tickets(query, 1),
      namesFor(context),
    ]);
    const dueOf = (t: { due_by?: string | null; fr_due_by?: string | null }) => Date.parse(t[field] ?? "");
    // The search bound is inclusive; keep only what is really past due, most overdue first.
    const overdue = result.results
      .filter((t) => dueOf(t) < now.getTime())
      .sort((a, b) => dueOf(a) - dueOf(b));
    return {
      kind: args.kind,
      items: overdue.map((t) => toTicketOutput(t, names, { portalUrl: context.portalUrl, maxBody: 300 })),
    };
  },
  render: (r) => {
    const due = r.kind === "first_response" ? "first response due" : "due";
    return renderList(
      r.items,
      (t) =>
        `${renderTicketLine(t)} | ${due} ${(r.kind === "first_response" ? t.fr_due_by : t.due_by) ?? "?"}`,
      { empty: "Nothing is overdue." },
    );
  },
});
