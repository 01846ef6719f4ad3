import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { createRateGovernor, type RateGovernor } from "../../src/freshdesk/rate-governor.ts";
import type { FreshdeskCallReport } from "../../src/freshdesk/transport.ts";
import { createLearner, type Learner } from "../../src/learning/learner.ts";
import { createOverrideStore } from "../../src/learning/overrides.ts";
import { silentLogger } from "../../src/logger.ts";
import { createAuditLog } from "../../src/mcp/audit.ts";
import type { McpServerDeps } from "../../src/mcp/deps.ts";
import { HISTORY_FIRST_ID } from "../../src/sandbox/seed/history.ts";
import { GROUP } from "../../src/sandbox/seed/ids.ts";
import { testRedis } from "../support/redis.ts";
import { type SandboxServer, startSandboxServer } from "../support/sandbox-server.ts";

/**
 * History sync against the sandbox over HTTP and the suite's Redis. The sandbox allows 24
 * credits a second while the service believes the plan gives 100: learning's 20 % share (20 a
 * second) must hold, or the sandbox answers 429.
 */
const WINDOW_MS = 1000;
const PLAN_LIMIT = 100;
const LEARN_SHARE = 0.2;

let sandbox: SandboxServer;
let redis: ReturnType<typeof testRedis>;
let accountGovernor: RateGovernor;
let learner: Learner;
let learnerAccount = "";
const calls: FreshdeskCallReport[] = [];

