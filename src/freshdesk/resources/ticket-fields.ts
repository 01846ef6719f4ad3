import { z } from "zod";
import type { Page } from "../pagination.ts";
import { type TicketField, ticketFieldSchema } from "../schemas/ticket-field.ts";
import type { Transport } from "../transport.ts";

export function ticketFieldsApi(transport: Transport) {
  return {
    /** Not paginated by Freshdesk; returned as one page. `type` narrows to e.g. "default_status". */
    async list(params: { type?: string } = {}): Promise<Page<TicketField>> {
      const { data, nextPage } = await transport.json(
        { method: "GET", path: "/ticket_fields", query: { type: params.type } },
        z.array(ticketFieldSchema),
      );
      return { items: data, nextPage };
    },
  };
}

export type TicketFieldsApi = ReturnType<typeof ticketFieldsApi>;
