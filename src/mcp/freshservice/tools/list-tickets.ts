import { z } from "zod";
import {
  cursorArgument,
  DEFAULT_PER_PAGE,
  pageOutput,
  perPageArgument,
  READ,
  renderList,
} from "../../tool-kit.ts";
import { defineFreshserviceTool, fsNamesFor } from "../context.ts";
import { fsTicketOutput, renderFsTicketLine, toFsTicketOutput } from "../shapes/ticket.ts";

export const listTickets = defineFreshserviceTool({
  name: "list_tickets",
  title: "List tickets",
  description: [
    "List tickets newest first, optionally narrowed by a predefined view, requester, type or last update time.",
    "Without updated_since Freshservice lists only tickets created in the last 30 days; updated_since reaches older ones.",
    "For conditions on status, priority, urgency, impact, group, agent or tags use filter_tickets instead.",
    'Example: {"type": "Incident", "updated_since": "2025-05-01T00:00:00Z", "per_page": 20}.',
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
    type: z.enum(["Incident", "Service Request"]).optional(),
    updated_since: z.string().optional().describe("ISO timestamp, e.g. 2025-05-01T00:00:00Z"),
    workspace_id: z.number().int().nonnegative().optional().describe("0 lists every workspace"),
    order_type: z.enum(["asc", "desc"]).optional().describe("by creation time; newest first by default"),
    include: z
      .array(z.enum(["requester", "requested_for", "stats"]))
      .optional()
      .describe("embed these in every ticket; costs two more API credits per page"),
    per_page: perPageArgument,
    cursor: cursorArgument,
  }),
  output: pageOutput(fsTicketOutput),
  async handler(query, context, paging) {
    const [result, names] = await Promise.all([
      context.freshservice.tickets.list({
        filter: query.filter,
        requesterId: query.requester_id,
        email: query.email,
        type: query.type,
        updatedSince: query.updated_since,
        workspaceId: query.workspace_id,
        orderType: query.order_type,
        include: query.include,
        page: paging.page,
        perPage: query.per_page ?? DEFAULT_PER_PAGE,
      }),
      fsNamesFor(context),
    ]);
    const maxBody = Math.min(context.limits.maxBodyChars, 1000);
    return {
      items: result.items.map((t) => toFsTicketOutput(t, names, { portalUrl: context.portalUrl, maxBody })),
      next_cursor: paging.next(result.nextPage),
    };
  },
  render: (r) =>
    renderList(r.items, renderFsTicketLine, { empty: "No tickets match.", nextCursor: r.next_cursor }),
});
