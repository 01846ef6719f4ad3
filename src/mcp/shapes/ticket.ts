import { z } from "zod";
import type { Ticket } from "../../freshdesk/index.ts";
import { clip, dropEmpty } from "../output/clean.ts";
import { bodyText } from "../output/html-to-text.ts";
import type { Names } from "../output/names.ts";
import { conversationOutput, renderConversation, toConversationOutput } from "./conversation.ts";

export const ticketOutput = z.object({
  id: z.number(),
  url: z.string().optional().describe("link to the ticket in the agent portal"),
  subject: z.string().optional(),
  status: z.number(),
  status_name: z.string().optional(),
  priority: z.number(),
  priority_name: z.string().optional(),
  source: z.number().optional(),
  source_name: z.string().optional(),
  type: z.string().optional(),
  group_id: z.number().optional(),
  group_name: z.string().optional(),
  responder_id: z.number().optional(),
  responder_name: z.string().optional(),
  requester_id: z.number().optional(),
  requester: z
    .object({
      id: z.number(),
      name: z.string().optional(),
      email: z.string().optional(),
      phone: z.string().optional(),
      mobile: z.string().optional(),
    })
    .optional(),
  company_id: z.number().optional(),
  company_name: z.string().optional(),
  product_id: z.number().optional(),
  tags: z.array(z.string()).optional(),
  cc_emails: z.array(z.string()).optional(),
  spam: z.literal(true).optional(),
  deleted: z.literal(true).optional(),
  is_escalated: z.literal(true).optional(),
  fr_escalated: z.literal(true).optional(),
  due_by: z.string().optional(),
  fr_due_by: z.string().optional(),
  nr_due_by: z.string().optional(),
  created_at: z.string(),
  updated_at: z.string(),
  custom_fields: z.record(z.string(), z.unknown()).optional(),
  description_text: z.string().optional(),
  attachments: z.array(z.string()).optional().describe("attachment file names"),
  associated_tickets_count: z.number().optional(),
  stats: z
    .record(z.string(), z.string())
    .optional()
    .describe("first_responded_at, resolved_at, … timestamps"),
  conversations: z
    .array(conversationOutput)
    .optional()
    .describe("at most the first 10; list_conversations has all"),
});
export type TicketOutput = z.output<typeof ticketOutput>;

const trueOrUndefined = (value: boolean | null | undefined) => (value ? (true as const) : undefined);

export function ticketUrl(portalUrl: string | undefined, id: number): string | undefined {
  return portalUrl ? `${portalUrl.replace(/\/+$/, "")}/a/tickets/${id}` : undefined;
}

export function toTicketOutput(
  ticket: Ticket,
  names: Names,
  options: { portalUrl: string | undefined; maxBody: number },
): TicketOutput {
  const requester = ticket.requester;
  const description = bodyText(ticket.description_text, ticket.description);
  return dropEmpty({
    id: ticket.id,
    url: ticketUrl(options.portalUrl, ticket.id),
    subject: ticket.subject ?? undefined,
    status: ticket.status,
    status_name: names.status(ticket.status),
    priority: ticket.priority,
    priority_name: names.priority(ticket.priority),
    source: ticket.source,
    source_name: names.source(ticket.source),
    type: ticket.type ?? undefined,
    group_id: ticket.group_id ?? undefined,
    group_name: names.group(ticket.group_id),
    responder_id: ticket.responder_id ?? undefined,
    responder_name: names.agent(ticket.responder_id),
    requester_id: ticket.requester_id ?? undefined,
    requester: requester
      ? {
          id: requester.id,
          name: requester.name ?? undefined,
          email: requester.email ?? undefined,
          phone: requester.phone ?? undefined,
          mobile: requester.mobile ?? undefined,
        }
      : undefined,
    company_id: ticket.company_id ?? undefined,
    company_name: ticket.company?.name ?? undefined,
    product_id: ticket.product_id ?? undefined,
    tags: ticket.tags ?? undefined,
    cc_emails: ticket.cc_emails ?? undefined,
    spam: trueOrUndefined(ticket.spam),
    deleted: trueOrUndefined(ticket.deleted),
    is_escalated: trueOrUndefined(ticket.is_escalated),
    fr_escalated: trueOrUndefined(ticket.fr_escalated),
    due_by: ticket.due_by ?? undefined,
    fr_due_by: ticket.fr_due_by ?? undefined,
    nr_due_by: ticket.nr_due_by ?? undefined,
    created_at: ticket.created_at,
    updated_at: ticket.updated_at,
    custom_fields: ticket.custom_fields ?? undefined,
    description_text: description
      ? clip(description, options.maxBody, "get_ticket shows the full description")
      : undefined,
    attachments: ticket.attachments?.map((a) => a.name),
    associated_tickets_count: ticket.associated_tickets_count ?? undefined,
    stats: ticket.stats
      ? (Object.fromEntries(Object.entries(ticket.stats).filter(([, v]) => typeof v === "string")) as Record<
          string,
          string
        >)
      : undefined,
    conversations: ticket.conversations?.map((c) => toConversationOutput(c, names, options.maxBody)),
  });
}

/** One line per ticket, for lists. */
export function renderTicketLine(t: TicketOutput): string {
  const parts = [
    `#${t.id} ${JSON.stringify(t.subject ?? "")}`,
    t.status_name ?? `status ${t.status}`,
    t.priority_name ?? `priority ${t.priority}`,
    t.group_name ? `group ${t.group_name}` : t.group_id ? `group ${t.group_id}` : "no group",
    t.responder_name
      ? `agent ${t.responder_name}`
      : t.responder_id
        ? `agent ${t.responder_id}`
        : "unassigned",
    `updated ${t.updated_at}`,
  ];
  return parts.join(" | ");
}

export function renderTicket(t: TicketOutput): string {
  const lines = [renderTicketLine(t)];
  if (t.requester)
    lines.push(`Requester: ${t.requester.name ?? ""} <${t.requester.email ?? t.requester.id}>`);
  if (t.type) lines.push(`Type: ${t.type}`);
  if (t.tags?.length) lines.push(`Tags: ${t.tags.join(", ")}`);
  if (t.due_by) lines.push(`Due: ${t.due_by} (first response by ${t.fr_due_by ?? "n/a"})`);
  if (t.url) lines.push(`Link: ${t.url}`);
  if (t.description_text) lines.push("", t.description_text);
  for (const c of t.conversations ?? []) lines.push("", renderConversation(c));
  return lines.join("\n");
}
