import { z } from "zod";
import type { Page, PageOptions } from "../pagination.ts";
import { type BulkJob, type BulkJobStart, bulkJobSchema, bulkJobStartSchema } from "../schemas/bulk-job.ts";
import { type Conversation, conversationSchema } from "../schemas/conversation.ts";
import { type Ticket, ticketSchema } from "../schemas/ticket.ts";
import type { Transport } from "../transport.ts";
import { resourceId } from "./resource-id.ts";

export type TicketInclude = "conversations" | "requester" | "company" | "stats" | "sla_policy";
export type TicketListInclude = "requester" | "stats" | "company" | "description";

/** Query parameters of GET /tickets (reference §5.6), under Freshdesk's own names. */
export type TicketListParams = PageOptions & {
  filter?: "new_and_my_open" | "watching" | "spam" | "deleted";
  requester_id?: number;
  email?: string;
  company_id?: number;
  updated_since?: string;
  order_by?: "created_at" | "updated_at" | "priority" | "status" | "due_by";
  order_type?: "asc" | "desc";
  include?: TicketListInclude[];
};

/** Body of POST /tickets; Freshdesk validates it and answers with field errors. */
export type TicketCreate = {
  subject?: string;
  description?: string;
  requester_id?: number;
  email?: string;
  phone?: string;
  name?: string;
  twitter_id?: string;
  facebook_id?: string;
  unique_external_id?: string;
  status?: number;
  priority?: number;
  source?: number;
  type?: string | null;
  group_id?: number | null;
  responder_id?: number | null;
  company_id?: number | null;
  product_id?: number | null;
  email_config_id?: number | null;
  due_by?: string;
  fr_due_by?: string;
  tags?: string[];
  cc_emails?: string[];
  custom_fields?: Record<string, unknown>;
  parent_id?: number;
  related_ticket_ids?: number[];
};

/** Body of PUT /tickets/{id}: the create fields minus `cc_emails`, plus two update-only ones. */
export type TicketUpdate = Omit<TicketCreate, "cc_emails"> & {
  skip_close_notification?: boolean;
  skill_id?: number;
};

/** Body of PUT /tickets/merge (reference §5.6.2); "recepients" is Freshdesk's spelling. */
export type TicketMerge = {
  primary_id: number;
  ticket_ids: number[];
  note_in_primary?: { body: string; private?: boolean };
  note_in_secondary?: { body: string; private?: boolean };
  convert_recepients_to_cc?: boolean;
};

/** Body of POST /tickets/{id}/forward. */
export type TicketForward = {
  to_emails: string[];
  body?: string;
  cc_emails?: string[];
  bcc_emails?: string[];
  from_email?: string;
  agent_id?: number;
  include_quoted_text?: boolean;
  include_original_attachments?: boolean;
};

/** `bulk_action` of POST /tickets/bulk_update (reference §5.6.1): at most 100 ids. */
export type TicketBulkUpdate = {
  ids: number[];
  properties?: TicketUpdate;
  reply?: { body: string };
};

export function ticketsApi(transport: Transport) {
  return {
    /** `include` costs one extra credit per value. */
    async get(id: number, options: { include?: TicketInclude[] } = {}): Promise<Ticket> {
      const include = options.include ?? [];
      const { data } = await transport.json(
        {
          method: "GET",
          path: `/tickets/${resourceId("ticket", id)}`,
          query: { include: include.length > 0 ? include : undefined },
          cost: 1 + include.length,
        },
        ticketSchema,
      );
      return data;
    },

    /** `include` costs two extra credits per value on lists. */
    async list(params: TicketListParams = {}): Promise<Page<Ticket>> {
      const { page, perPage, include = [], ...filters } = params;
      const { data, nextPage } = await transport.json(
        {
          method: "GET",
          path: "/tickets",
          query: { ...filters, include: include.length > 0 ? include : undefined, page, per_page: perPage },
          cost: 1 + 2 * include.length,
        },
        z.array(ticketSchema),
      );
      return { items: data, nextPage };
    },

    async create(body: TicketCreate): Promise<Ticket> {
      const { data } = await transport.json({ method: "POST", path: "/tickets", body }, ticketSchema);
      return data;
    },

    async update(id: number, body: TicketUpdate): Promise<Ticket> {
      const { data } = await transport.json(
        { method: "PUT", path: `/tickets/${resourceId("ticket", id)}`, body },
        ticketSchema,
      );
      return data;
    },

    /** Soft delete: the ticket stays readable with `deleted: true` and can be restored. */
    async delete(id: number): Promise<void> {
      await transport.empty({ method: "DELETE", path: `/tickets/${resourceId("ticket", id)}` });
    },

    async restore(id: number): Promise<void> {
      await transport.empty({ method: "PUT", path: `/tickets/${resourceId("ticket", id)}/restore` });
    },

    /** Closes the `ticket_ids` tickets into `primary_id`, with a note on each side. */
    async merge(body: TicketMerge): Promise<void> {
      await transport.empty({ method: "PUT", path: "/tickets/merge", body });
    },

    async forward(id: number, body: TicketForward): Promise<Conversation> {
      const { data } = await transport.json(
        { method: "POST", path: `/tickets/${resourceId("ticket", id)}/forward`, body },
        conversationSchema,
      );
      return data;
    },

    /** Starts a bulk update; Freshdesk answers 202 with a job to poll with `job`. */
    async bulkUpdate(action: TicketBulkUpdate): Promise<BulkJobStart> {
      const { data } = await transport.json(
        { method: "POST", path: "/tickets/bulk_update", body: { bulk_action: action } },
        bulkJobStartSchema,
      );
      return data;
    },

    async job(jobId: string): Promise<BulkJob> {
      const { data } = await transport.json(
        { method: "GET", path: `/jobs/${encodeURIComponent(jobId)}` },
        bulkJobSchema,
      );
      return data;
    },

    async watchers(id: number): Promise<number[]> {
      const { data } = await transport.json(
        { method: "GET", path: `/tickets/${resourceId("ticket", id)}/watchers` },
        z.object({ watcher_ids: z.array(z.number().int()) }),
      );
      return data.watcher_ids;
    },

    /** Without `userId`, the agent whose key makes the call. */
    async watch(id: number, userId?: number): Promise<void> {
      await transport.empty({
        method: "PUT",
        path: `/tickets/${resourceId("ticket", id)}/watch`,
        ...(userId === undefined ? {} : { body: { user_id: userId } }),
      });
    },

    async unwatch(id: number, userId?: number): Promise<void> {
      await transport.empty({
        method: "PUT",
        path: `/tickets/${resourceId("ticket", id)}/unwatch`,
        ...(userId === undefined ? {} : { body: { user_id: userId } }),
      });
    },
  };
}

export type TicketsApi = ReturnType<typeof ticketsApi>;
