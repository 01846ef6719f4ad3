import type { TicketPriority } from "./taxonomy.ts";

/**
 * The triage steps' own view of a ticket. The worker maps the Freshdesk client's Ticket and
 * Conversation objects into this, so the steps stay independent of the wire format.
 */
export type CustomerMessage = {
  bodyText: string;
  createdAt: string;
  fromEmail?: string | undefined;
};

export type TicketSnapshot = {
  id: number;
  subject: string;
  descriptionText: string;
  requesterEmail?: string | undefined;
  requesterName?: string | undefined;
  companyId?: number | null | undefined;
  companyName?: string | undefined;
  priority: TicketPriority;
  groupId: number | null;
  responderId: number | null;
  type: string | null;
  tags: string[];
  /** 2 Open, 3 Pending, 4 Resolved, 5 Closed, 6+ custom. */
  status: number;
  source: number;
  spam: boolean;
  deleted?: boolean | undefined;
  createdAt: string;
  dueBy?: string | null | undefined;
  frDueBy?: string | null | undefined;
  customFields?: Record<string, unknown> | undefined;
  /** Incoming, public conversations (customer replies), oldest first. */
  customerMessages: CustomerMessage[];
};

export function latestCustomerMessage(
  ticket: Pick<TicketSnapshot, "customerMessages">,
): CustomerMessage | undefined {
  let latest: CustomerMessage | undefined;
  for (const message of ticket.customerMessages) {
    if (!latest || Date.parse(message.createdAt) >= Date.parse(latest.createdAt)) latest = message;
  }
  return latest;
}

/** Subject, description and the latest customer message: everything the classifier reads. */
export function ticketText(ticket: TicketSnapshot): string {
  const latest = latestCustomerMessage(ticket);
  return [ticket.subject, ticket.descriptionText, latest?.bodyText ?? ""]
    .filter((s) => s.trim())
    .join("\n\n");
}
