import type { AccountDirectory } from "../../freshdesk/index.ts";
import type { Logger } from "../../logger.ts";
import { DEFAULT_PRIORITIES, DEFAULT_STATUSES, TICKET_SOURCES } from "../shapes/enums.ts";

/**
 * Synchronous name lookups for one tool call, loaded from the (cached) account directory, so
 * results can carry `group_name` beside `group_id`, `status_name` beside `status`, and so on.
 * Names are a convenience: when the directory cannot be read the result still goes out, with
 * Freshdesk's default names for statuses and priorities and without group or agent names.
 */
export type Names = {
  status(id: number | null | undefined): string | undefined;
  priority(id: number | null | undefined): string | undefined;
  source(id: number | null | undefined): string | undefined;
  group(id: number | null | undefined): string | undefined;
  agent(id: number | null | undefined): string | undefined;
};

type Parts = {
  statuses: Map<number, string>;
  priorities: Map<number, string>;
  sources: Map<number, string>;
  groups: Map<number, string>;
  agents: Map<number, string>;
};

const fromRecord = (record: Readonly<Record<number, string>>) =>
  new Map(Object.entries(record).map(([id, name]) => [Number(id), name]));

export async function loadNames(directory: AccountDirectory, logger: Logger): Promise<Names> {
  const parts: Parts = {
    statuses: fromRecord(DEFAULT_STATUSES),
    priorities: fromRecord(DEFAULT_PRIORITIES),
    sources: fromRecord(TICKET_SOURCES),
    groups: new Map(),
    agents: new Map(),
  };
  const [catalog, groups, agents] = await Promise.allSettled([
    directory.fieldCatalog(),
    directory.groups(),
    directory.agents(),
  ]);
  if (catalog.status === "fulfilled") {
    for (const s of catalog.value.statuses) parts.statuses.set(s.id, s.name);
    for (const p of catalog.value.priorities) parts.priorities.set(p.id, p.name);
    for (const s of catalog.value.sources) parts.sources.set(s.id, s.name);
  }
  if (groups.status === "fulfilled") for (const g of groups.value) parts.groups.set(g.id, g.name);
  if (agents.status === "fulfilled") for (const a of agents.value) parts.agents.set(a.id, a.name);
  const failed = [catalog, groups, agents].find((r) => r.status === "rejected");
  if (failed) logger.warn({ err: failed.reason }, "account directory unavailable; results carry fewer names");

  const lookup = (map: Map<number, string>) => (id: number | null | undefined) =>
    id === null || id === undefined ? undefined : map.get(id);
  return {
    status: lookup(parts.statuses),
    priority: lookup(parts.priorities),
    source: lookup(parts.sources),
    group: lookup(parts.groups),
    agent: lookup(parts.agents),
  };
}
