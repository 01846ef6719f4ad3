import { z } from "zod";
import { DESTRUCTIVE, id } from "../../tool-kit.ts";
import { defineFreshserviceTool } from "../context.ts";

export const deleteTicket = defineFreshserviceTool({
  name: "delete_ticket",
  title: "Delete a ticket",
  description: [
    "Move a ticket to the trash (Freshservice's soft delete). It disappears from views and filters until restored with restore_ticket.",
    "Use it only for spam or tickets raised by mistake, and only when a person asked for it. Needs the admin scope.",
    'Example: {"ticket_id": 42}.',
  ].join(" "),
  toolset: "tickets",
  annotations: DESTRUCTIVE,
  scope: "admin",
  input: z.object({ ticket_id: id("the ticket's number") }),
  output: z.object({ ticket_id: z.number(), deleted: z.boolean() }),
  async handler(args, context) {
    await context.freshservice.tickets.delete(args.ticket_id);
    return { ticket_id: args.ticket_id, deleted: true };
  },
  render: (r) => `Ticket #${r.ticket_id} moved to the trash; restore_ticket brings it back.`,
});
