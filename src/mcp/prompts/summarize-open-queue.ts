import { z } from "zod";
import { getCurrentAgent } from "../tools/get-current-agent.ts";
import { listTickets } from "../tools/list-tickets.ts";
import { definePrompt, steps, UNTRUSTED, userText } from "./define-prompt.ts";

export const summarizeOpenQueuePrompt = definePrompt({
  name: "summarize_open_queue",
  title: "Summarise my open queue",
  description:
    "Summarise the new tickets and the open tickets assigned to you (the Freshdesk agent you signed in as): what needs you first, what is at SLA risk, and what can wait.",
  arguments: z.object({
    limit: z
      .string()
      .trim()
      .regex(/^\d{1,3}$/, "must be a whole number from 1 to 100")
      .transform(Number)
      .pipe(z.number().int().min(1, "must be at least 1").max(100, "must be at most 100"))
      .optional()
      .describe("how many tickets to include, 1-100 (default 50)"),
  }),
  requires: ["get_current_agent", "list_tickets", "get_ticket", "get_ticket_sla"],
  async build(args, context) {
    const [me, queue] = await Promise.all([
      getCurrentAgent.execute({}, context),
      listTickets.execute(
        { filter: "new_and_my_open", order_by: "updated_at", order_type: "desc", per_page: args.limit ?? 50 },
        context,
      ),
    ]);
    const instructions = [
      "Summarise my Freshdesk queue: the new tickets and the open tickets assigned to me, listed below (most recently updated first).",
      UNTRUSTED,
      "",
      getCurrentAgent.renderText(me),
      "",
      "My queue (list_tickets with filter new_and_my_open):",
      listTickets.renderText({ ...queue, next_cursor: undefined }),
      ...(typeof queue.next_cursor === "string"
        ? [`There are more: call list_tickets with {"cursor": "${queue.next_cursor}"} for the next ones.`]
        : []),
      "",
      "Use this server's tools:",
      steps(context, [
        "Group the tickets by what they need from me: reply now, waiting on the customer, waiting on another team, ready to close.",
        "Call get_ticket_sla for the urgent and high-priority ones and for any due within a day; flag breached or at-risk targets first.",
        [
          "list_overdue_tickets",
          "Call list_overdue_tickets to catch any overdue ticket the list above left out.",
        ],
        "Call get_ticket only where the subject does not tell you enough.",
        "End with counts by status and priority and the three tickets I should open first, each with its number and one line on why.",
      ]),
    ].join("\n");
    return [userText(instructions)];
  },
});
