import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createExamplesStore, type StoredExample } from "../../src/learning/examples-store.ts";
import { testRedis } from "../support/redis.ts";

let redis: ReturnType<typeof testRedis>;
beforeAll(() => {
  redis = testRedis();
});
afterAll(async () => redis.close());

const example = (id: number, day: number): StoredExample => ({
  id,
  subject: `Ticket ${id}`,
  description: "text",
  updatedAt: `2026-01-${String(day).padStart(2, "0")}T10:00:00Z`,
  labels: { group: "Billing", priority: 2 },
});

describe("the examples store", () => {
  it("keeps the newest examples up to its cap, oldest first", async () => {
    const store = createExamplesStore({
      redis: redis.redis,
      prefix: redis.prefix,
      account: "a.example",
      maxExamples: 3,
    });
    await store.upsert([example(1, 5), example(2, 1), example(3, 9)]);
    await store.upsert([example(4, 7), example(2, 8)]);
    expect((await store.all()).map((e) => e.id)).toEqual([4, 2, 3]);
    expect(await store.count()).toBe(3);
    expect(await store.has([1, 2, 5])).toEqual([false, true, false]);
  });

  it("drops examples that left the window, and keeps each account's apart", async () => {
    const a = createExamplesStore({
      redis: redis.redis,
      prefix: redis.prefix,
      account: "b.example",
      maxExamples: 10,
    });
    const b = createExamplesStore({
      redis: redis.redis,
      prefix: redis.prefix,
      account: "c.example",
      maxExamples: 10,
    });
    await a.upsert([example(1, 2), example(2, 20)]);
    await b.upsert([example(1, 3)]);
    expect(await a.removeOlderThan(new Date("2026-01-10T00:00:00Z"))).toBe(1);
    expect((await a.all()).map((e) => e.id)).toEqual([2]);
    expect((await b.all()).map((e) => e.id)).toEqual([1]);
    await a.saveSyncState({ highWater: "2026-01-20T10:00:00Z", days: 180 });
    expect(await a.syncState()).toMatchObject({ highWater: "2026-01-20T10:00:00Z", days: 180 });
    expect(await b.syncState()).toMatchObject({ highWater: undefined });
    const keys = await redis.redis.keys(`${redis.prefix}:*`);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(key).toMatch(/:learning:[bc]\.example:|:learning:a\.example:/);
  });
});
