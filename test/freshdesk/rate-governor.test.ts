import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createRateGovernor,
  type RateGovernorOptions,
  RateWaitTooLongError,
} from "../../src/freshdesk/index.ts";
import { testRedis } from "../support/redis.ts";

const redisA = testRedis();
const redisB = testRedis();
let accountCounter = 0;

afterAll(async () => {
  await redisA.close();
  await redisB.close();
});

/** A fresh account name per test, so budgets never leak between tests. */
function governors(options: Partial<RateGovernorOptions> = {}) {
  const account = `acct-${++accountCounter}.freshdesk.com`;
  const shared = { account, keyPrefix: `${redisA.prefix}:`, windowMs: 60_000, ...options };
  return {
    account,
    a: createRateGovernor({ redis: redisA.redis, ...shared }),
    // A second connection plays another process on another machine.
    b: createRateGovernor({ redis: redisB.redis, ...shared }),
  };
}

const refused = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e,
  );

describe("rate governor", () => {
  beforeAll(async () => {
    await redisA.redis.ping();
  });

  it("grants floor(share × limit) credits per window across processes, then refuses to overrun", async () => {
    const { a, b } = governors({ limitPerWindow: 11, share: 0.5 });
    for (let i = 0; i < 3; i++) await a.acquire(1);
    for (let i = 0; i < 2; i++) await b.acquire(1);
    const error = await refused(b.acquire(1, { maxWaitMs: 0 }));
    expect(error).toBeInstanceOf(RateWaitTooLongError);
    expect((error as RateWaitTooLongError).retryAfterSeconds).toBeGreaterThan(0);
    const snapshot = await a.snapshot();
    expect(snapshot).toMatchObject({ budget: 5, usedInWindow: 5, limit: 11, limitSource: "fixed" });
  });

  it("counts a call's credit cost", async () => {
    const { a } = governors({ limitPerWindow: 10, share: 1 });
    await a.acquire(3);
    await a.acquire(5);
    expect((await a.snapshot()).usedInWindow).toBe(8);
    await expect(a.acquire(3, { maxWaitMs: 0 })).rejects.toBeInstanceOf(RateWaitTooLongError);
    await a.acquire(2, { maxWaitMs: 0 });
  });

  it("lets a call costing more than the whole budget through an empty window instead of waiting forever", async () => {
    const { a } = governors({ limitPerWindow: 2, share: 1 });
    await a.acquire(7, { maxWaitMs: 0 });
    expect((await a.snapshot()).usedInWindow).toBe(2);
  });

  it("uses a conservative default until it learns X-RateLimit-Total, then the learnt limit", async () => {
    const { a, b } = governors({ share: 0.5 });
    expect(await a.snapshot()).toMatchObject({ limit: 50, limitSource: "default", budget: 25 });
    await a.observe({ total: 400, remaining: 390, used: 1 });
    expect(await b.snapshot()).toMatchObject({ limit: 400, limitSource: "learnt", budget: 200 });
  });

  it("stops every process after a 429 until Retry-After has passed", async () => {
    const { a, b } = governors({ limitPerWindow: 100 });
    await a.blockFor(30);
    const error = await refused(b.acquire(1, { maxWaitMs: 5_000 }));
    expect(error).toBeInstanceOf(RateWaitTooLongError);
    expect((error as RateWaitTooLongError).retryAfterSeconds).toBeGreaterThanOrEqual(29);
    expect((await a.snapshot()).blockedForMs).toBeGreaterThan(29_000);
  });

  it("waits for the window to free instead of failing", async () => {
    const { a, b } = governors({ limitPerWindow: 2, share: 1, windowMs: 150 });
    await a.acquire(1);
    await b.acquire(1);
    const permit = await a.acquire(1);
    await permit.settle();
    expect((await a.snapshot()).usedInWindow).toBeLessThanOrEqual(2);
  });

  it("spaces calls out when X-RateLimit-Remaining runs low", async () => {
    const { a, b } = governors({ limitPerWindow: 100, share: 1 });
    await a.acquire(1);
    await a.acquire(1);
    await a.observe({ total: 100, remaining: 5 });
    const error = await refused(b.acquire(1, { maxWaitMs: 0 }));
    expect(error).toBeInstanceOf(RateWaitTooLongError);
    await a.observe({ total: 100, remaining: 90 });
    await b.acquire(1, { maxWaitMs: 0 });
  });

  it("keeps every key of an account under one cluster hash tag", async () => {
    const { a, account } = governors({ limitPerWindow: 10 });
    await (await a.acquire(1)).settle();
    await a.observe({ total: 10, remaining: 9 });
    await a.blockFor(1);
    const keys = await redisA.redis.keys(`${redisA.prefix}:*${account}*`);
    expect(keys.length).toBeGreaterThanOrEqual(4);
    for (const key of keys) expect(key).toContain(`{fd:${account}}`);
  });

  it("rejects a share outside (0, 1]", () => {
    expect(() => governors({ share: 0 })).toThrow(/share/);
    expect(() => governors({ share: 1.5 })).toThrow(/share/);
  });
});
