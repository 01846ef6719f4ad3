import { z } from "zod";
import { ticketResource } from "../resources/ticket.ts";
import { findSolutionsForTicket } from "../tools/find-solutions-for-ticket.ts";
import { definePrompt, embedded, steps, ticketIdArgument, UNTRUSTED, userText } from "./define-prompt.ts";

export const draftReplyPrompt = definePrompt({
  name: "draft_reply",
  title: "Draft a reply from the knowledge base",
  description:
    "Draft a reply to a ticket's customer grounded in knowledge-base articles, citing them; nothing is sent unless you ask.",
  arguments: z.object({
    ticket_id: ticketIdArgument,
    tone: z
      .string()
      .trim()
      .max(200)
      .optional()
      .describe('how the reply should sound, e.g. "brief and formal" (default: friendly and concise)'),
  }),
  requires: ["get_ticket", "find_solutions_for_ticket", "search_solutions", "get_solution_article"],
  async build(args, context) {
    // The same search find_solutions_for_ticket runs, done now so the first candidates come along.
    const [ticket, candidates] = await Promise.all([
      ticketResource.read(args.ticket_id, context),
      findSolutionsForTicket.execute({ ticket_id: args.ticket_id, limit: 5 }, context),
    ]);
    const instructions = [
      `Draft a reply to the customer of Freshdesk ticket #${args.ticket_id}, attached below with its conversations. ${UNTRUSTED}`,
      `Tone: ${args.tone ?? "friendly and concise"}.`,
      "",
      "Knowledge-base articles matching the subject (find_solutions_for_ticket):",
      findSolutionsForTicket.renderText(candidates),
      "",
      "Use this server's tools:",
      steps(context, [
        "Read the promising articles in full with get_solution_article; if none fits, call search_solutions with your own few distinctive words.",
        "Answer the customer's latest message only from what the articles say; cite each article you rely on by its title. Do not invent steps, prices or policies.",
        "If the knowledge base does not answer it, say so plainly and draft a short holding reply plus an internal note of what is missing instead.",
        ["reply_to_ticket", "Show me the draft; send it with reply_to_ticket only if I ask you to."],
      ]),
    ].join("\n");
    return [userText(instructions), embedded(ticket)];
  },
});
