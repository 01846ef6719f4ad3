import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testRedisUrl } from "../support/redis.ts";
import { serveApp } from "./support/serve-app.ts";
import { runPusher } from "./support/spawn-pushers.ts";
import { ticket } from "./support/wire-bodies.ts";

/**
 * The harshest limiter a server could use: a sliding window over arrival times, checked on
 * every request. Two processes sharing one Redis budget at share 1.0 must never trip it.
 */
const LIMIT = 50;
const WINDOW_MS = 2_000;
const arrivals: number[] = [];
let rejected = 0;

const app = new Hono();
app.use(async (c, next) => {
  const now = performance.now();
  while (arrivals.length > 0 && arrivals[0]! <= now - WINDOW_MS) arrivals.shift();
  if (arrivals.length >= LIMIT) {
    rejected++;
    return c.json({ message: "You have exceeded the limit of requests per minute" }, 429, {
      "retry-after": "1",
    });
  }
  arrivals.push(now);
  c.header("x-ratelimit-total", String(LIMIT));
  c.header("x-ratelimit-remaining", String(LIMIT - arrivals.length));
  c.header("x-ratelimit-used-currentrequest", "1");
  await next();
});
app.get("/api/v2/tickets", (c) => c.json([ticket(1)]));
app.get("/api/v2/tickets/:id", (c) => c.json(ticket(Number(c.req.param("id")))));

let server: Awaited<ReturnType<typeof serveApp>>;
beforeAll(async () => {
  server = await serveApp(app);
});
afterAll(() => server.close());

describe("shared budget against a strict sliding-window limiter", () => {
  it("two processes, 100 requests each, share 1.0: every request completes with zero 429s", async () => {
    const options = {
      baseUrl: server.baseUrl,
      apiKey: "k",
      redisUrl: testRedisUrl(),
      keyPrefix: `strict-${Date.now()}:`,
      account: "strict.example",
      count: 100,
      concurrency: 8,
      windowMs: WINDOW_MS,
      share: 1,
    };
    const summaries = await Promise.all([runPusher(options), runPusher(options)]);
    expect(summaries).toEqual([
      { completed: 100, failures: {} },
      { completed: 100, failures: {} },
    ]);
    expect(rejected).toBe(0);
  }, 60_000);
});
