import { z } from "zod";
import { clip, dropEmpty } from "../../output/clean.ts";
import { bodyText } from "../../output/html-to-text.ts";
import {
  type ConversationLike,
  fsConversationOutput,
  renderFsConversation,
  toFsConversationOutput,
} from "./conversation.ts";
import type { FsNames } from "./names.ts";

/** The ticket fields the tools read (reference §2); the client's FsTicket has them all. */
export type TicketLike = {
  id: number;
  subject?: string | null;
  description?: string | null;
  description_text?: string | null;
  type?: string | null;
  status: number;
  priority: number;
  urgency?: number | null;
  impact?: number | null;
  source?: number | null;
  category?: string | null;
  sub_category?: string | null;
  item_category?: string | null;
  group_id?: number | null;
  responder_id?: number | null;
  requester_id?: number | null;
  requested_for_id?: number | null;
  department_id?: number | null;
  workspace_id?: number | null;
  sla_policy_id?: number | null;
  tags?: string[] | null;
  cc_emails?: string[] | null;
  spam?: boolean | null;
  deleted?: boolean | null;
  is_escalated?: boolean | null;
  fr_escalated?: boolean | null;
  due_by?: string | null;
  fr_due_by?: string | null;
  created_at: string;
  updated_at: string;
  custom_fields?: Record<string, unknown> | null;
  attachments?: { name?: string | null }[] | null;
  requester?: PersonLike | null;
  requested_for?: PersonLike | null;
  stats?: Record<string, unknown> | null;
  conversations?: ConversationLike[] | null;
  /** Embedded records whose shape the docs do not fix [inferred]: read defensively. */
  assets?: Record<string, unknown>[] | null;
};

/** An embedded requester (`include=requester`): name and email, or first and last name. */
type PersonLike = {
  id?: number | null;
  name?: string | null;
  first_name?: string | null;
  last_name?: string | null;
  email?: string | null;
  primary_email?: string | null;
};

const person = z.object({
  id: z.number().optional(),
  name: z.string().optional(),
  email: z.string().optional(),
});

export const fsTicketOutput = z.object({
  id: z.number(),
  url: z.string().optional().describe("link to the ticket in the agent portal"),
  subject: z.string().optional(),
  type: z.string().optional().describe("Incident or Service Request"),
  status: z.number(),
  status_name: z.string().optional(),
  priority: z.number(),
  priority_name: z.string().optional(),
  urgency: z.number().optional(),
  urgency_name: z.string().optional(),
  impact: z.number().optional(),
  impact_name: z.string().optional(),
  source: z.number().optional(),
  source_name: z.string().optional(),
  category: z.string().optional(),
  sub_category: z.string().optional(),
  item_category: z.string().optional(),
  group_id: z.number().optional(),
  group_name: z.string().optional(),
  responder_id: z.number().optional(),
  responder_name: z.string().optional(),
  requester_id: z.number().optional(),
  requester: person.optional(),
  requested_for_id: z.number().optional(),
  requested_for: person.optional(),
  department_id: z.number().optional(),
  department_name: z.string().optional(),
  workspace_id: z.number().optional(),
  sla_policy_id: z.number().optional(),
  tags: z.array(z.string()).optional().describe("present only when asked for (include tags)"),
  cc_emails: z.array(z.string()).optional(),
  spam: z.literal(true).optional(),
  deleted: z.literal(true).optional(),
  is_escalated: z.literal(true).optional(),
  fr_escalated: z.literal(true).optional(),
  due_by: z.string().optional(),
  fr_due_by: z.string().optional(),
  created_at: z.string(),
  updated_at: z.string(),
  custom_fields: z.record(z.string(), z.unknown()).optional(),
  description_text: z.string().optional(),
  attachments: z.array(z.string()).optional().describe("attachment file names"),
  stats: z
    .record(z.string(), z.string())
    .optional()
    .describe("first_responded_at, resolved_at, … timestamps"),
  assets: z
    .array(z.object({ display_id: z.number().optional(), name: z.string().optional() }))
    .optional()
    .describe("assets linked to the ticket"),
  conversations: z
    .array(fsConversationOutput)
    .optional()
    .describe("at most the first 10; list_conversations has all"),
});
export type FsTicketOutput = z.output<typeof fsTicketOutput>;

const trueOrUndefined = (value: boolean | null | undefined) => (value ? (true as const) : undefined);

/** The agent portal's ticket page; `/a/tickets/{id}` as in Freshdesk [inferred for Freshservice]. */
export function fsTicketUrl(portalUrl: string | undefined, id: number): string | undefined {
  return portalUrl ? `${portalUrl.replace(/\/+$/, "")}/a/tickets/${id}` : undefined;
}

function toPerson(p: PersonLike | null | undefined) {
  if (!p) return undefined;
  const name = p.name ?? ([p.first_name, p.last_name].filter(Boolean).join(" ") || undefined);
  return { id: p.id ?? undefined, name, email: p.email ?? p.primary_email ?? undefined };
}

