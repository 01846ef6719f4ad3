import type { Logger } from "../logger.ts";
import { cachedValue } from "./cached-value.ts";
import type { FreshdeskClient } from "./client.ts";
import { collectPages } from "./pagination.ts";
import type { Agent } from "./schemas/agent.ts";
import type { Group } from "./schemas/group.ts";
import type { TicketField } from "./schemas/ticket-field.ts";
import { buildFieldCatalog, type TicketFieldCatalog } from "./ticket-field-catalog.ts";

/**
 * Account-wide lookups (groups, agents, ticket fields) cached for `ttlMs` so the MCP tools and
 * the triage pipeline do not pay for them per ticket. Concurrent callers share one refresh; if a
 * refresh fails, the previous answer is served for a short while before trying again.
 */

export type DirectoryAgent = {
  id: number;
  name: string;
  email: string | undefined;
  available: boolean;
  groupIds: number[];
};

export type AccountDirectory = {
  groups(): Promise<Group[]>;
  agents(): Promise<DirectoryAgent[]>;
  ticketFields(): Promise<TicketField[]>;
  fieldCatalog(): Promise<TicketFieldCatalog>;
  statusName(id: number): Promise<string | undefined>;
  priorityName(id: number): Promise<string | undefined>;
  sourceName(id: number): Promise<string | undefined>;
  groupName(id: number): Promise<string | undefined>;
  agentName(id: number): Promise<string | undefined>;
  /** Name → id, case-insensitive (webhook payloads carry names). */
  statusId(name: string): Promise<number | undefined>;
  priorityId(name: string): Promise<number | undefined>;
  groupId(name: string): Promise<number | undefined>;
  ticketTypes(): Promise<string[]>;
  /** Drop everything; the next call reloads. */
  invalidate(): void;
};

export type AccountDirectoryOptions = {
  ttlMs?: number;
  /** How long a stale answer is served after a failed refresh (default min(ttl, 30 s)). */
  retryAfterFailureMs?: number;
  maxPages?: number;
  logger?: Logger;
  now?: () => number;
};

export function createAccountDirectory(
  client: FreshdeskClient,
  options: AccountDirectoryOptions = {},
): AccountDirectory {
  const ttlMs = options.ttlMs ?? 10 * 60_000;
  const retryMs = options.retryAfterFailureMs ?? Math.min(ttlMs, 30_000);
  const maxPages = options.maxPages ?? 20;
  const now = options.now ?? Date.now;

  const cached = <T>(what: string, load: () => Promise<T>) =>
    cachedValue(what, load, {
      ttlMs,
      retryMs,
      now,
      logger: options.logger,
      staleMessage: "Freshdesk directory refresh failed; serving the previous answer",
    });

  const groups = cached("groups", async () => {
    const { items } = await collectPages((page) => client.groups.list({ page, perPage: 100 }), { maxPages });
    return items;
  });

  const agents = cached("agents", async () => {
    const { items } = await collectPages((page) => client.agents.list({ page, perPage: 100 }), { maxPages });
    const membership = items.every((a) => Array.isArray(a.group_ids)) ? undefined : await groupMembership();
    return items.map((agent) => toDirectoryAgent(agent, membership));
  });

  /** Agent lists omit group_ids, so membership comes from each group's agent_ids. */
  async function groupMembership(): Promise<Map<number, number[]>> {
    const membership = new Map<number, number[]>();
    for (const group of await groups.get()) {
      const agentIds = group.agent_ids ?? (await client.groups.get(group.id)).agent_ids ?? [];
      for (const agentId of agentIds) membership.set(agentId, [...(membership.get(agentId) ?? []), group.id]);
    }
    return membership;
  }

  const fields = cached("ticket fields", async () => {
    const { items } = await collectPages(() => client.ticketFields.list(), { maxPages: 1 });
    return { fields: items, catalog: buildFieldCatalog(items) };
  });

  const lower = (text: string) => text.trim().toLowerCase();

  return {
    groups: () => groups.get(),
    agents: () => agents.get(),
    ticketFields: async () => (await fields.get()).fields,
    fieldCatalog: async () => (await fields.get()).catalog,
    statusName: async (id) => (await fields.get()).catalog.statuses.find((s) => s.id === id)?.name,
    priorityName: async (id) => (await fields.get()).catalog.priorities.find((p) => p.id === id)?.name,
    sourceName: async (id) => (await fields.get()).catalog.sources.find((s) => s.id === id)?.name,
    groupName: async (id) => (await groups.get()).find((g) => g.id === id)?.name,
    agentName: async (id) => (await agents.get()).find((a) => a.id === id)?.name,
    statusId: async (name) =>
      (await fields.get()).catalog.statuses.find((s) => lower(s.name) === lower(name))?.id,
    priorityId: async (name) =>
      (await fields.get()).catalog.priorities.find((p) => lower(p.name) === lower(name))?.id,
    groupId: async (name) => (await groups.get()).find((g) => lower(g.name) === lower(name))?.id,
    ticketTypes: async () => (await fields.get()).catalog.ticketTypes,
    invalidate: () => {
      groups.invalidate();
      agents.invalidate();
      fields.invalidate();
    },
  };
}

function toDirectoryAgent(agent: Agent, membership: Map<number, number[]> | undefined): DirectoryAgent {
  return {
    id: agent.id,
    name: agent.contact.name ?? agent.contact.email ?? `Agent ${agent.id}`,
    email: agent.contact.email ?? undefined,
    available: agent.available ?? false,
    groupIds: agent.group_ids ?? membership?.get(agent.id) ?? [],
  };
}
