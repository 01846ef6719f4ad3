import { z } from "zod";
import { attachmentSchema, customFields, id, phoneLike, stringList, timestamp } from "./common.ts";
import { conversationSchema } from "./conversation.ts";

export const ticketRequesterSchema = z.object({
  id: id,
  name: z.string().nullish(),
  email: z.string().nullish(),
  mobile: phoneLike.nullish(),
  phone: phoneLike.nullish(),
});

export const ticketStatsSchema = z.object({
  agent_responded_at: timestamp.nullish(),
  requester_responded_at: timestamp.nullish(),
  first_responded_at: timestamp.nullish(),
  status_updated_at: timestamp.nullish(),
  reopened_at: timestamp.nullish(),
  resolved_at: timestamp.nullish(),
  closed_at: timestamp.nullish(),
  pending_since: timestamp.nullish(),
});

/** `include=company` gives `{id, name}`, or `{}` when the ticket has no company. */
export const ticketCompanySchema = z.object({ id: id.optional(), name: z.string().nullish() });

/** One schema for show, create, update, list and search variants; see reference §5.1-5.2. */
export const ticketSchema = z.object({
  id: id,
  subject: z.string().nullish(),
  status: z.number().int(),
  priority: z.number().int(),
  source: z.number().int(),
  type: z.string().nullish(),
  requester_id: id.nullish(),
  responder_id: id.nullish(),
  group_id: id.nullish(),
  company_id: id.nullish(),
  product_id: id.nullish(),
  email_config_id: id.nullish(),
  internal_agent_id: id.nullish(),
  internal_group_id: id.nullish(),
  association_type: z.number().int().nullish(),
  associated_tickets_count: z.number().int().nullish(),
  cc_emails: stringList.nullish(),
  fwd_emails: stringList.nullish(),
  reply_cc_emails: stringList.nullish(),
  ticket_cc_emails: stringList.nullish(),
  to_emails: stringList.nullish(),
  spam: z.boolean().nullish(),
  deleted: z.boolean().nullish(),
  fr_escalated: z.boolean().nullish(),
  is_escalated: z.boolean().nullish(),
  nr_escalated: z.boolean().nullish(),
  due_by: timestamp.nullish(),
  fr_due_by: timestamp.nullish(),
  nr_due_by: timestamp.nullish(),
  description: z.string().nullish(),
  description_text: z.string().nullish(),
  custom_fields: customFields.nullish(),
  tags: stringList.nullish(),
  attachments: z.array(attachmentSchema).nullish(),
  created_at: timestamp,
  updated_at: timestamp,
  requester: ticketRequesterSchema.nullish(),
  stats: ticketStatsSchema.nullish(),
  company: ticketCompanySchema.nullish(),
  sla_policy: z.record(z.string(), z.unknown()).nullish(),
  conversations: z.array(conversationSchema).nullish(),
});

export type Ticket = z.infer<typeof ticketSchema>;
export type TicketRequester = z.infer<typeof ticketRequesterSchema>;
export type TicketStats = z.infer<typeof ticketStatsSchema>;
