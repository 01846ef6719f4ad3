import { z } from "zod";
import { ticketResource } from "../resources/ticket.ts";
import { definePrompt, embedded, steps, ticketIdArgument, UNTRUSTED, userText } from "./define-prompt.ts";

export const triageTicketPrompt = definePrompt({
  name: "triage_ticket",
  title: "Triage this ticket",
  description:
    "Read a ticket with its conversations and propose its type, priority, group and agent, with reasons; apply them only once you agree.",
  arguments: z.object({ ticket_id: ticketIdArgument }),
  requires: ["get_ticket", "list_groups", "list_ticket_fields", "find_solutions_for_ticket"],
  async build(args, context) {
    const ticket = await ticketResource.read(args.ticket_id, context);
    const instructions = [
      `Triage Freshdesk ticket #${args.ticket_id}; it is attached below with its conversations. ${UNTRUSTED}`,
      "",
      "Use this server's tools:",
      steps(context, [
        "Call list_ticket_fields for the allowed types and priorities, and list_groups for the groups and what they handle.",
        [
          "triage_ticket",
          'Call triage_ticket with mode "dry-run" to see the service\'s own proposal and its confidence; it changes nothing.',
        ],
        "Call find_solutions_for_ticket to see whether the knowledge base already answers it (a known issue often settles type and group).",
        [
          "get_agent_workload",
          "If it should go to a person, call get_agent_workload for the group to pick a lightly loaded agent.",
        ],
        "Propose type, priority, group (and agent), each with a one-line reason quoting the ticket, and say how sure you are.",
        [
          "update_ticket",
          "Only after I confirm, apply it with update_ticket, and record the reasons with add_note as a private note.",
        ],
      ]),
    ].join("\n");
    return [userText(instructions), embedded(ticket)];
  },
});
