import { findCategory, type Taxonomy } from "./taxonomy.ts";

/**
 * Routes a ticket: category → the taxonomy's group name → the account's group id, and with the
 * round-robin policy, the next available agent of that group. Groups and agents come from the
 * account and are never invented. A group or agent a person set is never replaced.
 *
 * The round-robin cursor lives in a shared counter (Redis INCR in production) so every worker
 * takes turns from the same sequence.
 */

export type GroupInfo = { id: number; name: string; agentIds?: readonly number[] | undefined };
export type AgentInfo = {
  id: number;
  name?: string | undefined;
  /** Freshdesk's "available for assignment" switch. */
  available: boolean;
  groupIds?: readonly number[] | undefined;
};

/** The one Redis command round robin needs; an ioredis client satisfies it as is. */
export type CounterStore = { incr(key: string): Promise<number> };

export type RoutingInput = {
  category: string;
  /**
   * The group decided for the ticket (by name), e.g. by the account's learned model; when unset,
   * the category's group in the taxonomy.
   */
  groupName?: string | undefined;
  /** Where `groupName` came from, for the reason ("learned model → Billing"). */
  groupSource?: string | undefined;
  taxonomy: Pick<Taxonomy, "categories" | "agentPolicy">;
  groups: readonly GroupInfo[];
  agents: readonly AgentInfo[];
  current: { groupId: number | null; responderId: number | null };
  /** Unknown means "a person, if one is set". */
  groupSetByHuman?: boolean | undefined;
  responderSetByHuman?: boolean | undefined;
  /** Needed only for the round-robin policy. */
  cursor?: { store: CounterStore; keyPrefix: string } | undefined;
};

export type RoutingDecision = {
  /** The group the ticket should be in; undefined when no group could be determined. */
  group?: { id: number; name: string } | undefined;
  agent?: { id: number; name?: string | undefined } | undefined;
  keptHumanGroup: boolean;
  keptHumanAgent: boolean;
  reason: string;
};

export async function decideRouting(input: RoutingInput): Promise<RoutingDecision> {
  const reasons: string[] = [];
  const wantedName = input.groupName ?? findCategory(input.taxonomy, input.category)?.group;
  const source = input.groupName !== undefined ? (input.groupSource ?? input.groupName) : input.category;
  const groupSetByHuman = input.groupSetByHuman ?? input.current.groupId !== null;
  let group: { id: number; name: string } | undefined;
  let keptHumanGroup = false;

  if (input.current.groupId !== null && groupSetByHuman) {
    const existing = input.groups.find((g) => g.id === input.current.groupId);
    group = { id: input.current.groupId, name: existing?.name ?? `group ${input.current.groupId}` };
    keptHumanGroup = true;
    reasons.push(`kept group ${group.name}, set by a person`);
  } else if (wantedName === undefined) {
    reasons.push(`category ${input.category} has no group`);
  } else {
    const match = findGroupByName(input.groups, wantedName);
    if (match) {
      group = { id: match.id, name: match.name };
      reasons.push(`${source} → ${match.name}`);
    } else {
      reasons.push(`no group named "${wantedName}" in this account`);
    }
  }

  const responderSetByHuman = input.responderSetByHuman ?? input.current.responderId !== null;
  let agent: RoutingDecision["agent"];
  let keptHumanAgent = false;
  if (input.current.responderId !== null && responderSetByHuman) {
    keptHumanAgent = true;
    reasons.push("kept the assigned agent, set by a person");
  } else if (input.taxonomy.agentPolicy === "round_robin" && group) {
    agent = await nextAgent(input, group.id);
    reasons.push(
      agent ? `round robin → agent ${agent.name ?? agent.id}` : `no available agent in ${group.name}`,
    );
  }
  return { group, agent, keptHumanGroup, keptHumanAgent, reason: reasons.join("; ") };
}

export function findGroupByName(groups: readonly GroupInfo[], name: string): GroupInfo | undefined {
  const wanted = name.trim().toLowerCase();
  return groups.find((g) => g.name.trim().toLowerCase() === wanted);
}

async function nextAgent(input: RoutingInput, groupId: number): Promise<RoutingDecision["agent"]> {
  if (!input.cursor) return undefined;
  const memberIds = new Set(input.groups.find((g) => g.id === groupId)?.agentIds ?? []);
  const candidates = input.agents
    .filter((a) => a.available && (memberIds.has(a.id) || (a.groupIds ?? []).includes(groupId)))
    .sort((a, b) => a.id - b.id);
  if (candidates.length === 0) return undefined;
  const turn = await input.cursor.store.incr(`${input.cursor.keyPrefix}:round-robin:${groupId}`);
  const chosen = candidates[(turn - 1) % candidates.length];
  return chosen ? { id: chosen.id, name: chosen.name } : undefined;
}
