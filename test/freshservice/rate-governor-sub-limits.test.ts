import { afterAll, describe, expect, it } from "vitest";
import {
  createRateGovernor,
  type RateGovernorOptions,
  RateWaitTooLongError,
} from "../../src/freshdesk/index.ts";
import { freshserviceGovernorLimits, freshservicePlanLimits } from "../../src/freshservice/index.ts";
import { createLearningGovernor } from "../../src/learning/learning-budget.ts";
import { testRedis } from "../support/redis.ts";

const redisA = testRedis();
const redisB = testRedis();
let accountCounter = 0;

afterAll(async () => {
  await redisA.close();
  await redisB.close();
});

/** Two processes (two connections) sharing one fresh account's budget. */
function governors(options: Partial<RateGovernorOptions> = {}) {
  const account = `fs-${++accountCounter}.freshservice.com`;
  const shared = { account, keyPrefix: `${redisA.prefix}:`, windowMs: 60_000, ...options };
  return {
    account,
    a: createRateGovernor({ redis: redisA.redis, ...shared }),
    b: createRateGovernor({ redis: redisB.redis, ...shared }),
  };
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e,
  );

describe("rate governor with Freshservice's per-endpoint sub-limits", () => {
  it("refuses list calls once the list bucket is used up while view_write calls still pass", async () => {
    const { a, b } = governors({ limitPerWindow: 20, share: 0.5, subLimits: { list: 6, view_write: 8 } });
    for (let i = 0; i < 3; i++) await a.acquire(1, { bucket: "list" });
    const error = await refusal(b.acquire(1, { bucket: "list", maxWaitMs: 0 }));
    expect(error).toBeInstanceOf(RateWaitTooLongError);
    expect((error as RateWaitTooLongError).retryAfterSeconds).toBeGreaterThan(0);
    await b.acquire(1, { bucket: "view_write", maxWaitMs: 0 });
    await b.acquire(1, { maxWaitMs: 0 });
    expect((await a.snapshot()).buckets).toEqual({
      list: { limit: 6, budget: 3, usedInWindow: 3 },
      view_write: { limit: 8, budget: 4, usedInWindow: 1 },
    });
    expect((await a.snapshot()).usedInWindow).toBe(5);
  });

  it("still enforces the overall limit when every bucket has room", async () => {
    const { a } = governors({ limitPerWindow: 10, share: 0.5, subLimits: { list: 40, view_write: 50 } });
    await a.acquire(2, { bucket: "list" });
    await a.acquire(2, { bucket: "view_write" });
    await a.acquire(1);
    await expect(a.acquire(1, { bucket: "view_write", maxWaitMs: 0 })).rejects.toBeInstanceOf(
      RateWaitTooLongError,
    );
    await expect(a.acquire(1, { bucket: "list", maxWaitMs: 0 })).rejects.toBeInstanceOf(RateWaitTooLongError);
  });

  it("counts a call's credit cost in its bucket, and re-stamps the bucket on settle", async () => {
    const { a } = governors({ limitPerWindow: 100, share: 1, subLimits: { list: 5 } });
    const permit = await a.acquire(3, { bucket: "list" });
    await permit.settle();
    await expect(a.acquire(3, { bucket: "list", maxWaitMs: 0 })).rejects.toBeInstanceOf(RateWaitTooLongError);
    await a.acquire(2, { bucket: "list", maxWaitMs: 0 });
    // view_write has no sub-limit here: only the overall budget applies to it.
    await a.acquire(50, { bucket: "view_write", maxWaitMs: 0 });
    expect(await a.snapshot()).toMatchObject({
      usedInWindow: 55,
      buckets: { list: { limit: 5, budget: 5, usedInWindow: 5 } },
    });
  });

  it("frees the bucket when its window slides on", async () => {
    const { a } = governors({ limitPerWindow: 100, share: 1, windowMs: 200, subLimits: { list: 1 } });
    await a.acquire(1, { bucket: "list" });
    // Waits (does not fail) for the oldest list credit to leave the 200 ms window.
    await a.acquire(1, { bucket: "list", maxWaitMs: 5_000 });
    expect((await a.snapshot()).buckets?.list?.usedInWindow).toBe(1);
  });

  it("ignores the bucket when no sub-limits are configured (Freshdesk)", async () => {
    const { a } = governors({ limitPerWindow: 4, share: 1 });
    for (let i = 0; i < 4; i++) await a.acquire(1, { bucket: "list", maxWaitMs: 0 });
    const snapshot = await a.snapshot();
    expect(snapshot.usedInWindow).toBe(4);
    expect(snapshot.buckets).toBeUndefined();
    const keys = await redisA.redis.keys(`${redisA.prefix}:*${snapshot.account}*:log:*`);
    expect(keys).toEqual([]);
  });

  it("rejects unknown buckets and non-positive sub-limits", () => {
    expect(() => governors({ subLimits: { list: 0 } })).toThrow(/subLimits\.list must be positive/);
    expect(() => governors({ subLimits: { lists: 5 } as never })).toThrow(/unknown bucket "lists"/);
  });

  it("derives the governor settings from FRESHSERVICE_PLAN's table", () => {
    expect(freshservicePlanLimits("starter")).toEqual({ overall: 100, list: 40, view_write: 50 });
    expect(freshservicePlanLimits("growth")).toEqual({ overall: 200, list: 70, view_write: 80 });
    expect(freshservicePlanLimits("pro")).toEqual({ overall: 400, list: 120, view_write: 140 });
    expect(freshservicePlanLimits("enterprise")).toEqual({ overall: 500, list: 140, view_write: 160 });
    expect(freshserviceGovernorLimits("pro")).toEqual({
      limitPerWindow: 400,
      subLimits: { list: 120, view_write: 140 },
    });
    expect(() => freshservicePlanLimits("gold" as never)).toThrow(/Unknown Freshservice plan "gold"/);
  });

  it("counts learning's calls in the account governor's bucket too", async () => {
    const { a, account } = governors({ limitPerWindow: 100, share: 1, subLimits: { list: 2 } });
    const learning = createLearningGovernor({
      redis: redisA.redis,
      account,
      accountGovernor: a,
      rateShare: 0.5,
      limitPerWindow: 100,
      keyPrefix: `${redisA.prefix}:`,
    });
    await learning.acquire(1, { bucket: "list" });
    await a.acquire(1, { bucket: "list" });
    await expect(learning.acquire(1, { bucket: "list", maxWaitMs: 0 })).rejects.toBeInstanceOf(
      RateWaitTooLongError,
    );
    expect((await a.snapshot()).buckets?.list?.usedInWindow).toBe(2);
  });
});
