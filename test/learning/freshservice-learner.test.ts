import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { createRateGovernor } from "../../src/freshdesk/rate-governor.ts";
import type { FreshdeskCallReport } from "../../src/freshdesk/transport.ts";
import { createLearner, type Learner } from "../../src/learning/learner.ts";
import { FRESHSERVICE_LEARNED_FIELDS } from "../../src/learning/types.ts";
import { silentLogger } from "../../src/logger.ts";
import { createAuditLog } from "../../src/mcp/audit.ts";
import type { McpServerDeps } from "../../src/mcp/deps.ts";
import type { Product } from "../../src/product.ts";
import {
  type FreshserviceSandboxServer,
  startFreshserviceSandboxServer,
} from "../support/freshservice-sandbox-server.ts";
import { testRedis } from "../support/redis.ts";

/**
 * Learning a Freshservice account end to end: the Freshservice sandbox with its labelled
 * history over HTTP, the Freshservice client under the learning budget, the bundled
 * Freshservice MCP tools in-process (filter_tickets), the suite's Redis.
 */
let sandbox: FreshserviceSandboxServer;
let redis: ReturnType<typeof testRedis>;
let learner: Learner;
const calls: FreshdeskCallReport[] = [];

beforeAll(async () => {
  sandbox = await startFreshserviceSandboxServer({ history: true, plan: "unlimited" });
  redis = testRedis();
  const config = loadConfig({
    NODE_ENV: "test",
    FRESHSERVICE_DOMAIN: sandbox.baseUrl,
    FRESHSERVICE_API_KEY: sandbox.apiKey,
  });
  expect(config.product).toBe("freshservice");
  const account = `fs-learn-${randomUUID().slice(0, 8)}`;
  const accountGovernor = createRateGovernor({
    redis: redis.redis,
    account,
    share: config.freshdesk.rateShare,
    limitPerWindow: 10_000,
    keyPrefix: redis.prefix,
  });
  const mcp = {
    audit: createAuditLog({ redis: redis.redis, key: `${redis.prefix}:audit` }),
    logger: silentLogger(),
    cursorSecret: "freshservice-learning-cursor-secret",
  } as unknown as McpServerDeps<Product>;
  learner = await createLearner({
    config,
    redis: redis.redis,
    prefix: redis.prefix,
    account,
    freshdeskBaseUrl: sandbox.baseUrl,
    accountGovernor,
    mcp,
    onResponse: (call) => calls.push(call),
  });
}, 60_000);

afterAll(async () => {
  await learner?.close();
  await redis?.close();
  await sandbox?.close();
});

describe("learning a Freshservice account's history", () => {
  it("reads the resolved and closed tickets through filter_tickets and learns Freshservice's fields", async () => {
    const outcome = await learner.learn();
    expect(outcome.ran).toBe(true);
    if (!outcome.ran) return;
    const { sync, promotion } = outcome.report;
    expect(sync.mode).toBe("full");
    expect(sync.stored).toBeGreaterThanOrEqual(1000);
    expect(
      calls.every((call) => call.path?.includes("/tickets/filter") || !call.path?.includes("/tickets")),
    ).toBe(true);
    const examples = await learner.store.all();
    const labelled = (field: string) => examples.filter((e) => e.labels[field] !== undefined).length;
    for (const field of FRESHSERVICE_LEARNED_FIELDS) expect(labelled(field), field).toBeGreaterThan(500);
    expect(Object.keys(outcome.candidate.fields).sort()).toEqual([...FRESHSERVICE_LEARNED_FIELDS].sort());
    expect(promotion.promoted).toBe(true);
    expect(Object.keys(promotion.candidate).sort()).toEqual([...FRESHSERVICE_LEARNED_FIELDS].sort());
    const current = await learner.registry.current();
    expect(current?.heldOut.category?.n).toBeGreaterThan(100);
  }, 180_000);

  it("reads only what changed on the next run", async () => {
    const before = calls.length;
    const outcome = await learner.learn();
    expect(outcome.ran).toBe(true);
    if (!outcome.ran) return;
    expect(outcome.report.sync.mode).toBe("incremental");
    expect(outcome.report.sync.listed).toBeLessThan(outcome.report.sync.examples);
    expect(calls.length - before).toBeLessThan(40);
  }, 180_000);
});
