// New notes, replies and forwards on a ticket (reference §5.4, §5.7).
import { asHtml, htmlToText } from "../html-text.ts";
import type { FdAttachment, FdConversation } from "../seed/types.ts";
import type { SandboxStore } from "../store.ts";

/** Conversation `source` values (reference §5.4). */
export const CONVERSATION_SOURCE = { email: 0, note: 2, forwardEmail: 8 } as const;
/** Freshdesk's `category` for agent-written notes and outgoing replies [unverified values]. */
const CATEGORY = { note: 2, reply: 3, forward: 3 } as const;
const SOURCE = {
  note: CONVERSATION_SOURCE.note,
  reply: CONVERSATION_SOURCE.email,
  forward: CONVERSATION_SOURCE.forwardEmail,
} as const;

export type NewConversation = {
  kind: "note" | "reply" | "forward";
  ticketId: number;
  body: string;
  userId: number;
  private: boolean;
  incoming: boolean;
  toEmails: string[];
  fromEmail: string | null;
  ccEmails: string[] | null;
  bccEmails: string[] | null;
  attachments: FdAttachment[];
};

export function buildConversation(store: SandboxStore, input: NewConversation): FdConversation {
  const now = store.stamp();
  return {
    body: asHtml(input.body),
    body_text: htmlToText(input.body),
    id: store.nextId(),
    incoming: input.incoming,
    private: input.private,
    user_id: input.userId,
    support_email: null,
    source: SOURCE[input.kind],
    category: CATEGORY[input.kind],
    to_emails: input.toEmails,
    from_email: input.fromEmail,
    cc_emails: input.ccEmails,
    bcc_emails: input.bccEmails,
    email_failure_count: null,
    outgoing_failures: null,
    created_at: now,
    updated_at: now,
    attachments: input.attachments,
    ticket_id: input.ticketId,
    source_additional_info: null,
  };
}
