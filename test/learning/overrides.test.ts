import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOverrideStore, findOverrides, type OverrideStore } from "../../src/learning/overrides.ts";
import { testRedis } from "../support/redis.ts";

const DAY = 24 * 3600 * 1000;
const now = new Date("2026-03-01T12:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);

describe("findOverrides", () => {
  const applied = { at: daysAgo(1).toISOString(), values: { group: "Billing", priority: 3 } };
  const seen = { ticketId: 7, at: now, kind: "update" as const };

  it("finds the applied fields an agent changed, with old and new value", () => {
    expect(
      findOverrides(applied, { group: "Technical Support", priority: 3, type: "Question" }, seen),
    ).toEqual([
      {
        field: "group",
        ticketId: 7,
        from: "Billing",
        to: "Technical Support",
        at: now.toISOString(),
        appliedAt: applied.at,
        seen: "update",
      },
    ]);
  });

  it("sees nothing when the applied values are still there, whatever else changed", () => {
    expect(findOverrides(applied, { group: "billing", priority: 3, type: "Incident" }, seen)).toEqual([]);
  });

  it("counts a cleared field as changed to nothing", () => {
    expect(findOverrides(applied, { group: null, priority: 3 }, seen).map((o) => [o.field, o.to])).toEqual([
      ["group", null],
    ]);
  });
});

describe("override store (Redis)", () => {
  const r = testRedis();
  let store: OverrideStore;
  let other: OverrideStore;

  beforeAll(async () => {
    store = createOverrideStore({ redis: r.redis, prefix: r.prefix, account: "acme.freshdesk.com" });
    other = createOverrideStore({ redis: r.redis, prefix: r.prefix, account: "other.freshdesk.com" });
    // Ten groups applied over the last 20 days, two of the last week's changed by agents.
    for (let ticket = 1; ticket <= 10; ticket++) {
      await store.recordApplied(
        ticket,
        ticket <= 4 ? ["group", "priority"] : ["group"],
        daysAgo(ticket * 2 - 1),
      );
    }
    for (const ticket of [1, 2, 6]) {
      await store.record({
        field: "group",
        ticketId: ticket,
        from: "Billing",
        to: "Technical Support",
        at: now.toISOString(),
        appliedAt: daysAgo(ticket * 2 - 1).toISOString(),
        seen: "update",
      });
    }
  });
  afterAll(() => r.close());

  it("gives per field the share of applied values left unchanged over 7 and 30 days", async () => {
    const shares = await store.keptShares(now);
    // Last 7 days: tickets 1–4 applied (1, 3, 5, 7 days ago), 1 and 2 changed.
    expect(shares.group.last7Days).toEqual({ applied: 4, changed: 2, keptShare: 0.5 });
    expect(shares.group.last30Days).toEqual({ applied: 10, changed: 3, keptShare: 0.7 });
    expect(shares.priority.last30Days).toEqual({ applied: 4, changed: 0, keptShare: 1 });
    expect(shares.type.last30Days).toEqual({ applied: 0, changed: 0, keptShare: null });
  });

  it("records each applied value's override once, however many events show it", async () => {
    const again = await store.record({
      field: "group",
      ticketId: 1,
      from: "Billing",
      to: "Sales",
      at: now.toISOString(),
      appliedAt: daysAgo(1).toISOString(),
      seen: "close",
    });
    expect(again).toBe(false);
    expect((await store.keptShares(now)).group.last7Days.changed).toBe(2);
  });

  it("reads the overrides back for training, oldest first", async () => {
    const overrides = await store.since(daysAgo(1));
    expect(overrides.map((o) => o.ticketId)).toEqual([1, 2, 6]);
    expect(overrides[0]).toMatchObject({ field: "group", from: "Billing", to: "Technical Support" });
  });

  it("keeps each account apart", async () => {
    expect(await other.since(daysAgo(30))).toEqual([]);
    expect((await other.keptShares(now)).group.last30Days.applied).toBe(0);
  });

  it("starts afresh when triage applies a new value to an overridden ticket", async () => {
    await store.recordApplied(2, ["group"], daysAgo(0.5));
    expect((await store.keptShares(now)).group.last7Days).toEqual({
      applied: 4,
      changed: 1,
      keptShare: 0.75,
    });
  });
});
