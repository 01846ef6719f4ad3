import { setTimeout as sleep } from "node:timers/promises";
import { Hono } from "hono";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BadRequestError } from "../../src/errors.ts";
import {
  collectPages,
  createFreshdeskClient,
  type FreshdeskClient,
  FreshdeskNetworkError,
  FreshdeskRateLimitError,
  FreshdeskServerError,
  FreshdeskTimeoutError,
} from "../../src/freshdesk/index.ts";
import { serveApp } from "./support/serve-app.ts";
import { bodies, ticket } from "./support/wire-bodies.ts";

/** A small Freshdesk stand-in over real HTTP that counts what reaches it. */
const hits = new Map<string, number>();
const seen: { url: string; authorization: string | undefined; body: string }[] = [];
const count = (key: string) => {
  const n = (hits.get(key) ?? 0) + 1;
  hits.set(key, n);
  return n;
};
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

const app = new Hono();
app.use(async (c, next) => {
  seen.push({ url: c.req.url, authorization: c.req.header("authorization"), body: await c.req.text() });
  await next();
});
app.get("/api/v2/tickets", (c) => {
  const page = Number(c.req.query("page") ?? "1");
  const items = [1, 2].map((n) => ticket((page - 1) * 2 + n));
  const next = `${new URL(c.req.url).origin}/api/v2/tickets?per_page=2&page=${page + 1}`;
  return json(200, items, page < 3 ? { link: `<${next}>; rel="next"` } : {});
});
app.get("/api/v2/search/tickets", (c) =>
  json(200, { results: [ticket(1)], total: 1, echo: c.req.query("query") }),
);
app.get("/api/v2/tickets/503", () =>
  count("503") === 1 ? json(503, bodies.serverError) : json(200, ticket(503)),
);
app.get("/api/v2/tickets/599", () => {
  count("599");
  return json(503, bodies.serverError);
});
app.get("/api/v2/tickets/429", () =>
  count("429") === 1 ? json(429, bodies.hourlyLimit, { "retry-after": "1" }) : json(200, ticket(429)),
);
app.get("/api/v2/tickets/430", () => json(429, bodies.hourlyLimit, { "retry-after": "3600" }));
app.post("/api/v2/tickets", () =>
  count("post-429") === 1 ? json(429, {}, { "retry-after": "0" }) : json(201, ticket(100)),
);
app.post("/api/v2/tickets/:id/notes", async () => {
  count("slow-note");
  await sleep(1_000);
  return json(201, {});
});
app.get("/api/v2/tickets/504", async () => {
  count("slow-get");
  await sleep(1_000);
  return json(200, ticket(504));
});
app.get("/api/v2/tickets/:id", (c) => json(200, ticket(Number(c.req.param("id")))));
app.put("/api/v2/tickets/:id", (c) => {
  count("reset-put");
  // Drop the connection mid-request, as a crashing proxy would.
  (c.env as { incoming: { socket: { destroy(): void } } }).incoming.socket.destroy();
  return json(200, {});
});
app.post("/api/v2/tickets/:id/reply", (c) => {
  count("reset-post");
  (c.env as { incoming: { socket: { destroy(): void } } }).incoming.socket.destroy();
  return json(201, {});
});

let server: Awaited<ReturnType<typeof serveApp>>;
let client: FreshdeskClient;

beforeAll(async () => {
  server = await serveApp(app);
  client = createFreshdeskClient({
    baseUrl: `${server.baseUrl}/`,
    apiKey: "secret-key",
    timeoutMs: 200,
    maxRetries: 2,
    retryBaseDelayMs: 5,
    retryMaxDelayMs: 20,
    maxRetryAfterSeconds: 5,
  });
});
afterAll(() => server.close());
beforeEach(() => {
  hits.clear();
  seen.length = 0;
});

