import { z } from "zod";
import type { Page, PageOptions } from "../pagination.ts";
import { type SatisfactionRating, satisfactionRatingSchema } from "../schemas/satisfaction-rating.ts";
import type { Transport } from "../transport.ts";
import { resourceId } from "./resource-id.ts";

export type SatisfactionRatingListParams = PageOptions & { created_since?: string; user_id?: number };

export function satisfactionRatingsApi(transport: Transport) {
  return {
    async listForTicket(ticketId: number, options: PageOptions = {}): Promise<Page<SatisfactionRating>> {
      const { data, nextPage } = await transport.json(
        {
          method: "GET",
          path: `/tickets/${resourceId("ticket", ticketId)}/satisfaction_ratings`,
          query: { page: options.page, per_page: options.perPage },
        },
        z.array(satisfactionRatingSchema),
      );
      return { items: data, nextPage };
    },

    async list(params: SatisfactionRatingListParams = {}): Promise<Page<SatisfactionRating>> {
      const { page, perPage, ...filters } = params;
      const { data, nextPage } = await transport.json(
        {
          method: "GET",
          path: "/surveys/satisfaction_ratings",
          query: { ...filters, page, per_page: perPage },
        },
        z.array(satisfactionRatingSchema),
      );
      return { items: data, nextPage };
    },
  };
}

export type SatisfactionRatingsApi = ReturnType<typeof satisfactionRatingsApi>;
