// One way to build a seeded ticket record, shared by the demo tickets and the history.
import { toFdTimestamp } from "../../sandbox/seed/clock.ts";
import { htmlToText, paragraphsToHtml } from "../../sandbox/seed/html.ts";
import { EMAIL_CONFIG_ID, SUPPORT_EMAIL, WORKSPACE_ID } from "./ids.ts";
import { DEFAULT_SLA_ID } from "./itsm.ts";
import type { FsLevel, FsPriority, FsTicket, FsTicketStatus } from "./types.ts";

/** Default-policy targets in hours by priority (seed/itsm.ts HOURS): respond, resolve. */
const TARGET_HOURS: Record<FsPriority, [number, number]> = {
  1: [8, 72],
  2: [4, 24],
  3: [1, 8],
  4: [0.25, 4],
};

export type TicketSpec = {
  id: number;
  subject: string;
  /** Plain paragraphs separated by blank lines. */
  body: string;
  requesterId: number;
  departmentId: number | null;
  createdMs: number;
  updatedMs: number;
  status: FsTicketStatus;
  priority: FsPriority;
  urgency: FsLevel;
  impact: FsLevel;
  source: number;
  type: string;
  groupId: number | null;
  responderId: number | null;
  category: string | null;
  subCategory: string | null;
  itemCategory: string | null;
  tags?: string[];
  resolutionNotes?: string | null;
};

export function ticketRecord(spec: TicketSpec): FsTicket {
  const description = paragraphsToHtml(spec.body);
  const [respond, resolve] = TARGET_HOURS[spec.priority];
  const resolution = spec.resolutionNotes ?? null;
  return {
    cc_emails: [],
    fwd_emails: [],
    reply_cc_emails: [],
    fr_escalated: false,
    spam: false,
    email_config_id: spec.source === 1 ? EMAIL_CONFIG_ID : null,
    group_id: spec.groupId,
    priority: spec.priority,
    requester_id: spec.requesterId,
    requested_for_id: spec.requesterId,
    responder_id: spec.responderId,
    source: spec.source,
    status: spec.status,
    subject: spec.subject,
    to_emails: spec.source === 1 ? [SUPPORT_EMAIL] : null,
    department_id: spec.departmentId,
    id: spec.id,
    type: spec.type,
    due_by: toFdTimestamp(spec.createdMs + resolve * 3_600_000),
    fr_due_by: toFdTimestamp(spec.createdMs + respond * 3_600_000),
    is_escalated: false,
    description,
    description_text: htmlToText(description),
    category: spec.category,
    sub_category: spec.subCategory,
    item_category: spec.itemCategory,
    custom_fields: {},
    created_at: toFdTimestamp(spec.createdMs),
    updated_at: toFdTimestamp(spec.updatedMs),
    urgency: spec.urgency,
    impact: spec.impact,
    tags: spec.tags ?? [],
    attachments: [],
    deleted: false,
    workspace_id: WORKSPACE_ID,
    sla_policy_id: DEFAULT_SLA_ID,
    created_within_business_hours: new Date(spec.createdMs).getUTCHours() >= 15,
    resolution_notes: resolution,
    resolution_notes_html: resolution === null ? null : paragraphsToHtml(resolution),
    approval_status: null,
    approval_status_name: null,
  };
}
