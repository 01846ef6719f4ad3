import { z } from "zod";
import { defineTool } from "../define-tool.ts";
import { renderWatchers, toWatchersOutput, watchersOutput } from "../shapes/work.ts";
import { id, namesFor, READ } from "../tool-kit.ts";

export const listTicketWatchers = defineTool({
  name: "list_ticket_watchers",
  title: "List a ticket's watchers",
  description: [
    "List the agents watching a ticket: they are notified of its replies, notes and status changes.",
    "Use it to see who follows a ticket before adding or removing someone.",
    'Example: {"ticket_id": 42}.',
  ].join(" "),
  toolset: "tickets",
  annotations: READ,
  input: z.object({ ticket_id: id("the ticket's number") }),
  output: watchersOutput,
  async handler({ ticket_id }, context) {
    const [ids, names] = await Promise.all([
      context.freshdesk.tickets.watchers(ticket_id),
      namesFor(context),
    ]);
    return toWatchersOutput(ticket_id, ids, names);
  },
  render: renderWatchers,
});
