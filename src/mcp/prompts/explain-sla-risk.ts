import { z } from "zod";
import { ticketResource } from "../resources/ticket.ts";
import { getTicketSla } from "../tools/get-ticket-sla.ts";
import { definePrompt, embedded, steps, ticketIdArgument, UNTRUSTED, userText } from "./define-prompt.ts";

export const explainSlaRiskPrompt = definePrompt({
  name: "explain_sla_risk",
  title: "Explain this ticket's SLA risk",
  description:
    "Explain whether a ticket will meet its first-response and resolution targets, what drives the risk, and what to do next.",
  arguments: z.object({ ticket_id: ticketIdArgument }),
  requires: ["get_ticket", "get_ticket_sla", "list_sla_policies", "list_business_hours"],
  async build(args, context) {
    const [ticket, sla] = await Promise.all([
      ticketResource.read(args.ticket_id, context),
      getTicketSla.execute({ ticket_id: args.ticket_id }, context),
    ]);
    const instructions = [
      `Explain the SLA risk of Freshdesk ticket #${args.ticket_id}, attached below with its conversations. ${UNTRUSTED}`,
      "",
      "Its SLA status now (get_ticket_sla):",
      getTicketSla.renderText(sla),
      "",
      "Use this server's tools:",
      steps(context, [
        "Call list_sla_policies for the targets behind these due dates, and list_business_hours, since the clock may stop outside working hours.",
        "Say in two or three sentences whether each target is met, breached, or at risk, and how many working hours are left.",
        "Name what drives the risk from the ticket itself: who is waiting on whom, time since the last customer message, priority, escalation, no agent assigned.",
        [
          "list_overdue_tickets",
          "If useful, call list_overdue_tickets to say whether this ticket is one of many at risk.",
        ],
        "Recommend the next step (reply, reassign, raise priority, set pending) and who should take it.",
      ]),
    ].join("\n");
    return [userText(instructions), embedded(ticket)];
  },
});
