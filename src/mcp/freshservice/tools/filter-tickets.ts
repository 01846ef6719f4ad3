import { z } from "zod";
import { cursorArgument, READ, renderList, requireQuery } from "../../tool-kit.ts";
import { defineFreshserviceTool, fsNamesFor } from "../context.ts";
import { filterOutput, nextFilterPage } from "../shapes/filter.ts";
import { fsTicketOutput, renderFsTicketLine, toFsTicketOutput } from "../shapes/ticket.ts";

export const filterTickets = defineFreshserviceTool({
  name: "filter_tickets",
  title: "Filter tickets",
  description: [
    "Find tickets with Freshservice's filter language: field:value conditions joined by AND / OR, with parentheses.",
    "Fields: status (2 open, 3 pending, 4 resolved, 5 closed), priority (1-4), urgency and impact (1-3), group_id, agent_id (the assigned agent), requester_id, email, tag, workspace_id, created_at, updated_at, due_by, fr_due_by and custom fields.",
    "Strings in single quotes, dates as 'YYYY-MM-DD' (UTC); :> means on-or-after and :< on-or-before; null matches an empty field. Do not wrap the whole query in quotes.",
    "Results come 30 a page with the total; changes take a few minutes to become filterable.",
    'Example: {"query": "status:2 AND priority:4 AND agent_id:null"} or {"query": "group_id:5 AND created_at:>\'2025-01-01\'"}.',
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
    workspace_id: z
      .number()
      .int()
      .nonnegative()
      .optional()
      .describe("workspace to search; the primary workspace when left out"),
    cursor: cursorArgument,
  }),
  output: filterOutput(fsTicketOutput),
  async handler(args, context, paging) {
    const query = requireQuery("filter_tickets", args.query);
    const [result, names] = await Promise.all([
      context.freshservice.tickets.filter(query, {
        page: paging.page,
        ...(args.workspace_id !== undefined ? { workspaceId: args.workspace_id } : {}),
      }),
      fsNamesFor(context),
    ]);
    const maxBody = Math.min(context.limits.maxBodyChars, 500);
    return {
      total: result.total,
      items: result.items.map((t) => toFsTicketOutput(t, names, { portalUrl: context.portalUrl, maxBody })),
      next_cursor: paging.next(nextFilterPage(paging.page, result)),
    };
  },
  render: (r) =>
    renderList(r.items, renderFsTicketLine, {
      empty: "No tickets match.",
      nextCursor: r.next_cursor,
      total: r.total,
    }),
});
