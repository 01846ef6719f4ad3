import { z } from "zod";
import type { Page } from "../../freshdesk/pagination.ts";
import type { Transport } from "../../freshdesk/transport.ts";
import { envelope } from "../schemas/common.ts";
import { type FsGroup, fsGroupSchema } from "../schemas/group.ts";
import { type FsPageOptions, pageQuery, resourceId } from "./params.ts";

export function groupsApi(transport: Transport) {
  return {
    /** Agent groups of one workspace (default the primary) [DOC]. */
    async list(options: FsPageOptions = {}): Promise<Page<FsGroup>> {
      const { data, nextPage } = await transport.json(
        { method: "GET", path: "/groups", query: pageQuery(options) },
        envelope("groups", z.array(fsGroupSchema)),
      );
      return { items: data, nextPage };
    },

    async get(id: number): Promise<FsGroup> {
      const { data } = await transport.json(
        { method: "GET", path: `/groups/${resourceId("group", id)}` },
        envelope("group", fsGroupSchema),
      );
      return data;
    },
  };
}

export type FsGroupsApi = ReturnType<typeof groupsApi>;
