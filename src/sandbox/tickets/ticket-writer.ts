// Turns a validated create/update body into ticket state, recording what changed so the
// automation emulator can report `from`/`to` values.
import type { AccountFields } from "../account-fields.ts";
import { asHtml, htmlToText } from "../html-text.ts";
import { parseTimestamp } from "../http/fields.ts";
import type { FdAttachment, FdTicket } from "../seed/types.ts";
import { emptyStats, type SandboxStore, type TicketRecord } from "../store.ts";
import { recordStatusChange } from "../ticket-stats.ts";
import { wireTime } from "../wire-time.ts";
import { dueDates, slaPolicyFor } from "./sla.ts";

export type Changes = Record<string, { from: unknown; to: unknown }>;
type Body = Record<string, unknown>;
type MutableTicket = Omit<FdTicket, "deleted">;

const normalizeTime = (value: unknown) => wireTime(parseTimestamp(value as string) ?? 0);
const uniqueTags = (tags: string[]) => [...new Map(tags.map((tag) => [tag.toLowerCase(), tag])).values()];

export function createTicket(
  store: SandboxStore,
  fields: AccountFields,
  body: Body,
  requesterId: number,
  attachments: FdAttachment[],
): TicketRecord {
  const nowMs = store.now();
  const now = wireTime(nowMs);
  const requesterCompany = store.contacts.get(requesterId)?.company_id ?? null;
  const ccEmails = (body.cc_emails as string[] | undefined) ?? [];
  const description = (body.description as string | undefined) ?? "";
  const routing = {
    group_id: (body.group_id as number | null | undefined) ?? null,
    company_id: (body.company_id as number | null | undefined) ?? requesterCompany,
    source: (body.source as number | undefined) ?? 2,
    type: (body.type as string | null | undefined) ?? null,
  };
  const priority = (body.priority as number | undefined) ?? 1;
  const status = (body.status as number | undefined) ?? 2;
  const due = dueDates(slaPolicyFor(store, routing), priority, nowMs);
  const customFields = Object.fromEntries([...fields.customFields.keys()].map((name) => [name, null]));
  const ticket: MutableTicket = {
    cc_emails: [...ccEmails],
    fwd_emails: [],
    reply_cc_emails: [...ccEmails],
    ticket_cc_emails: [...ccEmails],
    fr_escalated: false,
    spam: false,
    email_config_id: (body.email_config_id as number | null | undefined) ?? null,
    group_id: routing.group_id,
    priority,
    requester_id: requesterId,
    responder_id: (body.responder_id as number | null | undefined) ?? null,
    source: routing.source,
    company_id: routing.company_id,
    status,
    subject: (body.subject as string | undefined) ?? "",
    association_type: null,
    to_emails: null,
    product_id: (body.product_id as number | null | undefined) ?? null,
    id: store.nextTicketId(),
    type: routing.type,
    due_by: body.due_by === undefined ? due.due_by : normalizeTime(body.due_by),
    fr_due_by: body.fr_due_by === undefined ? due.fr_due_by : normalizeTime(body.fr_due_by),
    is_escalated: false,
    description: description === "" ? "" : asHtml(description),
    description_text: htmlToText(description),
    custom_fields: {
      ...customFields,
      ...(body.custom_fields as Body | undefined),
    } as MutableTicket["custom_fields"],
    created_at: now,
    updated_at: now,
    tags: uniqueTags((body.tags as string[] | undefined) ?? []),
    attachments,
    source_additional_info: null,
  };
  const stats = emptyStats();
  stats.status_updated_at = now;
  if (status !== 2) recordStatusChange(stats, 2, status, now);
  const record: TicketRecord = { ticket, deleted: false, stats };
  store.tickets.set(ticket.id, record);
  return record;
}

/** Plain fields an update may set directly. */
const DIRECT_FIELDS = [
  "email_config_id",
  "group_id",
  "internal_group_id",
  "priority",
  "responder_id",
  "internal_agent_id",
  "source",
  "status",
  "subject",
  "type",
  "product_id",
  "company_id",
] as const;

/** Applies an update; returns the changes by the names Freshdesk's events use. */
export function updateTicket(
  store: SandboxStore,
  record: TicketRecord,
  body: Body,
  requesterId: number | undefined,
  attachments: FdAttachment[],
): Changes {
  const t = record.ticket as Record<string, unknown> & MutableTicket;
  const changes: Changes = {};
  const set = (key: string, value: unknown) => {
    if (JSON.stringify(t[key]) === JSON.stringify(value)) return;
    changes[key === "type" ? "ticket_type" : key] = { from: t[key], to: value };
    t[key] = value;
  };
  for (const key of DIRECT_FIELDS) if (key in body) set(key, body[key]);
  if (requesterId !== undefined) set("requester_id", requesterId);
  if (typeof body.description === "string") {
    set("description", asHtml(body.description));
    t.description_text = htmlToText(body.description);
  }
  if (Array.isArray(body.tags)) set("tags", uniqueTags(body.tags as string[]));
  if (body.custom_fields) set("custom_fields", { ...t.custom_fields, ...(body.custom_fields as Body) });
  if (body.due_by !== undefined) set("due_by", normalizeTime(body.due_by));
  if (body.fr_due_by !== undefined) set("fr_due_by", normalizeTime(body.fr_due_by));
  if ("priority" in changes && body.due_by === undefined && body.fr_due_by === undefined) {
    const due = dueDates(slaPolicyFor(store, t), t.priority, parseTimestamp(t.created_at) ?? store.now());
    set("due_by", due.due_by);
    set("fr_due_by", due.fr_due_by);
  }
  if (attachments.length > 0) set("attachments", [...t.attachments, ...attachments]);
  if (Object.keys(changes).length > 0) {
    touch(store, record);
    const status = changes.status;
    if (status) recordStatusChange(record.stats, status.from as number, status.to as number, t.updated_at);
  }
  return changes;
}

/**
 * Moves `updated_at` to now, and always forward: clients de-duplicate on
 * ticket id + `updated_at`, so two changes within one second must still differ.
 */
export function touch(store: SandboxStore, record: TicketRecord): void {
  const previous = parseTimestamp(record.ticket.updated_at) ?? 0;
  record.ticket.updated_at = wireTime(Math.max(store.now(), previous + 1000));
}
