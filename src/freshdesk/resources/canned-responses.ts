import { z } from "zod";
import type { Page, PageOptions } from "../pagination.ts";
import {
  type CannedResponse,
  type CannedResponseFolder,
  cannedResponseFolderSchema,
  cannedResponseSchema,
} from "../schemas/canned-response.ts";
import type { Transport } from "../transport.ts";
import { resourceId } from "./resource-id.ts";

export function cannedResponsesApi(transport: Transport) {
  return {
    async listFolders(): Promise<Page<CannedResponseFolder>> {
      const { data, nextPage } = await transport.json(
        { method: "GET", path: "/canned_response_folders" },
        z.array(cannedResponseFolderSchema),
      );
      return { items: data, nextPage };
    },

    async listInFolder(folderId: number, options: PageOptions = {}): Promise<Page<CannedResponse>> {
      const { data, nextPage } = await transport.json(
        {
          method: "GET",
          path: `/canned_response_folders/${resourceId("canned response folder", folderId)}/responses`,
          query: { page: options.page, per_page: options.perPage },
        },
        z.array(cannedResponseSchema),
      );
      return { items: data, nextPage };
    },

    /** With `ticketId`, Freshdesk also renders the placeholders for that ticket (`evaluated_response`). */
    async get(id: number, options: { ticketId?: number } = {}): Promise<CannedResponse> {
      const query =
        options.ticketId === undefined ? {} : { include: "evaluated_response", ticket_id: options.ticketId };
      const { data } = await transport.json(
        { method: "GET", path: `/canned_responses/${resourceId("canned response", id)}`, query },
        cannedResponseSchema,
      );
      return data;
    },
  };
}

export type CannedResponsesApi = ReturnType<typeof cannedResponsesApi>;
