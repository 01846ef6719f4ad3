import { Hono } from "hono";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createRateGovernor, type RateGovernorOptions } from "../../src/freshdesk/index.ts";
import {
  createFreshserviceClient,
  FreshdeskRateLimitError,
  freshserviceGovernorLimits,
} from "../../src/freshservice/index.ts";
import { serveApp } from "../freshdesk/support/serve-app.ts";
import { testRedis } from "../support/redis.ts";
import { fsTicket } from "./support/wire.ts";

/** How the Freshservice client feeds the shared governor: credits, buckets and 429 blocks. */
let requests = 0;
const app = new Hono();
app.use(async (_c, next) => {
  requests++;
  await next();
});
app.get("/api/v2/tickets", (c) => c.json({ tickets: [fsTicket(1)] }));
app.get("/api/v2/tickets/filter", (c) => c.json({ tickets: [fsTicket(1)], total: 1 }));
app.get("/api/v2/tickets/429", (c) => c.json({}, 429, { "retry-after": "40" }));
app.get("/api/v2/tickets/:id", (c) => c.json({ ticket: fsTicket(Number(c.req.param("id"))) }));
app.put("/api/v2/tickets/:id", (c) => c.json({ ticket: fsTicket(Number(c.req.param("id"))) }));
app.get("/api/v2/groups", (c) => c.json({ groups: [{ id: 1, name: "Service Desk" }] }));
app.get("/api/v2/requesters", (c) => c.json({ requesters: [{ id: 11, first_name: "Ann" }] }));
app.get("/api/v2/agents", (c) => c.json({ agents: [{ id: 3, first_name: "Bo" }] }));
app.get("/api/v2/assets", (c) => c.json({ assets: [{ display_id: 5, name: "MacBook" }] }));

const redis = testRedis();
let server: Awaited<ReturnType<typeof serveApp>>;
let account = 0;

beforeAll(async () => {
  server = await serveApp(app);
});
afterAll(async () => {
  await server.close();
  await redis.close();
});
beforeEach(() => {
  requests = 0;
});

function setup(options: Partial<RateGovernorOptions>) {
  const governor = createRateGovernor({
    redis: redis.redis,
    account: `fs-client-${++account}.freshservice.com`,
    keyPrefix: `${redis.prefix}:`,
    share: 1,
    ...options,
  });
  const client = createFreshserviceClient({
    baseUrl: server.baseUrl,
    apiKey: "k",
    governor,
    maxRetries: 2,
    // Refuse at once instead of waiting for the window, so the test sees the refusal.
    maxRateWaitMs: 0,
  });
  return { governor, client };
}

describe("Freshservice client and the shared rate governor", () => {
  it("charges each call its credits, includes included, in the call's bucket", async () => {
    const { governor, client } = setup({ limitPerWindow: 100, subLimits: { list: 40, view_write: 50 } });
    await client.tickets.get(1);
    await client.tickets.get(1, { include: ["tags", "conversations"] });
    await client.tickets.update(1, { priority: 2 });
    await client.tickets.list({ include: ["stats"] });
    await client.tickets.filter("status:2");
    await client.groups.list();
    await client.requesters.list();
    await client.agents.list();
    await client.assets.list({ include: ["type_fields"] });
    const snapshot = await governor.snapshot();
    // view_write: 1 + (1 + tags 1 + conversations 2) + 1; list: (1 + 2) + 1 + 1 + 1 + (1 + 2).
    expect(snapshot.buckets).toMatchObject({ view_write: { usedInWindow: 6 }, list: { usedInWindow: 9 } });
    // groups are under the overall limit only.
    expect(snapshot.usedInWindow).toBe(16);
  });

  it("refuses list calls once the list sub-limit is spent, while view and update calls still pass", async () => {
    const { governor, client } = setup({ limitPerWindow: 100, subLimits: { list: 2, view_write: 50 } });
    await client.tickets.list();
    await client.requesters.list();
    const error = await client.tickets.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FreshdeskRateLimitError);
    expect((error as Error).message).toMatch(
      /^The Freshservice API budget for this account is used up; retry in \d+ s\.$/,
    );
    await expect(client.assets.list()).rejects.toBeInstanceOf(FreshdeskRateLimitError);
    await expect(client.tickets.filter("status:2")).rejects.toBeInstanceOf(FreshdeskRateLimitError);
    expect(requests).toBe(2);

    await client.tickets.get(3);
    await client.tickets.update(3, { urgency: 2 });
    await client.groups.list();
    expect(requests).toBe(5);
    expect((await governor.snapshot()).buckets?.list).toMatchObject({ budget: 2, usedInWindow: 2 });
  });

  it("still holds the overall limit when the buckets have room", async () => {
    const { client } = setup({ limitPerWindow: 4, subLimits: { list: 40, view_write: 50 } });
    await client.tickets.get(1);
    await client.tickets.list();
    await client.groups.list();
    await client.tickets.get(2);
    await expect(client.tickets.get(3)).rejects.toBeInstanceOf(FreshdeskRateLimitError);
    await expect(client.tickets.list()).rejects.toBeInstanceOf(FreshdeskRateLimitError);
    await expect(client.groups.list()).rejects.toBeInstanceOf(FreshdeskRateLimitError);
    expect(requests).toBe(4);
  });

  it("takes the plan's limits from FRESHSERVICE_PLAN's table", async () => {
    const { governor, client } = setup(freshserviceGovernorLimits("starter"));
    await client.tickets.get(1);
    expect(await governor.snapshot()).toMatchObject({
      limit: 100,
      limitSource: "fixed",
      buckets: { list: { limit: 40, budget: 40 }, view_write: { limit: 50, budget: 50, usedInWindow: 1 } },
    });
  });

  it("stops every caller of the account after a 429, for Retry-After seconds", async () => {
    const { governor, client } = setup({ limitPerWindow: 100, subLimits: { list: 40, view_write: 50 } });
    const error = await client.tickets.get(429).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FreshdeskRateLimitError);
    expect((await governor.snapshot()).blockedForMs).toBeGreaterThan(38_000);
    await expect(client.groups.list()).rejects.toBeInstanceOf(FreshdeskRateLimitError);
    expect(requests).toBe(1);
  });
});
