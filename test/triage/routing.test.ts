import { afterAll, describe, expect, it } from "vitest";
import {
  type AgentInfo,
  decideRouting,
  type GroupInfo,
  type RoutingInput,
} from "../../src/triage/routing.ts";
import { DEFAULT_TAXONOMY } from "../../src/triage/taxonomy.ts";
import { testRedis } from "../support/redis.ts";

const { redis, prefix, close } = testRedis();
afterAll(close);

const groups: GroupInfo[] = [
  { id: 10, name: "Billing", agentIds: [1, 2] },
  { id: 20, name: "technical support " },
  { id: 30, name: "General Support", agentIds: [] },
];
const agents: AgentInfo[] = [
  { id: 3, name: "Cleo", available: true, groupIds: [10] },
  { id: 1, name: "Ann", available: true },
  { id: 2, name: "Bo", available: false },
  { id: 4, name: "Dan", available: true, groupIds: [20] },
];

function input(overrides: Partial<RoutingInput> = {}): RoutingInput {
  return {
    category: "billing_inquiry",
    taxonomy: DEFAULT_TAXONOMY,
    groups,
    agents,
    current: { groupId: null, responderId: null },
    ...overrides,
  };
}

describe("decideRouting", () => {
  it("maps the category to the account's group by name, ignoring case and spaces", async () => {
    expect((await decideRouting(input())).group).toEqual({ id: 10, name: "Billing" });
    expect((await decideRouting(input({ category: "technical_issue" }))).group).toEqual({
      id: 20,
      name: "technical support ",
    });
  });

  it("says so when the account has no such group, and invents none", async () => {
    const decision = await decideRouting(input({ category: "bug_report" }));
    expect(decision.group).toBeUndefined();
    expect(decision.reason).toMatch(/no group named "Engineering"/);
  });

  it("keeps a group a person set", async () => {
    const decision = await decideRouting(input({ current: { groupId: 30, responderId: null } }));
    expect(decision).toMatchObject({ group: { id: 30, name: "General Support" }, keptHumanGroup: true });
  });

  it("replaces a group the caller knows no person set", async () => {
    const decision = await decideRouting(
      input({ current: { groupId: 30, responderId: null }, groupSetByHuman: false }),
    );
    expect(decision).toMatchObject({ group: { id: 10 }, keptHumanGroup: false });
  });

  it("assigns no agent under the default policy", async () => {
    expect((await decideRouting(input())).agent).toBeUndefined();
  });

  it("takes turns among available agents of the group, with the cursor in Redis", async () => {
    const taxonomy = { ...DEFAULT_TAXONOMY, agentPolicy: "round_robin" as const };
    const cursor = { store: redis, keyPrefix: prefix };
    const picks: number[] = [];
    for (let i = 0; i < 4; i++) {
      const decision = await decideRouting(input({ taxonomy, cursor }));
      picks.push(decision.agent?.id ?? -1);
    }
    // Members of group 10: Ann (1) via agentIds, Cleo (3) via groupIds; Bo (2) is unavailable.
    expect(picks).toEqual([1, 3, 1, 3]);
    expect(await redis.get(`${prefix}:round-robin:10`)).toBe("4");
  });

  it("shares the turn order between independent callers", async () => {
    const taxonomy = { ...DEFAULT_TAXONOMY, agentPolicy: "round_robin" as const };
    const keyPrefix = `${prefix}:shared`;
    const results = await Promise.all(
      [0, 1, 2, 3].map(() => decideRouting(input({ taxonomy, cursor: { store: redis, keyPrefix } }))),
    );
    expect(results.map((r) => r.agent?.id).sort()).toEqual([1, 1, 3, 3]);
  });

  it("never replaces an agent a person assigned, and reports a group without available agents", async () => {
    const taxonomy = { ...DEFAULT_TAXONOMY, agentPolicy: "round_robin" as const };
    const cursor = { store: redis, keyPrefix: `${prefix}:other` };
    const kept = await decideRouting(input({ taxonomy, cursor, current: { groupId: null, responderId: 2 } }));
    expect(kept).toMatchObject({ agent: undefined, keptHumanAgent: true });
    const empty = await decideRouting(input({ taxonomy, cursor, category: "general" }));
    expect(empty.agent).toBeUndefined();
    expect(empty.reason).toMatch(/no available agent in General Support/);
  });
});
