import type { FsConversationOutput } from "../../src/mcp/freshservice/shapes/conversation.ts";
import type { FsTicketOutput } from "../../src/mcp/freshservice/shapes/ticket.ts";
import { htmlToText } from "../../src/mcp/output/html-to-text.ts";
import type { FsCurrent } from "../../src/triage/freshservice/index.ts";
import type { TicketSnapshot } from "../../src/triage/index.ts";

/**
 * The triage steps' view of a Freshservice ticket: the shared `TicketSnapshot` (so the guard,
 * the content hash and the marker work unchanged) plus the fields only Freshservice has.
 *
 * The requester stands in the hash as `id:<requester_id>`: a plain read does not carry the email
 * (that needs include=requester, one more credit), and the hash must come out the same from
 * every read of the same content.
 */
export type FsTicketSnapshot = TicketSnapshot & {
  fs: FsCurrent & { requesterId: number | null; updatedAt: string };
};

export function toFsSnapshot(
  ticket: FsTicketOutput,
  conversations: readonly FsConversationOutput[],
): FsTicketSnapshot {
  return {
    id: ticket.id,
    subject: ticket.subject ?? "",
    descriptionText: ticket.description_text ?? "",
    requesterEmail: ticket.requester_id ? `id:${ticket.requester_id}` : undefined,
    requesterName: ticket.requester?.name,
    companyId: null,
    priority: clampPriority(ticket.priority),
    groupId: ticket.group_id ?? null,
    responderId: ticket.responder_id ?? null,
    type: ticket.type ?? null,
    tags: ticket.tags ?? [],
    status: ticket.status,
    source: ticket.source ?? 2,
    spam: ticket.spam === true,
    deleted: ticket.deleted === true,
    createdAt: ticket.created_at,
    dueBy: ticket.due_by ?? null,
    frDueBy: ticket.fr_due_by ?? null,
    customFields: ticket.custom_fields,
    customerMessages: conversations
      .filter((c) => c.incoming === true && c.private !== true)
      .map((c) => ({
        bodyText: c.body_text ?? "",
        createdAt: c.created_at ?? ticket.updated_at,
        fromEmail: c.from_email,
      })),
    fs: {
      category: ticket.category ?? null,
      subCategory: ticket.sub_category ?? null,
      itemCategory: ticket.item_category ?? null,
      urgency: ticket.urgency ?? null,
      impact: ticket.impact ?? null,
      priority: ticket.priority,
      groupId: ticket.group_id ?? null,
      type: ticket.type ?? null,
      departmentId: ticket.department_id ?? null,
      requesterId: ticket.requester_id ?? null,
      updatedAt: ticket.updated_at,
    },
  };
}

const STATUSES: Record<string, number> = { open: 2, pending: 3, resolved: 4, closed: 5 };
const PRIORITIES: Record<string, number> = { low: 1, medium: 2, high: 3, urgent: 4 };
const LEVELS: Record<string, number> = { low: 1, medium: 2, high: 3 };
/** Without these the hint cannot stand in for a read. */
const REQUIRED = ["subject", "status", "priority", "urgency", "impact", "type", "category"] as const;

/**
 * A new ticket as the Workflow Automator's body described it, when it sent everything triage
 * needs, so the worker need not read it (one credit saved). Placeholders may render names or
 * numbers [open, reference §12], so both are read; anything missing or unreadable returns
 * undefined and the ticket is read as usual.
 */
export function fsSnapshotFromHint(
  ticketId: number,
  hint: Record<string, string>,
  account: {
    groups: ReadonlyArray<{ id: number; name: string }>;
    requesterIdsByEmail: ReadonlyMap<string, number>;
    departments: ReadonlyArray<{ id: number; name: string }>;
  },
  receivedAt: string,
): FsTicketSnapshot | undefined {
  if (REQUIRED.some((key) => hint[key] === undefined)) return undefined;
  if (hint.description === undefined && hint.description_text === undefined) return undefined;
  const status = enumValue(hint.status!, STATUSES, 2, 99);
  const priority = enumValue(hint.priority!, PRIORITIES, 1, 4);
  const urgency = enumValue(hint.urgency!, LEVELS, 1, 3);
  const impact = enumValue(hint.impact!, LEVELS, 1, 3);
  if (status === undefined || priority === undefined || urgency === undefined || impact === undefined)
    return undefined;

  const requesterId = hint.requester_id
    ? Number(hint.requester_id)
    : hint.requester_email
      ? account.requesterIdsByEmail.get(hint.requester_email.trim().toLowerCase())
      : undefined;
  if (requesterId === undefined || !Number.isSafeInteger(requesterId)) return undefined;

  const groupId = lookup(hint.group_id, hint.group_name, account.groups);
  const departmentId = lookup(hint.department_id, hint.department_name, account.departments);
  if (groupId === false || departmentId === false) return undefined;

  const text = (key: string) => {
    const value = hint[key]?.trim();
    return value ? value : null;
  };
  return {
    id: ticketId,
    subject: hint.subject!,
    descriptionText: hint.description_text ?? htmlToText(hint.description ?? ""),
    requesterEmail: `id:${requesterId}`,
    requesterName: hint.requester_name || undefined,
    companyId: null,
    priority: priority as 1 | 2 | 3 | 4,
    groupId,
    responderId: null,
    type: text("type"),
    tags: [],
    status,
    source: 2,
    spam: false,
    deleted: false,
    createdAt: hint.created_at ?? receivedAt,
    customerMessages: [],
    fs: {
      category: text("category"),
      subCategory: text("sub_category"),
      itemCategory: text("item_category"),
      urgency,
      impact,
      priority,
      groupId,
      type: text("type"),
      departmentId,
      requesterId,
      updatedAt: hint.created_at ?? receivedAt,
    },
  };
}

/** An id from its id or its name; null when the hint says "none"; false when it names something unknown. */
function lookup(
  idText: string | undefined,
  name: string | undefined,
  known: ReadonlyArray<{ id: number; name: string }>,
): number | null | false {
  if (idText?.trim()) {
    const id = Number(idText);
    return known.some((k) => k.id === id) ? id : false;
  }
  if (!name?.trim()) return null;
  const wanted = name.trim().toLowerCase();
  return known.find((k) => k.name.toLowerCase() === wanted)?.id ?? false;
}

function enumValue(raw: string, names: Record<string, number>, min: number, max: number): number | undefined {
  const text = raw.trim().toLowerCase();
  if (names[text] !== undefined) return names[text];
  const n = Number(text);
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}

function clampPriority(value: number): 1 | 2 | 3 | 4 {
  return (value >= 1 && value <= 4 ? value : 1) as 1 | 2 | 3 | 4;
}
