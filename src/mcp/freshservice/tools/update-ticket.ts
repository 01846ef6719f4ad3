import { z } from "zod";
import { BadRequestError } from "../../../errors.ts";
import { id, OVERWRITE } from "../../tool-kit.ts";
import { defineFreshserviceTool, fsNamesFor } from "../context.ts";
import { fsTicketOutput, renderFsTicketLine, toFsTicketOutput } from "../shapes/ticket.ts";
import { ticketFields } from "../shapes/ticket-input.ts";

export const updateTicket = defineFreshserviceTool({
  name: "update_ticket",
  title: "Update a ticket",
  description: [
    "Change a ticket's properties: status, priority, urgency, impact, category path, group, agent, type, department, tags or custom fields. Only the fields you pass change.",
    "Use it to route, prioritise or resolve a ticket. tags replaces the whole tag list, so read the ticket (include tags) first and send the merged list.",
    "Ids come from list_groups, list_agents and list_departments; category values and other choices from list_ticket_fields.",
    'Example: {"ticket_id": 42, "urgency": 3, "impact": 2, "priority": 3, "category": "Network", "sub_category": "Wi-Fi", "group_id": 5}.',
  ].join(" "),
  toolset: "tickets",
  annotations: OVERWRITE,
  input: z.object({
    ticket_id: id("the ticket's number"),
    status: z.number().int().min(2).optional().describe("2 open, 3 pending, 4 resolved, 5 closed"),
    priority: z.number().int().min(1).max(4).optional().describe("1 low, 2 medium, 3 high, 4 urgent"),
    subject: z.string().min(1).max(255).optional(),
    ...ticketFields,
    bypass_mandatory: z
      .boolean()
      .optional()
      .describe("skip the account's mandatory-field checks (needs an admin key)"),
  }),
  output: fsTicketOutput,
  async handler({ ticket_id, bypass_mandatory, ...changes }, context) {
    if (Object.values(changes).every((v) => v === undefined)) {
      throw new BadRequestError("update_ticket needs at least one field to change besides ticket_id.");
    }
    const ticket = await context.freshservice.tickets.update(
      ticket_id,
      changes,
      bypass_mandatory ? { bypassMandatory: true } : {},
    );
    const names = await fsNamesFor(context);
    return toFsTicketOutput(ticket, names, {
      portalUrl: context.portalUrl,
      maxBody: context.limits.maxBodyChars,
    });
  },
  render: (t) => `Updated: ${renderFsTicketLine(t)}`,
});
