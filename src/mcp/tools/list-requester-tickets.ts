import { z } from "zod";
import { defineTool } from "../define-tool.ts";
import { renderTicketLine, ticketOutput, toTicketOutput } from "../shapes/ticket.ts";
import { id, namesFor, READ, renderList } from "../tool-kit.ts";

export const listRequesterTickets = defineTool({
  name: "list_requester_tickets",
  title: "List the requester's other tickets",
  description: [
    "List the other recent tickets of the person who raised a ticket (newest first, up to 30).",
    "Use it to spot repeat contacts, duplicates or an ongoing problem before answering.",
    'Example: {"ticket_id": 42}.',
  ].join(" "),
  toolset: "tickets",
  annotations: READ,
  input: z.object({ ticket_id: id("the ticket whose requester to look at") }),
  output: z.object({ requester_id: z.number().optional(), items: z.array(ticketOutput) }),
  async handler(args, context) {
    const ticket = await context.freshdesk.tickets.get(args.ticket_id);
    if (!ticket.requester_id) return { items: [] };
    const [result, names] = await Promise.all([
      // A far-back updated_since lifts list_tickets' default one-month window.
      context.freshdesk.tickets.list({
        requester_id: ticket.requester_id,
        updated_since: "2000-01-01T00:00:00Z",
        perPage: 30,
      }),
      namesFor(context),
    ]);
    return {
      requester_id: ticket.requester_id,
      items: result.items
        .filter((t) => t.id !== ticket.id)
        .map((t) => toTicketOutput(t, names, { portalUrl: context.portalUrl, maxBody: 300 })),
    };
  },
  render: (r) => renderList(r.items, renderTicketLine, { empty: "The requester has no other tickets." }),
});