async function sandboxCall(method: string, path: string, body?: unknown) {
  const response = await fetch(`${sandbox.baseUrl}/api/v2${path}`, {
    method,
    headers: {
      authorization: `Basic ${Buffer.from(`${sandbox.apiKey}:X`).toString("base64")}`,
      "content-type": "application/json",
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${await response.text()}`);
  return response.status === 204 ? undefined : ((await response.json()) as Record<string, unknown>);
}

beforeAll(async () => {
  sandbox = await startSandboxServer({ plan: `24/${WINDOW_MS}`, history: true });
  redis = testRedis();
  const config = loadConfig({
    NODE_ENV: "test",
    FRESHDESK_DOMAIN: sandbox.baseUrl,
    FRESHDESK_API_KEY: sandbox.apiKey,
    FRESHDESK_RATE_LIMIT: String(PLAN_LIMIT),
    FRESHDESK_RATE_WINDOW_MS: String(WINDOW_MS),
    LEARN_RATE_SHARE: String(LEARN_SHARE),
  });
  const account = `sync-${randomUUID().slice(0, 8)}`;
  learnerAccount = account;
  accountGovernor = createRateGovernor({
    redis: redis.redis,
    account,
    share: config.freshdesk.rateShare,
    limitPerWindow: PLAN_LIMIT,
    windowMs: WINDOW_MS,
    keyPrefix: redis.prefix,
  });
  const mcp = {
    audit: createAuditLog({ redis: redis.redis, key: `${redis.prefix}:audit` }),
    logger: silentLogger(),
    cursorSecret: "history-sync-cursor-secret-0123",
  } as unknown as McpServerDeps;
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
});

afterAll(async () => {
  await learner?.close();
  await redis?.close();
  await sandbox?.close();
});

describe("learning from the account's resolved tickets", () => {
  let firstRunCredits = 0;

  it("reads the resolved and closed history within its share of the budget, leaving triage room", async () => {
    let triageRoom: Promise<unknown> | undefined;
    const watcher = setInterval(() => {
      // Mid-run, triage still gets the rest of the installation's half of the plan at once.
      if (!triageRoom && calls.length >= 3) {
        const triageShare = PLAN_LIMIT * 0.5 - PLAN_LIMIT * LEARN_SHARE;
        triageRoom = accountGovernor.acquire(triageShare, { maxWaitMs: 0 }).then((permit) => permit.settle());
      }
    }, 5);
    const outcome = await learner.learn().finally(() => clearInterval(watcher));
    expect(outcome.ran).toBe(true);
    if (!outcome.ran) return;
    const { sync, credits } = outcome.report;
    expect(sync.mode).toBe("full");
    expect(sync.stored).toBeGreaterThanOrEqual(1000);
    expect(calls.filter((call) => call.status === 429)).toEqual([]);
    // More than one window's worth: the share was enforced, not merely never reached.
    expect(credits).toBeGreaterThan(24);
    firstRunCredits = credits ?? 0;
    expect(triageRoom).toBeDefined();
    await expect(triageRoom).resolves.toBeUndefined();
  });

  it("keeps labels as agents left them and leaves spam and deleted tickets out", async () => {
    const examples = await learner.store.all();
    expect(examples.length).toBeGreaterThanOrEqual(1000);
    const since = new Date(Date.now() - 200 * 86_400_000).toISOString();
    const junk = [
      ...((await sandboxCall(
        "GET",
        `/tickets?filter=spam&per_page=100&updated_since=${since}`,
      )) as unknown as Array<{
        id: number;
      }>),
      ...((await sandboxCall(
        "GET",
        `/tickets?filter=deleted&per_page=100&updated_since=${since}`,
      )) as unknown as Array<{ id: number }>),
    ].map((t) => t.id);
    expect(junk.length).toBeGreaterThan(10);
    const ids = new Set(examples.map((e) => e.id));
    for (const id of junk) expect(ids.has(id), `ticket ${id}`).toBe(false);
    const sample = examples.find((e) => e.id === HISTORY_FIRST_ID + 1);
    const ticket = (await sandboxCall("GET", `/tickets/${HISTORY_FIRST_ID + 1}`)) as {
      priority: number;
      type: string | null;
      subject: string;
    };
    expect(sample).toMatchObject({ subject: ticket.subject, labels: { priority: ticket.priority } });
    expect(examples.every((e) => e.labels.group === undefined || typeof e.labels.group === "string")).toBe(
      true,
    );
    expect(new Set(examples.map((e) => e.labels.group))).toContain("Billing");
  });

  it("then reads only what changed since, and forgets tickets deleted or reopened since", async () => {
    const relabelled = HISTORY_FIRST_ID + 2;
    const deleted = HISTORY_FIRST_ID + 3;
    const reopened = HISTORY_FIRST_ID + 4;
    await sandboxCall("PUT", `/tickets/${relabelled}`, { group_id: GROUP.product });
    await sandboxCall("DELETE", `/tickets/${deleted}`);
    await sandboxCall("PUT", `/tickets/${reopened}`, { status: 2 });
    const created = (await sandboxCall("POST", "/tickets", {
      subject: "Refund the duplicate charge",
      description: "We were billed twice for INV-20417.",
      email: "new-customer@example.com",
      priority: 3,
      status: 2,
    })) as { id: number };
    await sandboxCall("PUT", `/tickets/${created.id}`, {
      group_id: GROUP.billing,
      type: "Problem",
      status: 4,
      custom_fields: { cf_product_area: "Billing & Plans" },
    });

    const outcome = await learner.learn();
    expect(outcome.ran).toBe(true);
    if (!outcome.ran) return;
    const { sync, credits } = outcome.report;
    expect(sync.mode).toBe("incremental");
    // Only the tickets changed since the first run were listed again.
    expect(sync.listed).toBeLessThanOrEqual(4);
    expect(sync.listed).toBeGreaterThanOrEqual(3);
    expect(credits).toBeLessThan(firstRunCredits / 3);
    const examples = new Map((await learner.store.all()).map((e) => [e.id, e]));
    expect(examples.get(relabelled)?.labels.group).toBe("Product");
    expect(examples.get(created.id)?.labels).toEqual({ group: "Billing", type: "Problem", priority: 3 });
    expect(examples.has(deleted)).toBe(false);
    expect(examples.has(reopened)).toBe(false);
  });

  it("feeds an agent's correction of an applied value into the next training at once", async () => {
    const open = (
      (await sandboxCall("GET", "/tickets?per_page=100")) as unknown as Array<{ id: number; status: number }>
    ).find((t) => t.status === 2);
    expect(open).toBeDefined();
    const ticketId = open!.id;
    await sandboxCall("PUT", `/tickets/${ticketId}`, { group_id: GROUP.engineering });
    const overrides = createOverrideStore({
      redis: redis.redis,
      prefix: redis.prefix,
      account: learnerAccount,
    });
    await overrides.record({
      field: "group",
      ticketId,
      from: "Technical Support",
      to: "Engineering",
      at: new Date().toISOString(),
      appliedAt: new Date(Date.now() - 60_000).toISOString(),
      seen: "update",
    });
    const outcome = await learner.learn();
    expect(outcome.ran && outcome.report.sync.corrected).toBe(1);
    const example = (await learner.store.all()).find((e) => e.id === ticketId);
    // Still open: only the corrected field is a label.
    expect(example?.labels).toEqual({ group: "Engineering" });

    // Touched again while still open, it stays an example with its correction.
    await sandboxCall("PUT", `/tickets/${ticketId}`, { priority: 3 });
    const again = await learner.learn();
    expect(again.ran && again.report.sync.listed).toBeGreaterThanOrEqual(1);
    const kept = (await learner.store.all()).find((e) => e.id === ticketId);
    expect(kept?.labels).toEqual({ group: "Engineering" });
  });

  it("lets one learner at a time work on an account", async () => {
    const [a, b] = await Promise.all([learner.learn(), learner.learn()]);
    expect([a.ran, b.ran].sort()).toEqual([false, true]);
  });
});
