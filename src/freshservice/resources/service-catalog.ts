import { z } from "zod";
import type { Page } from "../../freshdesk/pagination.ts";
import type { Transport } from "../../freshdesk/transport.ts";
import { envelope } from "../schemas/common.ts";
import {
  type FsServiceCategory,
  type FsServiceItem,
  fsServiceCategorySchema,
  fsServiceItemSchema,
} from "../schemas/service-catalog.ts";
import { type FsTicket, fsTicketSchema } from "../schemas/ticket.ts";
import { allPages, type FsPageOptions, laterPage, pageQuery, resourceId } from "./params.ts";

/** Body of POST /service_catalog/items/{display_id}/place_request [DOC]. */
export type FsServiceRequestCreate = {
  /** The requester; without it the request is raised for the agent whose key makes the call. */
  email?: string;
  /** Email of the person the item is for. */
  requested_for?: string;
  quantity?: number;
  /** Answers to the item's form, keyed by field name. */
  custom_fields?: Record<string, unknown>;
  parent_ticket_id?: number;
};

export function serviceCatalogApi(transport: Transport) {
  return {
    async items(params: FsPageOptions & { categoryId?: number } = {}): Promise<Page<FsServiceItem>> {
      const { data, nextPage } = await transport.json(
        {
          method: "GET",
          path: "/service_catalog/items",
          query: {
            category_id:
              params.categoryId === undefined ? undefined : resourceId("service category", params.categoryId),
            ...pageQuery(params),
          },
        },
        envelope("service_items", z.array(fsServiceItemSchema)),
      );
      return { items: data, nextPage };
    },

    async item(displayId: number): Promise<FsServiceItem> {
      const { data } = await transport.json(
        { method: "GET", path: `/service_catalog/items/${resourceId("service item", displayId)}` },
        envelope("service_item", fsServiceItemSchema),
      );
      return data;
    },

    async categories(): Promise<FsServiceCategory[]> {
      return allPages(async (page) => {
        const { data, nextPage } = await transport.json(
          { method: "GET", path: "/service_catalog/categories", query: laterPage(page) },
          envelope("service_categories", z.array(fsServiceCategorySchema)),
        );
        return { items: data, nextPage };
      });
    },

    /**
     * Raises a Service Request ticket for the item; answers `{"service_request": …}` with ticket
     * fields [DOC]. Counted in the "view_write" sub-limit as a ticket create [inferred].
     */
    async placeRequest(displayId: number, body: FsServiceRequestCreate = {}): Promise<FsTicket> {
      const { data } = await transport.json(
        {
          method: "POST",
          path: `/service_catalog/items/${resourceId("service item", displayId)}/place_request`,
          body,
          bucket: "view_write",
        },
        envelope("service_request", fsTicketSchema),
      );
      return data;
    },
  };
}

export type FsServiceCatalogApi = ReturnType<typeof serviceCatalogApi>;
