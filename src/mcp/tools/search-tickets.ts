import { z } from "zod";
import { defineTool } from "../define-tool.ts";
import { renderTicketLine, ticketOutput, toTicketOutput } from "../shapes/ticket.ts";
import {
  cursorArgument,
  namesFor,
  nextSearchPage,
  READ,
  renderList,
  requireQuery,
  searchOutput,
} from "../tool-kit.ts";

export const searchTickets = defineTool({
  name: "search_tickets",
  title: "Search tickets",
  description: [
    "Find tickets with Freshdesk's query language: field:value pairs joined by AND / OR, with parentheses.",
    "Fields: status, priority (1 low - 4 urgent), group_id, agent_id, type, tag, created_at, updated_at, due_by, fr_due_by, and custom fields (cf_...).",
    "Strings in single quotes, dates as 'YYYY-MM-DD'; > means on-or-after and < on-or-before; null matches an empty field. Do not wrap the whole query in quotes.",
    "Results come 30 a page, at most 300 in all; newly changed tickets can take a few minutes to be searchable.",
    'Example: {"query": "priority:4 AND status:2 AND agent_id:null"} or {"query": "tag:\'refund\' AND created_at:>\'2024-05-01\'"}.',
  ].join(" "),
  toolset: "tickets",
  annotations: READ,
  input: z.object({
    query: z
      .string()
      .min(1)
      .max(512)
      .optional()
      .describe("the query, without outer quotes; required unless cursor is given"),
    cursor: cursorArgument,
  }),
  output: searchOutput(ticketOutput),
  async handler(args, context, paging) {
    const query = requireQuery("search_tickets", args.query);
    const [result, names] = await Promise.all([
      context.freshdesk.search.tickets(query, paging.page),
      namesFor(context),
    ]);
    const maxBody = Math.min(context.limits.maxBodyChars, 500);
    return {
      total: result.total,
      items: result.results.map((t) => toTicketOutput(t, names, { portalUrl: context.portalUrl, maxBody })),
      next_cursor: paging.next(nextSearchPage(paging.page, result.total)),
    };
  },
  render: (r) =>
    renderList(r.items, renderTicketLine, {
      empty: "No tickets match.",
      nextCursor: r.next_cursor,
      total: r.total,
    }),
});
