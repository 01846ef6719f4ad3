import { z } from "zod";
import type { Page, PageOptions } from "../pagination.ts";
import { type Group, groupSchema } from "../schemas/group.ts";
import type { Transport } from "../transport.ts";
import { resourceId } from "./resource-id.ts";

export function groupsApi(transport: Transport) {
  return {
    /** List items lack `agent_ids`; `get` has them. */
    async list(options: PageOptions = {}): Promise<Page<Group>> {
      const { data, nextPage } = await transport.json(
        { method: "GET", path: "/groups", query: { page: options.page, per_page: options.perPage } },
        z.array(groupSchema),
      );
      return { items: data, nextPage };
    },

    async get(id: number): Promise<Group> {
      const { data } = await transport.json(
        { method: "GET", path: `/groups/${resourceId("group", id)}` },
        groupSchema,
      );
      return data;
    },
  };
}

export type GroupsApi = ReturnType<typeof groupsApi>;
