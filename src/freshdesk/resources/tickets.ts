import { z } from "zod";
import type { Page, PageOptions } from "../pagination.ts";
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
  };
}

export type TicketsApi = ReturnType<typeof ticketsApi>;
