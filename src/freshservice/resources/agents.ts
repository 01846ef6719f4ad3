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

    /**
     * The agent who owns the API key the client uses. [inferred from integrations] Not in the
     * reference: Freshservice answers `GET /api/v2/agents/me` with `{"agent": {...}}` for the
     * key's owner, and integrations call it to check a key (the OAuth consent page does too).
     */
    async me(): Promise<FsAgent> {
      const { data } = await transport.json(
        { method: "GET", path: "/agents/me" },
        envelope("agent", fsAgentSchema),
      );
      return data;
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
