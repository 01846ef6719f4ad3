import { z } from "zod";
import { defineTool } from "../define-tool.ts";
import { renderTicketLine, ticketOutput, toTicketOutput } from "../shapes/ticket.ts";
import {
  cursorArgument,
  DEFAULT_PER_PAGE,
  namesFor,
  pageOutput,
  perPageArgument,
  READ,
  renderList,
} from "../tool-kit.ts";

export const listTickets = defineTool({
  name: "list_tickets",
  title: "List tickets",
  description: [
    "List tickets newest first, optionally narrowed by a predefined filter, requester, company or last update time.",
    "Use it to browse recent tickets or to page through everything updated since a moment (updated_since also reaches tickets older than the default one-month window).",
    "For conditions on status, priority, group, agent, tags or custom fields use search_tickets instead.",
    'Example: {"updated_since": "2024-05-01T00:00:00Z", "order_by": "updated_at", "per_page": 20}.',
  ].join(" "),
  toolset: "tickets",
  annotations: READ,
  input: z.object({
    filter: z
      .enum(["new_and_my_open", "watching", "spam", "deleted"])
      .optional()
      .describe("predefined view; spam and deleted tickets appear only with their filter"),
    requester_id: z.number().int().positive().optional(),
    email: z.string().optional().describe("requester email"),
    company_id: z.number().int().positive().optional(),
    updated_since: z.string().optional().describe("ISO timestamp, e.g. 2024-05-01T00:00:00Z"),
    order_by: z.enum(["created_at", "updated_at", "priority", "status", "due_by"]).optional(),
    order_type: z.enum(["asc", "desc"]).optional(),
    include_description: z
      .boolean()
      .optional()
      .describe("add each ticket's description (costs extra API credits)"),
    per_page: perPageArgument,
    cursor: cursorArgument,
  }),
  output: pageOutput(ticketOutput),
  async handler(query, context, paging) {
    const [result, names] = await Promise.all([
      context.freshdesk.tickets.list({
        filter: query.filter,
        requester_id: query.requester_id,
        email: query.email,
        company_id: query.company_id,
        updated_since: query.updated_since,
        order_by: query.order_by,
        order_type: query.order_type,
        include: query.include_description ? ["description"] : [],
        page: paging.page,
        perPage: query.per_page ?? DEFAULT_PER_PAGE,
      }),
      namesFor(context),
    ]);
    const maxBody = Math.min(context.limits.maxBodyChars, 1000);
    return {
      items: result.items.map((t) => toTicketOutput(t, names, { portalUrl: context.portalUrl, maxBody })),
      next_cursor: paging.next(result.nextPage),
    };
  },
  render: (r) =>
    renderList(r.items, renderTicketLine, { empty: "No tickets match.", nextCursor: r.next_cursor }),
});
