import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { callTool } from "../src/mcp/in-process-client.ts";
import {
  type AgentInfo,
  buildSolutionIndex,
  type GroupInfo,
  PUBLISHED,
  type SolutionIndex,
} from "../src/triage/index.ts";

/**
 * Account-wide data the pipeline needs for every ticket: groups, agents, ticket types and the
 * knowledge-base index. Loaded through the same MCP client, kept for `ttlMs`, refreshed by one
 * caller at a time, so Freshdesk credits are paid per refresh, never per ticket. A failed
 * refresh keeps serving the previous snapshot.
 */
export type AccountSnapshot = {
  groups: GroupInfo[];
  agents: AgentInfo[];
  /** Lower-cased agent email → agent id, for webhook hints that name the agent by email. */
  agentIdsByEmail: Map<string, number>;
  ticketTypes: string[];
  solutions: SolutionIndex;
  loadedAt: number;
};

const MAX_PAGES = 20;

export function createAccountSnapshotCache(
  client: Client,
  options: { ttlMs?: number; now?: () => number } = {},
) {
  const ttlMs = options.ttlMs ?? 10 * 60_000;
  const now = options.now ?? Date.now;
  let current: AccountSnapshot | undefined;
  let loading: Promise<AccountSnapshot> | undefined;

  async function pages<T>(
    first: () => Promise<{ items: T[]; next_cursor?: string | undefined }>,
    next: (cursor: string) => Promise<{ items: T[]; next_cursor?: string | undefined }>,
  ): Promise<T[]> {
    const items: T[] = [];
    let result = await first();
    for (let page = 1; ; page++) {
      items.push(...result.items);
      if (!result.next_cursor || page >= MAX_PAGES) return items;
      result = await next(result.next_cursor);
    }
  }

  async function loadSolutionIndex(): Promise<SolutionIndex> {
    const categories = await callTool(client, "list_solution_categories", {});
    const articles = [];
    for (const category of categories.items) {
      const folders = await pages(
        () => callTool(client, "list_solution_folders", { category_id: category.id, per_page: 100 }),
        (cursor) => callTool(client, "list_solution_folders", { cursor }),
      );
      for (const folder of folders) {
        articles.push(
          ...(await pages(
            () => callTool(client, "list_solution_articles", { folder_id: folder.id, per_page: 100 }),
            (cursor) => callTool(client, "list_solution_articles", { cursor }),
          )),
        );
      }
    }
    return buildSolutionIndex(
      articles.map((a) => ({
        id: a.id,
        title: a.title,
        status: a.status === "published" ? PUBLISHED : 1,
        descriptionText: a.description_text,
        tags: a.tags,
      })),
    );
  }

  async function load(): Promise<AccountSnapshot> {
    const groups = await callTool(client, "list_groups", {});
    const agents = await pages(
      () => callTool(client, "list_agents", { per_page: 100 }),
      (cursor) => callTool(client, "list_agents", { cursor }),
    );
    const types = await callTool(client, "list_ticket_types", {});
    return {
      groups: groups.items.map((g) => ({ id: g.id, name: g.name, agentIds: g.agents?.map((a) => a.id) })),
      agents: agents.map((a) => ({
        id: a.id,
        name: a.name,
        available: a.available === true,
        groupIds: a.group_ids,
      })),
      agentIdsByEmail: new Map(
        agents.flatMap((a) => (a.email ? [[a.email.toLowerCase(), a.id] as const] : [])),
      ),
      ticketTypes: types.types,
      solutions: await loadSolutionIndex(),
      loadedAt: now(),
    };
  }

  return {
    async get(): Promise<AccountSnapshot> {
      if (current && now() - current.loadedAt < ttlMs) return current;
      loading ??= load().finally(() => {
        loading = undefined;
      });
      try {
        current = await loading;
      } catch (error) {
        if (!current) throw error;
      }
      return current;
    },
    invalidate(): void {
      current = undefined;
    },
  };
}

export type AccountSnapshotCache = ReturnType<typeof createAccountSnapshotCache>;
