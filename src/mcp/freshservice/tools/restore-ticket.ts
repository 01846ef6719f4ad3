import { z } from "zod";
import { id, UPDATE } from "../../tool-kit.ts";
import { defineFreshserviceTool } from "../context.ts";

export const restoreTicket = defineFreshserviceTool({
  name: "restore_ticket",
  title: "Restore a deleted ticket",
  description: [
    'Bring a ticket back from the trash after delete_ticket. Deleted tickets are listed by list_tickets with filter "deleted".',
    'Example: {"ticket_id": 42}.',
  ].join(" "),
  toolset: "tickets",
  annotations: UPDATE,
  input: z.object({ ticket_id: id("the ticket's number") }),
  output: z.object({ ticket_id: z.number(), deleted: z.boolean() }),
  async handler(args, context) {
    await context.freshservice.tickets.restore(args.ticket_id);
    return { ticket_id: args.ticket_id, deleted: false };
  },
  render: (r) => `Ticket #${r.ticket_id} restored.`,
});
