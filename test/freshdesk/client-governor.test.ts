import { Hono } from "hono";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createFreshdeskClient,
  createRateGovernor,
  FreshdeskRateLimitError,
  type RateGovernor,
} from "../../src/freshdesk/index.ts";
import type { Logger } from "../../src/logger.ts";
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
app.get("/api/v2/tickets/430", (c) => c.json({ message: "slow down" }, 429, { "retry-after": "99999" }));
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

function setup(logger?: Logger): {
  governor: RateGovernor;
  client: ReturnType<typeof createFreshdeskClient>;
} {
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
    ...(logger ? { logger } : {}),
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

  it("caps an absurd Retry-After at one hour and logs it, so the account is not stopped for a day", async () => {
    const lines: string[] = [];
    const logger = pino({ level: "warn" }, { write: (line: string) => void lines.push(line) });
    const { governor, client } = setup(logger);
    const error = await client.tickets.get(430).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FreshdeskRateLimitError);
    expect((error as FreshdeskRateLimitError).retryAfterSeconds).toBe(3600);
    expect((error as FreshdeskRateLimitError).message).toContain("retry in 3600 s");
    const { blockedForMs } = await governor.snapshot();
    expect(blockedForMs).toBeGreaterThan(3_590_000);
    expect(blockedForMs).toBeLessThanOrEqual(3_600_000);
    const capped = lines.map((line) => JSON.parse(line)).find((entry) => entry.retryAfter === "99999");
    expect(capped).toMatchObject({ level: 40, cappedSeconds: 3600, path: "/tickets/430" });
  });
});
