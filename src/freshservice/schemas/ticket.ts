import { z } from "zod";
import { customFields, fsAttachmentSchema, id, stringList, textLike, timestamp } from "./common.ts";
import { fsConversationSchema } from "./conversation.ts";

/** `include=requester` / `include=requested_for`: the person, as a small object [DOC]. */
export const fsTicketPersonSchema = z
  .object({
    id: id,
    name: z.string().nullish(),
    email: z.string().nullish(),
    primary_email: z.string().nullish(),
    first_name: z.string().nullish(),
    last_name: z.string().nullish(),
    mobile: textLike.nullish(),
    phone: textLike.nullish(),
  })
  .loose();

/** `include=stats` [DOC]. */
export const fsTicketStatsSchema = z
  .object({
    first_responded_at: timestamp.nullish(),
    agent_responded_at: timestamp.nullish(),
    requester_responded_at: timestamp.nullish(),
    resolved_at: timestamp.nullish(),
    closed_at: timestamp.nullish(),
    opened_at: timestamp.nullish(),
    pending_since: timestamp.nullish(),
    status_updated_at: timestamp.nullish(),
  })
  .loose();

/** A service request's line item (`requested_items`, after place_request) [DOC]. */
export const fsRequestedItemSchema = z
  .object({
    id: id,
    quantity: z.number().nullish(),
    /** 1 Requested, 2 Delivered, 3 Cancelled, 4 Fulfilled, 5 Partially Fulfilled. */
    stage: z.number().int().nullish(),
    service_item_id: id.nullish(),
    service_item_name: z.string().nullish(),
    custom_fields: customFields.nullish(),
  })
  .loose();

/** Embedded records we only pass on (problem, assets, changes, related tickets) [inferred shapes]. */
const looseRecord = z.record(z.string(), z.unknown());

/**
 * One schema for show, list, filter, create, update and service-request answers [DOC tickets].
 * `category` levels are strings although the DOC attribute table says number (a doc error: the
 * create table and every sample use strings). `tags` appear only with `include=tags` on GET.
 */
export const fsTicketSchema = z
  .object({
    id: id,
    workspace_id: id.nullish(),
    subject: z.string().nullish(),
    description: z.string().nullish(),
    description_text: z.string().nullish(),
    type: z.string().nullish(),
    /** 2 Open, 3 Pending, 4 Resolved, 5 Closed; custom statuses [open]. */
    status: z.number().int(),
    /** 1 Low, 2 Medium, 3 High, 4 Urgent. */
    priority: z.number().int(),
    /** 1 Low, 2 Medium, 3 High. */
    urgency: z.number().int().nullish(),
    impact: z.number().int().nullish(),
    source: z.number().int().nullish(),
    category: z.string().nullish(),
    sub_category: z.string().nullish(),
    item_category: z.string().nullish(),
    group_id: id.nullish(),
    responder_id: id.nullish(),
    requester_id: id.nullish(),
    requested_for_id: id.nullish(),
    department_id: id.nullish(),
    email_config_id: id.nullish(),
    sla_policy_id: id.nullish(),
    due_by: timestamp.nullish(),
    fr_due_by: timestamp.nullish(),
    is_escalated: z.boolean().nullish(),
    fr_escalated: z.boolean().nullish(),
    spam: z.boolean().nullish(),
    deleted: z.boolean().nullish(),
    cc_emails: stringList.nullish(),
    fwd_emails: stringList.nullish(),
    reply_cc_emails: stringList.nullish(),
    to_emails: stringList.nullish(),
    tags: stringList.nullish(),
    custom_fields: customFields.nullish(),
    attachments: z.array(fsAttachmentSchema).nullish(),
    resolution_notes: z.string().nullish(),
    resolution_notes_html: z.string().nullish(),
    approval_status: z.number().int().nullish(),
    approval_status_name: z.string().nullish(),
    created_within_business_hours: z.boolean().nullish(),
    created_at: timestamp,
    updated_at: timestamp,
    requester: fsTicketPersonSchema.nullish(),
    requested_for: fsTicketPersonSchema.nullish(),
    stats: fsTicketStatsSchema.nullish(),
    conversations: z.array(fsConversationSchema).nullish(),
    problem: looseRecord.nullish(),
    assets: z.array(looseRecord).nullish(),
    changes: z.union([z.array(looseRecord), looseRecord]).nullish(),
    related_tickets: z.union([z.array(looseRecord), looseRecord]).nullish(),
    requested_items: z.array(fsRequestedItemSchema).nullish(),
  })
  .loose();

export type FsTicket = z.infer<typeof fsTicketSchema>;
export type FsTicketPerson = z.infer<typeof fsTicketPersonSchema>;
export type FsTicketStats = z.infer<typeof fsTicketStatsSchema>;
export type FsRequestedItem = z.infer<typeof fsRequestedItemSchema>;
