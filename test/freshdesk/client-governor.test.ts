import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createFreshdeskClient,
  createRateGovernor,
  FreshdeskRateLimitError,
  type RateGovernor,
} from "../../src/freshdesk/index.ts";
import { testRedis } from "../support/redis.ts";
import { serveApp } from "./support/serve-app.ts";
import { ticket } from "./support/wire-bodies.ts";

/** How the client feeds the shared budget: credit estimates, rate headers and 429 blocks. */
const rateHeaders = {
  "x-ratelimit-total": "400",
  "x-ratelimit-remaining": "390",
  "x-ratelimit-used-currentrequest": "1",
};
const app = new Hono();
app.get("/api/v2/tickets", (c) => c.json([ticket(1)], 200, rateHeaders));
app.get("/api/v2/tickets/429", (c) => c.json({ message: "slow down" }, 429, { "retry-after": "40" }));
app.get("/api/v2/tickets/:id", (c) => c.json(ticket(Number(c.req.param("id"))), 200, rateHeaders));

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

function setup(): { governor: RateGovernor; client: ReturnType<typeof createFreshdeskClient> } {
  const governor = createRateGovernor({
    redis: redis.redis,
    account: `client-${++account}`,
    keyPrefix: `${redis.prefix}:`,
    limitPerWindow: 100,
    share: 1,
  });
  const client = createFreshdeskClient({
    baseUrl: server.baseUrl,
    apiKey: "k",
    governor,
    maxRetries: 3,
    maxRateWaitMs: 1_000,
  });
  return { governor, client };
}

describe("client and rate governor", () => {
  it("charges 1 credit plus 1 per include on a view and 2 per include on a list", async () => {
    const { governor, client } = setup();
    await client.tickets.get(1, { include: ["requester", "stats"] });
    expect((await governor.snapshot()).usedInWindow).toBe(3);
    await client.tickets.list({ include: ["requester", "description"] });
    expect((await governor.snapshot()).usedInWindow).toBe(8);
    await client.tickets.get(2);
    expect((await governor.snapshot()).usedInWindow).toBe(9);
  });

  it("records X-RateLimit-* from responses", async () => {
    const { governor, client } = setup();
    await client.tickets.get(1);
    expect(await governor.snapshot()).toMatchObject({ remaining: 390, total: 400 });
  });

  it("turns a 429 into a shared pause, and gives up when the pause outlasts the allowed wait", async () => {
    const { governor, client } = setup();
    const error = await client.tickets.get(429).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FreshdeskRateLimitError);
    expect((error as FreshdeskRateLimitError).retryAfterSeconds).toBeGreaterThanOrEqual(39);
    expect((await governor.snapshot()).blockedForMs).toBeGreaterThan(38_000);
    // Every other caller on the account now waits too, instead of hitting Freshdesk.
    await expect(client.tickets.get(1)).rejects.toBeInstanceOf(FreshdeskRateLimitError);
  });
});
