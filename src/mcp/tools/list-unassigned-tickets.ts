import { z } from "zod";
import { defineTool } from "../define-tool.ts";
import { renderTicketLine, ticketOutput, toTicketOutput } from "../shapes/ticket.ts";
import { cursorArgument, namesFor, nextSearchPage, READ, renderList, searchOutput } from "../tool-kit.ts";

export const listUnassignedTickets = defineTool({
  name: "list_unassigned_tickets",
  title: "List unassigned tickets",
  description: [
    "List open or pending tickets that no agent owns yet, optionally only those of one group (group_id) or with no group at all (group_id 0).",
    "Use it to see the queue waiting for an owner, e.g. before assigning work.",
    'Example: {"group_id": 7}.',
  ].join(" "),
  toolset: "tickets",
  annotations: READ,
  input: z.object({
    group_id: z.number().int().min(0).optional().describe("only this group; 0 means tickets without a group"),
    cursor: cursorArgument,
  }),
  output: searchOutput(ticketOutput),
  async handler(args, context, paging) {
    const group =
      args.group_id === undefined ? "" : ` AND group_id:${args.group_id === 0 ? "null" : args.group_id}`;
    const query = `agent_id:null AND (status:2 OR status:3)${group}`;
    const [result, names] = await Promise.all([
      context.freshdesk.search.tickets(query, paging.page),
      namesFor(context),
    ]);
    return {
      total: result.total,
      items: result.results.map((t) =>
        toTicketOutput(t, names, { portalUrl: context.portalUrl, maxBody: 300 }),
      ),
      next_cursor: paging.next(nextSearchPage(paging.page, result.total)),
    };
  },
  render: (r) =>
    renderList(r.items, renderTicketLine, {
      empty: "No unassigned tickets.",
      nextCursor: r.next_cursor,
      total: r.total,
    }),
});
