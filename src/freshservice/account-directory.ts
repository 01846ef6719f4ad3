import { cachedValue } from "../freshdesk/cached-value.ts";
import { collectPages } from "../freshdesk/pagination.ts";
import type { Logger } from "../logger.ts";
import type { FreshserviceClient, FsAgent, FsDepartment, FsGroup, FsTicketFormField } from "./index.ts";
import type { FsAssetType } from "./schemas/asset.ts";

/**
 * Account-wide Freshservice lookups (agent groups, agents, departments, ticket form fields, asset types)
 * cached for `ttlMs`, like the Freshdesk account directory, so tool results can name groups,
 * agents, departments, statuses, urgencies and impacts without paying credits per ticket.
 */

export type FsDirectoryAgent = {
  id: number;
  name: string;
  email: string | undefined;
  active: boolean;
  /** Groups the agent is a member of (`member_of`) and observes (`observer_of`). */
  memberOf: number[];
  observerOf: number[];
};

export type FreshserviceDirectory = {
  groups(): Promise<FsGroup[]>;
  agents(): Promise<FsDirectoryAgent[]>;
  departments(): Promise<FsDepartment[]>;
  ticketFields(): Promise<FsTicketFormField[]>;
  assetTypes(): Promise<FsAssetType[]>;
  /** Drop everything; the next call reloads. */
  invalidate(): void;
};

export type FreshserviceDirectoryOptions = {
  ttlMs?: number;
  /** How long a stale answer is served after a failed refresh (default min(ttl, 30 s)). */
  retryAfterFailureMs?: number;
  maxPages?: number;
  logger?: Logger;
  now?: () => number;
};

export function createFreshserviceDirectory(
  client: FreshserviceClient,
  options: FreshserviceDirectoryOptions = {},
): FreshserviceDirectory {
  const ttlMs = options.ttlMs ?? 10 * 60_000;
  const maxPages = options.maxPages ?? 20;
  const cached = <T>(what: string, load: () => Promise<T>) =>
    cachedValue(what, load, {
      ttlMs,
      retryMs: options.retryAfterFailureMs ?? Math.min(ttlMs, 30_000),
      now: options.now ?? Date.now,
      logger: options.logger,
      staleMessage: "Freshservice directory refresh failed; serving the previous answer",
    });
  const all = async <T>(list: (page: number) => Promise<{ items: T[]; nextPage: number | undefined }>) =>
    (await collectPages(list, { maxPages })).items;

  const groups = cached("groups", () => all((page) => client.groups.list({ page, perPage: 100 })));
  const agents = cached("agents", async () =>
    (await all((page) => client.agents.list({ page, perPage: 100 }))).map(toDirectoryAgent),
  );
  const departments = cached("departments", () =>
    all((page) => client.departments.list({ page, perPage: 100 })),
  );
  const fields = cached("ticket form fields", () => client.ticketFormFields.list());
  const assetTypes = cached("asset types", () => client.assets.types());

  return {
    groups: () => groups.get(),
    agents: () => agents.get(),
    departments: () => departments.get(),
    ticketFields: () => fields.get(),
    assetTypes: () => assetTypes.get(),
    invalidate: () => {
      for (const value of [groups, agents, departments, fields, assetTypes]) value.invalidate();
    },
  };
}

function toDirectoryAgent(agent: FsAgent): FsDirectoryAgent {
  const name = [agent.first_name, agent.last_name].filter(Boolean).join(" ");
  return {
    id: agent.id,
    name: name || agent.email || `Agent ${agent.id}`,
    email: agent.email ?? undefined,
    active: agent.active !== false,
    memberOf: agent.member_of ?? [],
    observerOf: agent.observer_of ?? [],
  };
}
