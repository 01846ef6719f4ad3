// Tickets on the wire, keys in Freshdesk's order (reference §5.1) for each variant (§5.2).
import type { FdCompany, FdContact, FdConversation, FdSlaPolicy, FdTicketStats } from "../seed/types.ts";
import type { TicketRecord } from "../store.ts";
import { renderConversation } from "./conversation.ts";

export type TicketVariant = "show" | "create" | "update" | "list" | "search";

export type TicketEmbeds = {
  requester?: FdContact | undefined;
  stats?: FdTicketStats;
  /** `null` renders the `{}` Freshdesk sends for a ticket without a company. */
  company?: FdCompany | null;
  sla_policy?: FdSlaPolicy | null;
  conversations?: FdConversation[];
};

type WireObject = Record<string, unknown>;

export function renderTicket(
  record: TicketRecord,
  variant: TicketVariant,
  options: { description?: boolean; embeds?: TicketEmbeds } = {},
): WireObject {
  const t = record.ticket;
  const listLike = variant === "list" || variant === "search";
  const out: WireObject = {
    cc_emails: [...t.cc_emails],
    fwd_emails: [...t.fwd_emails],
    reply_cc_emails: [...t.reply_cc_emails],
    ticket_cc_emails: [...t.ticket_cc_emails],
    fr_escalated: t.fr_escalated,
    spam: t.spam,
    email_config_id: t.email_config_id,
    group_id: t.group_id,
    priority: t.priority,
    requester_id: t.requester_id,
    responder_id: t.responder_id,
    source: t.source,
    company_id: t.company_id,
    status: t.status,
    subject: t.subject,
  };
  // Create and update responses carry association_type only for associated tickets.
  if ((variant !== "create" && variant !== "update") || t.association_type !== null) {
    out.association_type = t.association_type;
  }
  out.to_emails = t.to_emails === null ? null : [...t.to_emails];
  out.product_id = t.product_id;
  out.id = t.id;
  out.type = t.type;
  out.due_by = t.due_by;
  out.fr_due_by = t.fr_due_by;
  out.is_escalated = t.is_escalated;
  if (variant !== "list" || options.description) {
    out.description = t.description;
    out.description_text = t.description_text;
  }
  out.custom_fields = { ...t.custom_fields };
  out.created_at = t.created_at;
  out.updated_at = t.updated_at;
  if (listLike) out.associated_tickets_count = null;
  out.tags = [...t.tags];
  if (!listLike) out.attachments = structuredClone(t.attachments);
  out.source_additional_info = structuredClone(t.source_additional_info);
  if (record.deleted) out.deleted = true;
  addEmbeds(out, options.embeds ?? {});
  if (t.nr_due_by !== undefined) out.nr_due_by = t.nr_due_by;
  if (t.nr_escalated !== undefined) out.nr_escalated = t.nr_escalated;
  if (t.internal_agent_id !== undefined) out.internal_agent_id = t.internal_agent_id;
  if (t.internal_group_id !== undefined) out.internal_group_id = t.internal_group_id;
  return out;
}

function addEmbeds(out: WireObject, embeds: TicketEmbeds): void {
  if ("requester" in embeds) out.requester = embeds.requester ? requesterEmbed(embeds.requester) : {};
  if (embeds.stats) out.stats = { ...embeds.stats };
  if ("company" in embeds)
    out.company = embeds.company ? { id: embeds.company.id, name: embeds.company.name } : {};
  if ("sla_policy" in embeds) out.sla_policy = embeds.sla_policy ? structuredClone(embeds.sla_policy) : null;
  if (embeds.conversations) out.conversations = embeds.conversations.map(renderConversation);
}

function requesterEmbed(contact: FdContact): WireObject {
  return {
    id: contact.id,
    name: contact.name,
    email: contact.email,
    mobile: contact.mobile,
    phone: contact.phone,
  };
}
