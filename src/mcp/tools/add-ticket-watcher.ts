import { z } from "zod";
import { defineTool } from "../define-tool.ts";
import { renderWatchers, toWatchersOutput, watchersOutput } from "../shapes/work.ts";
import { id, namesFor, UPDATE } from "../tool-kit.ts";

export const addTicketWatcher = defineTool({
  name: "add_ticket_watcher",
  title: "Watch a ticket",
  description: [
    "Add a watcher to a ticket, so that agent is notified of its replies, notes and status changes: yourself (the agent this connection acts as) unless agent_id names another agent.",
    "Use it when someone wants to follow a ticket they do not own. Adding a watcher twice changes nothing.",
    'Example: {"ticket_id": 42} or {"ticket_id": 42, "agent_id": 43026451877}.',
  ].join(" "),
  toolset: "tickets",
  annotations: UPDATE,
  input: z.object({
    ticket_id: id("the ticket's number"),
    agent_id: id("from list_agents; default yourself").optional(),
  }),
  output: watchersOutput,
  async handler({ ticket_id, agent_id }, context) {
    await context.freshdesk.tickets.watch(ticket_id, agent_id);
    const [ids, names] = await Promise.all([
      context.freshdesk.tickets.watchers(ticket_id),
      namesFor(context),
    ]);
    return toWatchersOutput(ticket_id, ids, names);
  },
  render: renderWatchers,
});
