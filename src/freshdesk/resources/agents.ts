import { z } from "zod";
import type { Page, PageOptions } from "../pagination.ts";
import { type Agent, agentSchema } from "../schemas/agent.ts";
import type { Transport } from "../transport.ts";
import { resourceId } from "./resource-id.ts";

export type AgentListParams = PageOptions & {
  email?: string;
  mobile?: string;
  phone?: string;
  state?: "fulltime" | "occasional";
};

export function agentsApi(transport: Transport) {
  return {
    /** List items lack `group_ids`; `get` has them. */
    async list(params: AgentListParams = {}): Promise<Page<Agent>> {
      const { page, perPage, ...filters } = params;
      const { data, nextPage } = await transport.json(
        { method: "GET", path: "/agents", query: { ...filters, page, per_page: perPage } },
        z.array(agentSchema),
      );
      return { items: data, nextPage };
    },

    async get(id: number): Promise<Agent> {
      const { data } = await transport.json(
        { method: "GET", path: `/agents/${resourceId("agent", id)}` },
        agentSchema,
      );
      return data;
    },

    /** The agent whose API key the client uses. */
    async me(): Promise<Agent> {
      const { data } = await transport.json({ method: "GET", path: "/agents/me" }, agentSchema);
      return data;
    },
  };
}

export type AgentsApi = ReturnType<typeof agentsApi>;
