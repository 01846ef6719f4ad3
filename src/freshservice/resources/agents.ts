import { z } from "zod";
import type { Page } from "../../freshdesk/pagination.ts";
import type { Transport } from "../../freshdesk/transport.ts";
import { type FsAgent, fsAgentSchema } from "../schemas/agent.ts";
import { envelope } from "../schemas/common.ts";
import { type FsPageOptions, pageQuery, quoted, resourceId } from "./params.ts";

/**
 * `query` is a bare filter expression (`email:'bo@acme.com'`, `~[first_name|last_name]:'bo'`); the client adds the
 * outer double quotes. Filtered lists lag writes by a few minutes of indexing [DOC].
 */

export type FsAgentListParams = FsPageOptions & { email?: string; active?: boolean; query?: string };

export function agentsApi(transport: Transport) {
  return {
    async list(params: FsAgentListParams = {}): Promise<Page<FsAgent>> {
      const { data, nextPage } = await transport.json(
        {
          method: "GET",
          path: "/agents",
          query: {
            email: params.email,
            active: params.active,
            query: params.query === undefined ? undefined : quoted("agent query", params.query),
            ...pageQuery(params),
          },
          bucket: "list",
        },
        envelope("agents", z.array(fsAgentSchema)),
      );
      return { items: data, nextPage };
    },

    async get(id: number): Promise<FsAgent> {
      const { data } = await transport.json(
        { method: "GET", path: `/agents/${resourceId("agent", id)}` },
        envelope("agent", fsAgentSchema),
      );
      return data;
    },
  };
}

export type FsAgentsApi = ReturnType<typeof agentsApi>;
