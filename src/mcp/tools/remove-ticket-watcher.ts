import { z } from "zod";
import { defineTool } from "../define-tool.ts";
import { renderWatchers, toWatchersOutput, watchersOutput } from "../shapes/work.ts";
import { id, namesFor } from "../tool-kit.ts";

export const removeTicketWatcher = defineTool({
  name: "remove_ticket_watcher",
  title: "Stop watching a ticket",
  description: [
    "Remove a watcher from a ticket: yourself (the agent this connection acts as) unless agent_id names another agent. That agent stops getting the ticket's notifications.",
    "Use it when someone no longer wants to follow a ticket. Removing someone who is not watching changes nothing.",
    'Example: {"ticket_id": 42}.',
  ].join(" "),
  toolset: "tickets",
  // Takes someone off the ticket's notifications.
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  input: z.object({
    ticket_id: id("the ticket's number"),
    agent_id: id("from list_ticket_watchers; default yourself").optional(),
  }),
  output: watchersOutput,
  async handler({ ticket_id, agent_id }, context) {
    await context.freshdesk.tickets.unwatch(ticket_id, agent_id);
    const [ids, names] = await Promise.all([
      context.freshdesk.tickets.watchers(ticket_id),
      namesFor(context),
    ]);
    return toWatchersOutput(ticket_id, ids, names);
  },
  render: renderWatchers,
});