describe("requests", () => {
  it("authenticates with the API key as Basic user and X as password", async () => {
    await client.tickets.get(5, { include: ["requester", "stats"] });
    const request = seen[0]!;
    expect(request.authorization).toBe(`Basic ${Buffer.from("secret-key:X").toString("base64")}`);
    expect(new URL(request.url).pathname).toBe("/api/v2/tickets/5");
    expect(new URL(request.url).searchParams.get("include")).toBe("requester,stats");
  });

  it("reads the next page from the Link header and stops on the last page", async () => {
    const first = await client.tickets.list({ perPage: 2 });
    expect(first.items.map((t) => t.id)).toEqual([1, 2]);
    expect(first.nextPage).toBe(2);
    const last = await client.tickets.list({ page: 3, perPage: 2 });
    expect(last.nextPage).toBeUndefined();

    const all = await collectPages((page) => client.tickets.list({ page, perPage: 2 }));
    expect(all).toEqual({ items: expect.any(Array), complete: true });
    expect(all.items.map((t) => t.id)).toEqual([1, 2, 3, 4, 5, 6]);
    const bounded = await collectPages((page) => client.tickets.list({ page, perPage: 2 }), { maxPages: 2 });
    expect(bounded.items).toHaveLength(4);
    expect(bounded.complete).toBe(false);
  });

  it("wraps the search query in double quotes", async () => {
    const result = await client.search.tickets("status:2 AND tag:'vip'", 2);
    expect(result.total).toBe(1);
    const url = new URL(seen[0]!.url);
    expect(url.searchParams.get("query")).toBe(`"status:2 AND tag:'vip'"`);
    expect(url.searchParams.get("page")).toBe("2");
  });

  it("rejects a quoted, oversized or out-of-range search before sending it", async () => {
    await expect(client.search.tickets('"status:2"')).rejects.toBeInstanceOf(BadRequestError);
    await expect(client.search.tickets(`subject:'${"x".repeat(520)}'`)).rejects.toThrow(/at most 512/);
    await expect(client.search.contacts("email:'a@b.c'", 11)).rejects.toThrow(/1 to 10/);
    expect(seen).toHaveLength(0);
  });

  it("rejects an id that is not a positive integer before sending it", async () => {
    await expect(client.tickets.get(Number.NaN)).rejects.toThrow(/ticket id must be a positive integer/);
    await expect(client.conversations.addNote(-1, { body: "x" })).rejects.toBeInstanceOf(BadRequestError);
    expect(seen).toHaveLength(0);
  });
});

describe("retries", () => {
  it("retries a GET after a 5xx", async () => {
    const result = await client.tickets.get(503);
    expect(result.id).toBe(503);
    expect(hits.get("503")).toBe(2);
  });

  it("waits out Retry-After after a 429 and then succeeds", async () => {
    const result = await client.tickets.get(429);
    expect(result.id).toBe(429);
    expect(hits.get("429")).toBe(2);
  });

  it("re-sends a POST that got a 429, since Freshdesk did not process it", async () => {
    const created = await client.tickets.create({ subject: "Printer on fire", email: "a@example.com" });
    expect(created.id).toBe(100);
    expect(hits.get("post-429")).toBe(2);
  });

  it("gives up at once when Retry-After is longer than the client will wait", async () => {
    const error = await client.tickets.get(430).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FreshdeskRateLimitError);
    expect((error as FreshdeskRateLimitError).retryAfterSeconds).toBe(3600);
  });

  it("never re-sends a POST that timed out, and says the outcome is unknown", async () => {
    const error = await client.conversations.addNote(1, { body: "hi" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FreshdeskTimeoutError);
    expect((error as FreshdeskTimeoutError).outcomeUnknown).toBe(true);
    expect((error as Error).message).toMatch(/outcome is unknown/);
    expect(hits.get("slow-note")).toBe(1);
  });

  it("retries a GET that timed out, up to the bound", async () => {
    const error = await client.tickets.get(504).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FreshdeskTimeoutError);
    expect((error as FreshdeskTimeoutError).outcomeUnknown).toBe(false);
    expect(hits.get("slow-get")).toBe(3);
  });

  it("retries a PUT whose connection broke, but not a POST", async () => {
    const put = await client.tickets.update(1, { priority: 2 }).catch((e: unknown) => e);
    expect(put).toBeInstanceOf(FreshdeskNetworkError);
    expect(hits.get("reset-put")).toBe(3);

    const post = await client.conversations.reply(1, { body: "hello" }).catch((e: unknown) => e);
    expect(post).toBeInstanceOf(FreshdeskNetworkError);
    expect((post as FreshdeskNetworkError).outcomeUnknown).toBe(true);
    expect(hits.get("reset-post")).toBe(1);
  });

  it("retries a POST whose connection was refused, since nothing was sent", async () => {
    const closed = await serveApp(new Hono());
    await closed.close();
    const offline = createFreshdeskClient({
      baseUrl: closed.baseUrl,
      apiKey: "k",
      maxRetries: 1,
      retryBaseDelayMs: 1,
    });
    const error = await offline.tickets.create({ subject: "x" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FreshdeskNetworkError);
    expect((error as FreshdeskNetworkError).outcomeUnknown).toBe(false);
  });

  it("reports a 5xx that outlasts the retries", async () => {
    const error = await client.tickets.get(599).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FreshdeskServerError);
    expect(hits.get("599")).toBe(3);
  });
});
