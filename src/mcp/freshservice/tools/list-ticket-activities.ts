import { z } from "zod";
import { dropEmpty } from "../../output/clean.ts";
import { id, READ, renderList } from "../../tool-kit.ts";
import { defineFreshserviceTool } from "../context.ts";

const activityOutput = z.object({
  actor_id: z.number().optional(),
  actor_name: z.string().optional(),
  content: z.string().optional().describe("what happened, e.g. set Priority as High"),
  details: z.array(z.string()).optional(),
  created_at: z.string().optional(),
});

export const listTicketActivities = defineFreshserviceTool({
  name: "list_ticket_activities",
  title: "List a ticket's activity log",
  description: [
    'List the latest 20 entries of a ticket\'s activity log: who changed which field, which workflows ran (for example the Workflow Automator on "Ticket is raised"), and when.',
    "Use it to explain how a ticket reached its current state, or to check whether an automation touched it.",
    'Example: {"ticket_id": 42}.',
  ].join(" "),
  toolset: "tickets",
  annotations: READ,
  input: z.object({ ticket_id: id("the ticket's number") }),
  output: z.object({ ticket_id: z.number(), items: z.array(activityOutput) }),
  async handler(args, context) {
    const activities = await context.freshservice.tickets.activities(args.ticket_id);
    return {
      ticket_id: args.ticket_id,
      items: activities.map((a) =>
        dropEmpty({
          actor_id: a.actor?.id ?? undefined,
          actor_name: a.actor?.name ?? undefined,
          content: a.content ?? undefined,
          details: a.sub_contents ?? undefined,
          created_at: a.created_at ?? undefined,
        }),
      ),
    };
  },
  render: (r) =>
    renderList(
      r.items,
      (a) =>
        `[${a.created_at ?? "?"}] ${a.actor_name ?? a.actor_id ?? "someone"}: ${a.content ?? ""}${a.details?.length ? ` (${a.details.join("; ")})` : ""}`,
      { empty: `Ticket #${r.ticket_id} has no activity yet.` },
    ),
});
