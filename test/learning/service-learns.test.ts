import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshdeskAccountName } from "../../src/freshdesk/client.ts";
import { lastLearnRun } from "../../src/learning/learn-run.ts";
import { createModelRegistry } from "../../src/learning/model-registry.ts";
import { testRedisUrl } from "../support/redis.ts";
import { startTestService, type TestService, waitFor } from "../support/service.ts";

/** The zero-config start (the sandbox as Freshdesk) learns the seeded history on its own. */
describe("the service learns at start", () => {
  let t: TestService;
  let redis: Redis;

  beforeAll(async () => {
    t = await startTestService({ LEARN_INTERVAL: "6h", SANDBOX_AUTOMATIONS: "off" });
    redis = new Redis(testRedisUrl());
  });
  afterAll(async () => {
    redis?.disconnect();
    await t?.stop();
  });

  it("reads the sandbox's history through MCP and promotes a first model", { timeout: 180_000 }, async () => {
    const account = freshdeskAccountName(t.service.freshdeskBaseUrl);
    await waitFor(async () => (await lastLearnRun(redis, t.prefix, account)) !== undefined, 170_000, 250);
    const report = (await lastLearnRun(redis, t.prefix, account))!;
    expect(report.sync.mode).toBe("full");
    expect(report.sync.stored).toBeGreaterThanOrEqual(1000);
    // Three credits a page of 100 tickets with descriptions, plus the account's groups.
    expect(report.credits).toBeLessThan(60);
    expect(report.promotion).toMatchObject({ promoted: true, version: 1 });
    expect(report.promotion.candidate.group?.accuracy).toBeGreaterThan(0.7);
    const current = await createModelRegistry({ redis, prefix: t.prefix, account }).current();
    expect(current?.learnedFrom).toBe(report.trainedOn);
  });
});
