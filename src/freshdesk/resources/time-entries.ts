import { z } from "zod";
import type { Page, PageOptions } from "../pagination.ts";
import { type TimeEntry, timeEntrySchema } from "../schemas/time-entry.ts";
import type { Transport } from "../transport.ts";
import { resourceId } from "./resource-id.ts";

/** Query of GET /time_entries, under Freshdesk's own names. */
export type TimeEntryListParams = PageOptions & {
  agent_id?: number;
  company_id?: number;
  executed_after?: string;
  executed_before?: string;
  billable?: boolean;
};

export type TimeEntryCreate = {
  /** Default: the agent whose key makes the call. */
  agent_id?: number;
  billable?: boolean;
  executed_at?: string;
  note?: string;
  start_time?: string;
  /** "hh:mm"; without it Freshdesk starts a running timer. */
  time_spent?: string;
  timer_running?: boolean;
};

export function timeEntriesApi(transport: Transport) {
  return {
    async listForTicket(ticketId: number, options: PageOptions = {}): Promise<Page<TimeEntry>> {
      const { data, nextPage } = await transport.json(
        {
          method: "GET",
          path: `/tickets/${resourceId("ticket", ticketId)}/time_entries`,
          query: { page: options.page, per_page: options.perPage },
        },
        z.array(timeEntrySchema),
      );
      return { items: data, nextPage };
    },

    async list(params: TimeEntryListParams = {}): Promise<Page<TimeEntry>> {
      const { page, perPage, ...filters } = params;
      const { data, nextPage } = await transport.json(
        { method: "GET", path: "/time_entries", query: { ...filters, page, per_page: perPage } },
        z.array(timeEntrySchema),
      );
      return { items: data, nextPage };
    },

    async create(ticketId: number, body: TimeEntryCreate): Promise<TimeEntry> {
      const { data } = await transport.json(
        { method: "POST", path: `/tickets/${resourceId("ticket", ticketId)}/time_entries`, body },
        timeEntrySchema,
      );
      return data;
    },
  };
}

export type TimeEntriesApi = ReturnType<typeof timeEntriesApi>;
