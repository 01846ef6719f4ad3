// Conversations on the wire (reference §5.7): the list item, and the narrower bodies that
// `POST …/notes` and `POST …/reply` return.
import type { FdConversation } from "../seed/types.ts";

export function renderConversation(c: FdConversation): Record<string, unknown> {
  return {
    body: c.body,
    body_text: c.body_text,
    id: c.id,
    incoming: c.incoming,
    private: c.private,
    user_id: c.user_id,
    support_email: c.support_email,
    source: c.source,
    category: c.category,
    to_emails: c.to_emails === null ? null : [...c.to_emails],
    from_email: c.from_email,
    cc_emails: c.cc_emails === null ? null : [...c.cc_emails],
    bcc_emails: c.bcc_emails === null ? null : [...c.bcc_emails],
    email_failure_count: c.email_failure_count,
    outgoing_failures: c.outgoing_failures === null ? null : structuredClone(c.outgoing_failures),
    created_at: c.created_at,
    updated_at: c.updated_at,
    attachments: structuredClone(c.attachments),
    ticket_id: c.ticket_id,
    source_additional_info: structuredClone(c.source_additional_info),
  };
}

export function renderNoteCreated(c: FdConversation): Record<string, unknown> {
  return {
    body: c.body,
    body_text: c.body_text,
    id: c.id,
    incoming: c.incoming,
    private: c.private,
    user_id: c.user_id,
    support_email: c.support_email,
    ticket_id: c.ticket_id,
    to_emails: c.to_emails === null ? [] : [...c.to_emails],
    created_at: c.created_at,
    updated_at: c.updated_at,
    attachments: structuredClone(c.attachments),
  };
}

export function renderReplyCreated(c: FdConversation): Record<string, unknown> {
  return {
    id: c.id,
    user_id: c.user_id,
    from_email: c.from_email,
    cc_emails: c.cc_emails === null ? [] : [...c.cc_emails],
    bcc_emails: c.bcc_emails === null ? [] : [...c.bcc_emails],
    body: c.body,
    body_text: c.body_text,
    ticket_id: c.ticket_id,
    to_emails: c.to_emails === null ? [] : [...c.to_emails],
    attachments: structuredClone(c.attachments),
    source_additional_info: structuredClone(c.source_additional_info),
    created_at: c.created_at,
    updated_at: c.updated_at,
  };
}
