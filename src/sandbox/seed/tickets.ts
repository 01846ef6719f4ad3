import type { SeedClock } from "./clock.ts";
import { toFdTimestamp } from "./clock.ts";
import { htmlToText, paragraphsToHtml } from "./html.ts";
import { EMAIL_CONFIG_ID, SEQUENCE, sequenceId } from "./ids.ts";
import { SLA_TARGETS } from "./sla.ts";
import type { ConversationSpec, TicketSpec } from "./ticket-spec.ts";
import { OLDER_TICKETS } from "./tickets-older.ts";
import { RECENT_TICKETS } from "./tickets-recent.ts";
import type { FdAgent, FdContact, FdConversation, FdTicket } from "./types.ts";

export const SUPPORT_EMAIL = "support@larkspur.example";

const TICKET_SPECS: TicketSpec[] = [...OLDER_TICKETS, ...RECENT_TICKETS];

const MINUTE_MS = 60_000;
const OPEN_STATUS = 2;

// Conversation `category` values as Freshdesk reports them for these message kinds.
const CATEGORY: Record<ConversationSpec["kind"], number> = { customer: 2, note: 2, reply: 3 };

type People = { contacts: FdContact[]; agents: FdAgent[] };

export function buildTicketsAndConversations(
  clock: SeedClock,
  people: People,
): { tickets: FdTicket[]; conversations: FdConversation[] } {
  const tickets: FdTicket[] = [];
  const conversations: FdConversation[] = [];
  TICKET_SPECS.forEach((spec, index) => {
    const ticketId = index + 1;
    const requester = findContact(people.contacts, spec.requesterId, ticketId);
    const createdMs = clock.agoMs(spec.created);
    const messages = (spec.conversations ?? []).map((message) => {
      const conversation = buildConversation(message, {
        id: sequenceId(SEQUENCE.conversation, conversations.length),
        ticketId,
        createdMs,
        requester,
        people,
      });
      conversations.push(conversation);
      return { spec: message, atMs: createdMs + message.at * MINUTE_MS };
    });
    const lastChangeMs = Math.max(
      createdMs + (spec.lastChangeAt ?? 0) * MINUTE_MS,
      ...messages.map((message) => message.atMs),
    );
    const firstReplyMs = messages.find((message) => message.spec.kind === "reply")?.atMs;
    tickets.push(
      buildTicket(spec, { ticketId, requester, createdMs, lastChangeMs, firstReplyMs, nowMs: clock.nowMs }),
    );
  });
  return { tickets, conversations };
}

type TicketContext = {
  ticketId: number;
  requester: FdContact;
  createdMs: number;
  lastChangeMs: number;
  firstReplyMs: number | undefined;
  nowMs: number;
};

function buildTicket(spec: TicketSpec, context: TicketContext): FdTicket {
  const sla = SLA_TARGETS[spec.priority];
  const frDueMs = context.createdMs + sla.respondWithin * 1000;
  const dueMs = context.createdMs + sla.resolveWithin * 1000;
  // Only an Open ticket has a running SLA clock; pending, waiting, resolved and closed ones stop it.
  const clockRunning = spec.status === OPEN_STATUS && spec.spam !== true && spec.deleted !== true;
  const firstResponseMs = context.firstReplyMs ?? (clockRunning ? context.nowMs : undefined);
  const html = paragraphsToHtml(spec.description);
  const isEmail = spec.source === 1;
  const ticket: FdTicket = {
    cc_emails: [...(spec.ccEmails ?? [])],
    fwd_emails: [],
    reply_cc_emails: [...(spec.ccEmails ?? [])],
    ticket_cc_emails: [...(spec.ccEmails ?? [])],
    fr_escalated: firstResponseMs !== undefined && firstResponseMs > frDueMs,
    spam: spec.spam === true,
    email_config_id: isEmail ? EMAIL_CONFIG_ID : null,
    group_id: spec.groupId,
    priority: spec.priority,
    requester_id: context.requester.id,
    responder_id: spec.responderId,
    source: spec.source,
    company_id: context.requester.company_id,
    status: spec.status,
    subject: spec.subject,
    association_type: null,
    to_emails: isEmail ? [SUPPORT_EMAIL] : null,
    product_id: null,
    id: context.ticketId,
    type: spec.type,
    due_by: toFdTimestamp(dueMs),
    fr_due_by: toFdTimestamp(frDueMs),
    is_escalated: clockRunning && context.nowMs > dueMs,
    description: html,
    description_text: htmlToText(html),
    custom_fields: {
      cf_product_area: spec.productArea ?? null,
      cf_order_number: spec.orderNumber ?? null,
    },
    created_at: toFdTimestamp(context.createdMs),
    updated_at: toFdTimestamp(context.lastChangeMs),
    tags: [...spec.tags],
    attachments: [],
    source_additional_info: null,
  };
  if (spec.deleted === true) ticket.deleted = true;
  return ticket;
}

type ConversationContext = {
  id: number;
  ticketId: number;
  createdMs: number;
  requester: FdContact;
  people: People;
};

function buildConversation(message: ConversationSpec, context: ConversationContext): FdConversation {
  const at = toFdTimestamp(context.createdMs + message.at * MINUTE_MS);
  const body = paragraphsToHtml(message.text);
  const fromCustomer = message.kind === "customer";
  const author = fromCustomer
    ? undefined
    : findAgent(context.people.agents, message.agentId, context.ticketId);
  const requesterAddress = context.requester.email ?? SUPPORT_EMAIL;
  return {
    body,
    body_text: htmlToText(body),
    id: context.id,
    incoming: fromCustomer,
    private: message.kind === "note",
    user_id: author?.id ?? context.requester.id,
    support_email: message.kind === "note" ? null : SUPPORT_EMAIL,
    source: message.kind === "note" ? 2 : 0,
    category: CATEGORY[message.kind],
    to_emails: message.kind === "note" ? [] : fromCustomer ? [SUPPORT_EMAIL] : [requesterAddress],
    from_email:
      message.kind === "note"
        ? null
        : fromCustomer
          ? `${context.requester.name} <${requesterAddress}>`
          : `Larkspur Support <${SUPPORT_EMAIL}>`,
    cc_emails: [],
    bcc_emails: [],
    email_failure_count: null,
    outgoing_failures: null,
    created_at: at,
    updated_at: at,
    attachments: [],
    ticket_id: context.ticketId,
    source_additional_info: null,
  };
}

function findContact(contacts: FdContact[], id: number, ticketId: number): FdContact {
  const contact = contacts.find((candidate) => candidate.id === id);
  if (contact === undefined)
    throw new Error(`seed ticket ${ticketId}: requester ${id} is not a seeded contact`);
  return contact;
}

function findAgent(agents: FdAgent[], id: number | undefined, ticketId: number): FdAgent {
  const agent = agents.find((candidate) => candidate.id === id);
  if (agent === undefined)
    throw new Error(`seed ticket ${ticketId}: message author ${id} is not a seeded agent`);
  return agent;
}
