import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testRedisUrl } from "../support/redis.ts";
import { type SandboxServer, startSandboxServer } from "../support/sandbox-server.ts";
import { runPusher } from "./support/spawn-pushers.ts";

/**
 * N workers on M machines must never exceed the plan: two separate Node processes, each with
 * its own Redis connection and client, push 100 requests each at a sandbox allowing 50 credits
 * per 2 s, through one shared budget at share 1.0.
 */
let server: SandboxServer;
beforeAll(async () => {
  server = await startSandboxServer({ plan: "50/2000" });
});
afterAll(() => server.close());

describe("shared budget against the sandbox", () => {
  it("two processes, 100 requests each, share 1.0, plan 50/2000: zero 429s and every request completes", async () => {
    server.sandbox.resetStats();
    const options = {
      baseUrl: server.baseUrl,
      apiKey: server.apiKey,
      redisUrl: testRedisUrl(),
      keyPrefix: `sandbox-budget-${Date.now()}:`,
      account: new URL(server.baseUrl).host,
      count: 100,
      concurrency: 8,
      windowMs: 2_000,
      share: 1,
    };
    const summaries = await Promise.all([runPusher(options), runPusher(options)]);
    expect(summaries).toEqual([
      { completed: 100, failures: {} },
      { completed: 100, failures: {} },
    ]);
    const stats = server.sandbox.stats();
    expect(stats.rateLimited).toBe(0);
    expect(stats.totalRequests).toBe(200);
  }, 60_000);
});
