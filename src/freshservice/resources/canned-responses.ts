import { z } from "zod";
import type { Transport } from "../../freshdesk/transport.ts";
import {
  type FsCannedResponse,
  type FsCannedResponseFolder,
  fsCannedResponseFolderSchema,
  fsCannedResponseSchema,
} from "../schemas/canned-response.ts";
import { envelope } from "../schemas/common.ts";
import { allPages, laterPage, resourceId } from "./params.ts";

/** Canned responses are read-only in the API [DOC]. */
export function cannedResponsesApi(transport: Transport) {
  const every = (path: string) =>
    allPages(async (page) => {
      const { data, nextPage } = await transport.json(
        { method: "GET", path, query: laterPage(page) },
        envelope("canned_responses", z.array(fsCannedResponseSchema)),
      );
      return { items: data, nextPage };
    });

  return {
    async folders(): Promise<FsCannedResponseFolder[]> {
      return allPages(async (page) => {
        const { data, nextPage } = await transport.json(
          { method: "GET", path: "/canned_response_folders", query: laterPage(page) },
          envelope("canned_response_folders", z.array(fsCannedResponseFolderSchema)),
        );
        return { items: data, nextPage };
      });
    },

    async folder(id: number): Promise<FsCannedResponseFolder> {
      const { data } = await transport.json(
        { method: "GET", path: `/canned_response_folders/${resourceId("canned response folder", id)}` },
        envelope("canned_response_folder", fsCannedResponseFolderSchema),
      );
      return data;
    },

    async inFolder(folderId: number): Promise<FsCannedResponse[]> {
      return every(
        `/canned_response_folders/${resourceId("canned response folder", folderId)}/canned_responses`,
      );
    },

    async list(): Promise<FsCannedResponse[]> {
      return every("/canned_responses");
    },

    async get(id: number): Promise<FsCannedResponse> {
      const { data } = await transport.json(
        { method: "GET", path: `/canned_responses/${resourceId("canned response", id)}` },
        envelope("canned_response", fsCannedResponseSchema),
      );
      return data;
    },
  };
}

export type FsCannedResponsesApi = ReturnType<typeof cannedResponsesApi>;
