import type { Offset } from "./clock.ts";

/** One message on a ticket after it was created. */
export type ConversationSpec = {
  /** customer: public reply from the requester; reply: public agent reply; note: private note. */
  kind: "customer" | "reply" | "note";
  /** Minutes after the ticket was created. */
  at: number;
  /** The agent writing a reply or note (customer messages come from the requester). */
  agentId?: number;
  text: string;
};

/**
 * One seeded ticket as authored; tickets.ts derives the wire shape (company from the
 * requester, SLA due dates from the priority, HTML from the text, timestamps from the clock).
 * Ticket ids follow the order of the spec list, which is also creation order.
 */
export type TicketSpec = {
  subject: string;
  /** Plain text; blank lines separate paragraphs. */
  description: string;
  requesterId: number;
  /** 1 email, 2 portal, 3 phone, 7 chat. */
  source: 1 | 2 | 3 | 7;
  status: 2 | 3 | 4 | 5 | 6 | 7;
  priority: 1 | 2 | 3 | 4;
  type: string | null;
  groupId: number | null;
  responderId: number | null;
  created: Offset;
  tags: string[];
  productArea?: string;
  orderNumber?: string;
  ccEmails?: string[];
  spam?: boolean;
  deleted?: boolean;
  conversations?: ConversationSpec[];
  /** Minutes after creation of the last change that added no message (status, fields). */
  lastChangeAt?: number;
};
