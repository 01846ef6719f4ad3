import { z } from "zod";
import type { Page } from "../../freshdesk/pagination.ts";
import type { Transport } from "../../freshdesk/transport.ts";
import { envelope } from "../schemas/common.ts";
import { type FsActivity, fsActivitySchema } from "../schemas/conversation.ts";
import { type FsTicket, fsTicketSchema } from "../schemas/ticket.ts";
import { type FsPageOptions, isoDateTime, pageQuery, quoted, resourceId } from "./params.ts";

/** Embeds of GET /tickets/{id} [DOC]. Each costs credits: ask only for what is used. */
export type FsTicketInclude =
  | "conversations"
  | "requester"
  | "requested_for"
  | "stats"
  | "problem"
  | "assets"
  | "changes"
  | "related_tickets"
  | "tags";

/** Embeds of GET /tickets [DOC]. */
export type FsTicketListInclude = "stats" | "requester" | "requested_for";

export type FsTicketListParams = FsPageOptions & {
  filter?: "new_and_my_open" | "watching" | "spam" | "deleted";
  requesterId?: number;
  email?: string;
  /** Only tickets updated since then; without it (or a filter) Freshservice lists the last 30 days. */
  updatedSince?: string | Date;
  type?: "Incident" | "Service Request";
  /** 0 = every workspace (global fields only); default the primary workspace [DOC]. */
  workspaceId?: number;
  orderType?: "asc" | "desc";
  include?: FsTicketListInclude[];
};

/** Body of POST /tickets [DOC]. Send `status` and `priority` always [inferred from the docs' muddled stars]. */
export type FsTicketCreate = {
  subject?: string;
  description?: string;
  requester_id?: number;
  email?: string;
  phone?: string;
  name?: string;
  requested_for_id?: number;
  status?: number;
  priority?: number;
  urgency?: number;
  impact?: number;
  source?: number;
  type?: string;
  group_id?: number | null;
  responder_id?: number | null;
  department_id?: number | null;
  category?: string | null;
  sub_category?: string | null;
  item_category?: string | null;
  email_config_id?: number;
  due_by?: string;
  fr_due_by?: string;
  /** Replaces the ticket's whole tag list. */
  tags?: string[];
  cc_emails?: string[];
  custom_fields?: Record<string, unknown>;
  workspace_id?: number;
  /** Replaces the linked assets. */
  assets?: { display_id: number }[];
};

/** Body of PUT /tickets/{id}: a partial update. `workspace_id` moves only via move_workspace [DOC]. */
export type FsTicketUpdate = Omit<FsTicketCreate, "workspace_id" | "cc_emails">;

/** A page of /tickets/filter: 30 a page, with the total count of matches [DOC]. */
export type FsFilterResult = { items: FsTicket[]; total: number; nextPage: number | undefined };

export const FILTER_PAGE_SIZE = 30;

/**
 * Credits per embed: +1 on a show call, +2 on a list call [DOC embedding]. Conversations on a
 * show call are documented as "2 credits"; read as their extra cost, to stay on the safe side
 * [inferred].
 */
const SHOW_INCLUDE_COST: Record<FsTicketInclude, number> = {
  conversations: 2,
  requester: 1,
  requested_for: 1,
  stats: 1,
  problem: 1,
  assets: 1,
  changes: 1,
  related_tickets: 1,
  tags: 1,
};
const LIST_INCLUDE_COST = 2;

const ticketEnvelope = envelope("ticket", fsTicketSchema);

export function ticketsApi(transport: Transport) {
  return {
    /** Tags are not in a plain GET: pass `include: ["tags"]` when they are needed [DOC]. */
    async get(id: number, options: { include?: FsTicketInclude[] } = {}): Promise<FsTicket> {
      const include = [...new Set(options.include ?? [])];
      const { data } = await transport.json(
        {
          method: "GET",
          path: `/tickets/${resourceId("ticket", id)}`,
          query: { include: include.length > 0 ? include : undefined },
          cost: 1 + include.reduce((sum, name) => sum + (SHOW_INCLUDE_COST[name] ?? 1), 0),
          bucket: "view_write",
        },
        ticketEnvelope,
      );
      return data;
    },

    async list(params: FsTicketListParams = {}): Promise<Page<FsTicket>> {
      const include = [...new Set(params.include ?? [])];
      const { data, nextPage } = await transport.json(
        {
          method: "GET",
          path: "/tickets",
          query: {
            filter: params.filter,
            requester_id: params.requesterId,
            email: params.email,
            updated_since: isoDateTime("updatedSince", params.updatedSince),
            type: params.type,
            workspace_id: params.workspaceId,
            order_type: params.orderType,
            include: include.length > 0 ? include : undefined,
            ...pageQuery(params),
          },
          cost: 1 + LIST_INCLUDE_COST * include.length,
          bucket: "list",
        },
        envelope("tickets", z.array(fsTicketSchema)),
      );
      return { items: data, nextPage };
    },

    /**
     * GET /tickets/filter: `query` is the bare expression (`status:2 AND priority:>3`); the
     * client puts it in the double quotes Freshservice requires. 30 a page; `nextPage` follows
     * from `total`. Counted in the "list" sub-limit [inferred: the docs name "list tickets" only].
     * Page cap [open]; filters of other resources stop at page 40.
     */
    async filter(
      query: string,
      options: { page?: number; workspaceId?: number } = {},
    ): Promise<FsFilterResult> {
      const page = options.page ?? 1;
      const { data } = await transport.json(
        {
          method: "GET",
          path: "/tickets/filter",
          query: {
            query: quoted("filter query", query),
            ...pageQuery({ page }),
            workspace_id: options.workspaceId,
          },
          bucket: "list",
        },
        z.object({ tickets: z.array(fsTicketSchema), total: z.number().int() }).loose(),
      );
      return {
        items: data.tickets,
        total: data.total,
        nextPage: page * FILTER_PAGE_SIZE < data.total ? page + 1 : undefined,
      };
    },

    async create(body: FsTicketCreate): Promise<FsTicket> {
      const { data } = await transport.json(
        { method: "POST", path: "/tickets", body, bucket: "view_write" },
        ticketEnvelope,
      );
      return data;
    },

    /** `bypassMandatory` (admins only) skips mandatory-field checks except requester and source [DOC]. */
    async update(
      id: number,
      body: FsTicketUpdate,
      options: { bypassMandatory?: boolean } = {},
    ): Promise<FsTicket> {
      const { data } = await transport.json(
        {
          method: "PUT",
          path: `/tickets/${resourceId("ticket", id)}`,
          query: { bypass_mandatory: options.bypassMandatory ? true : undefined },
          body,
          bucket: "view_write",
        },
        ticketEnvelope,
      );
      return data;
    },

    /** Moves the ticket to the trash; `restore` brings it back. */
    async delete(id: number): Promise<void> {
      await transport.empty({ method: "DELETE", path: `/tickets/${resourceId("ticket", id)}` });
    },

    /** The docs label it GET, but their example (and the service) use PUT [DOC]. */
    async restore(id: number): Promise<void> {
      await transport.empty({ method: "PUT", path: `/tickets/${resourceId("ticket", id)}/restore` });
    },

    /** The latest 20 activities (who changed what, which workflow ran) [DOC]. */
    async activities(id: number): Promise<FsActivity[]> {
      const { data } = await transport.json(
        { method: "GET", path: `/tickets/${resourceId("ticket", id)}/activities` },
        envelope("activities", z.array(fsActivitySchema)),
      );
      return data;
    },
  };
}

export type FsTicketsApi = ReturnType<typeof ticketsApi>;