export function toFsTicketOutput(
  ticket: TicketLike,
  names: FsNames,
  options: { portalUrl: string | undefined; maxBody: number },
): FsTicketOutput {
  const description = bodyText(ticket.description_text, ticket.description);
  return dropEmpty({
    id: ticket.id,
    url: fsTicketUrl(options.portalUrl, ticket.id),
    subject: ticket.subject ?? undefined,
    type: ticket.type ?? undefined,
    status: ticket.status,
    status_name: names.status(ticket.status),
    priority: ticket.priority,
    priority_name: names.priority(ticket.priority),
    urgency: ticket.urgency ?? undefined,
    urgency_name: names.urgency(ticket.urgency),
    impact: ticket.impact ?? undefined,
    impact_name: names.impact(ticket.impact),
    source: ticket.source ?? undefined,
    source_name: names.source(ticket.source),
    category: ticket.category ?? undefined,
    sub_category: ticket.sub_category ?? undefined,
    item_category: ticket.item_category ?? undefined,
    group_id: ticket.group_id ?? undefined,
    group_name: names.group(ticket.group_id),
    responder_id: ticket.responder_id ?? undefined,
    responder_name: names.agent(ticket.responder_id),
    requester_id: ticket.requester_id ?? undefined,
    requester: toPerson(ticket.requester),
    requested_for_id: ticket.requested_for_id ?? undefined,
    requested_for: toPerson(ticket.requested_for),
    department_id: ticket.department_id ?? undefined,
    department_name: names.department(ticket.department_id),
    workspace_id: ticket.workspace_id ?? undefined,
    sla_policy_id: ticket.sla_policy_id ?? undefined,
    tags: ticket.tags ?? undefined,
    cc_emails: ticket.cc_emails ?? undefined,
    spam: trueOrUndefined(ticket.spam),
    deleted: trueOrUndefined(ticket.deleted),
    is_escalated: trueOrUndefined(ticket.is_escalated),
    fr_escalated: trueOrUndefined(ticket.fr_escalated),
    due_by: ticket.due_by ?? undefined,
    fr_due_by: ticket.fr_due_by ?? undefined,
    created_at: ticket.created_at,
    updated_at: ticket.updated_at,
    custom_fields: ticket.custom_fields ?? undefined,
    description_text: description
      ? clip(description, options.maxBody, "get_ticket shows the full description")
      : undefined,
    attachments: ticket.attachments?.map((a) => a.name ?? "(unnamed)"),
    stats: ticket.stats
      ? (Object.fromEntries(Object.entries(ticket.stats).filter(([, v]) => typeof v === "string")) as Record<
          string,
          string
        >)
      : undefined,
    assets: ticket.assets?.map((a) => ({
      display_id: typeof a.display_id === "number" ? a.display_id : undefined,
      name: typeof a.name === "string" ? a.name : undefined,
    })),
    conversations: ticket.conversations?.map((c) => toFsConversationOutput(c, names, options.maxBody)),
  });
}

/** The category path, "Hardware › Computer › Mac", or undefined when the ticket has none. */
export function categoryPath(t: Pick<FsTicketOutput, "category" | "sub_category" | "item_category">) {
  const levels = [t.category, t.sub_category, t.item_category].filter(Boolean);
  return levels.length > 0 ? levels.join(" › ") : undefined;
}

/** One line per ticket, for lists. */
export function renderFsTicketLine(t: FsTicketOutput): string {
  const parts = [
    `#${t.id} ${JSON.stringify(t.subject ?? "")}`,
    t.type,
    t.status_name ?? `status ${t.status}`,
    `priority ${t.priority_name ?? t.priority}`,
    t.urgency !== undefined ? `urgency ${t.urgency_name ?? t.urgency}` : undefined,
    t.impact !== undefined ? `impact ${t.impact_name ?? t.impact}` : undefined,
    categoryPath(t),
    t.group_name ? `group ${t.group_name}` : t.group_id ? `group ${t.group_id}` : "no group",
    t.responder_name
      ? `agent ${t.responder_name}`
      : t.responder_id
        ? `agent ${t.responder_id}`
        : "unassigned",
    `updated ${t.updated_at}`,
  ];
  return parts.filter(Boolean).join(" | ");
}

export function renderFsTicket(t: FsTicketOutput): string {
  const lines = [renderFsTicketLine(t)];
  if (t.requester)
    lines.push(`Requester: ${t.requester.name ?? ""} <${t.requester.email ?? t.requester.id}>`);
  if (t.department_name || t.department_id) lines.push(`Department: ${t.department_name ?? t.department_id}`);
  if (t.tags?.length) lines.push(`Tags: ${t.tags.join(", ")}`);
  if (t.assets?.length)
    lines.push(`Assets: ${t.assets.map((a) => `${a.name ?? ""} (${a.display_id})`).join(", ")}`);
  if (t.due_by) lines.push(`Due: ${t.due_by} (first response by ${t.fr_due_by ?? "n/a"})`);
  if (t.url) lines.push(`Link: ${t.url}`);
  if (t.description_text) lines.push("", t.description_text);
  for (const c of t.conversations ?? []) lines.push("", renderFsConversation(c));
  return lines.join("\n");
}
