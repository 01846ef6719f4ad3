// The Workflow Automator emulator (reference §12): a "Ticket is raised" workflow and a ticket
// update workflow, each with a Web Request node that POSTs `{"ticket_id": {{ticket.id_numeric}}}`
// with a shared-secret header. Built on the Freshdesk sandbox's emitter, so the sandbox's owner
// points it with the same `setTarget({targetUrl, auth: {type: "header", name, value}})`.
import type { Logger } from "../logger.ts";
import {
  type AutomationConfig,
  type AutomationEmitter,
  createAutomationEmitter,
  type PayloadRenderer,
} from "../sandbox/automations.ts";

/** What the emulator knows when it fires: the ticket's numeric id is all the payload carries. */
export type AutomatorTicket = { id: number };

// The Web Request node's body is JSON whatever the rule's encoding says; the placeholder renders
// the bare number (§12: `{{ticket.id_numeric}}`).
const renderTicketId: PayloadRenderer<AutomatorTicket> = (ticket) => ({
  contentType: "application/json",
  body: JSON.stringify({ ticket_id: ticket.id }),
});

export function createWorkflowAutomator(options: {
  now: () => number;
  logger: Logger;
  timeScale?: number;
  fetch?: typeof fetch;
}): AutomationEmitter<AutomatorTicket> {
  const emitter = createAutomationEmitter<AutomatorTicket>(undefined, {
    now: options.now,
    logger: options.logger,
    fetch: options.fetch,
    render: renderTicketId,
    // [inferred] the sender's User-Agent is not documented.
    userAgent: "Freshservice",
  });
  return {
    ...emitter,
    ticketChanged: (ticket, event) => emitter.ticketChanged(ticket, event),
    // Retries, timeout and duplicate delivery are [open] (§12, §13.1): unless the rule says
    // otherwise, the emulator tries once; a receiver must be idempotent either way.
    setTarget: (config: AutomationConfig | undefined) =>
      emitter.setTarget(
        config && {
          retryDelaysMs: [],
          ...(options.timeScale === undefined ? {} : { timeScale: options.timeScale }),
          ...config,
        },
      ),
  };
}
