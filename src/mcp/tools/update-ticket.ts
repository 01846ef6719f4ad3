import { z } from "zod";
import { BadRequestError } from "../../errors.ts";
import { defineTool } from "../define-tool.ts";
import { renderTicketLine, ticketOutput, toTicketOutput } from "../shapes/ticket.ts";
import { id, namesFor, OVERWRITE } from "../tool-kit.ts";

export const updateTicket = defineTool({
  name: "update_ticket",
  title: "Update a ticket",
  description: [
    "Change a ticket's properties: status, priority, type, group, agent, tags or custom fields. Only the fields you pass change.",
    "Use it to route, prioritise or resolve a ticket. tags replaces the whole tag list, so read the ticket first and send the merged list.",
    "Ids come from list_groups / list_agents; statuses and types from list_ticket_statuses / list_ticket_types.",
    'Example: {"ticket_id": 42, "priority": 3, "group_id": 5, "tags": ["billing", "refund"]}.',
  ].join(" "),
  toolset: "tickets",
  annotations: OVERWRITE,
  input: z.object({
    ticket_id: id("the ticket's number"),
    status: z.number().int().min(2).optional(),
    priority: z.number().int().min(1).max(4).optional(),
    type: z.string().optional(),
    group_id: z.number().int().positive().nullable().optional().describe("null removes the group"),
    responder_id: z.number().int().positive().nullable().optional().describe("null unassigns the agent"),
    subject: z.string().min(1).max(255).optional(),
    tags: z.array(z.string()).optional(),
    due_by: z.string().optional(),
    fr_due_by: z.string().optional(),
    custom_fields: z.record(z.string(), z.unknown()).optional(),
  }),
  output: ticketOutput,
  async handler({ ticket_id, ...changes }, context) {
    const fields = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    if (Object.keys(fields).length === 0) {
      throw new BadRequestError("update_ticket needs at least one field to change besides ticket_id.");
    }
    const ticket = await context.freshdesk.tickets.update(ticket_id, fields);
    const names = await namesFor(context);
    return toTicketOutput(ticket, names, {
      portalUrl: context.portalUrl,
      maxBody: context.limits.maxBodyChars,
    });
  },
  render: (t) => `Updated: ${renderTicketLine(t)}`,
});
