import { setTimeout as sleep } from "node:timers/promises";
import { Hono } from "hono";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BadRequestError } from "../../src/errors.ts";
import {
  collectPages,
  createFreshserviceClient,
  FreshdeskAuthError,
  FreshdeskInvalidResponseError,
  FreshdeskNotFoundError,
  FreshdeskRateLimitError,
  FreshdeskTimeoutError,
  FreshdeskValidationError,
  type FreshserviceClient,
} from "../../src/freshservice/index.ts";
import { serveApp } from "../freshdesk/support/serve-app.ts";
import { fsTicket, validationBody } from "./support/wire.ts";

/** A small Freshservice stand-in over real HTTP that records what reaches it. */
const seen: { method: string; url: URL; authorization: string | undefined; body: string }[] = [];
const hits = new Map<string, number>();
const count = (key: string) => {
  const n = (hits.get(key) ?? 0) + 1;
  hits.set(key, n);
  return n;
};

const app = new Hono();
app.use(async (c, next) => {
  seen.push({
    method: c.req.method,
    url: new URL(c.req.url),
    authorization: c.req.header("authorization"),
    body: await c.req.text(),
  });
  await next();
});
app.get("/api/v2/tickets", (c) => {
  const page = Number(c.req.query("page") ?? "1");
  const tickets = [1, 2].map((n) => fsTicket((page - 1) * 2 + n));
  const next = `${new URL(c.req.url).origin}/api/v2/tickets?per_page=2&page=${page + 1}`;
  return c.json({ tickets }, 200, page < 3 ? { link: `<${next}>;rel="next"` } : {});
});
// 65 matches: pages 1 and 2 hold 30, page 3 holds 5.
app.get("/api/v2/tickets/filter", (c) => {
  const page = Number(c.req.query("page") ?? "1");
  const size = page < 3 ? 30 : 5;
  const tickets = Array.from({ length: size }, (_, i) => fsTicket((page - 1) * 30 + i + 1));
  return c.json({ tickets, total: 65 });
});
app.get("/api/v2/tickets/400", (c) => c.json(validationBody, 400));
app.get("/api/v2/tickets/401", (c) =>
  c.json({ code: "invalid_credentials", message: "You have to be logged in to perform this action." }, 401),
);
app.get("/api/v2/tickets/404", (c) => c.json({}, 404));
app.get("/api/v2/tickets/429", (c) =>
  count("429") === 1
    ? c.json({ message: "You have exceeded the limit of requests per minute" }, 429, { "retry-after": "1" })
    : c.json({ ticket: fsTicket(429) }),
);
app.get("/api/v2/tickets/430", (c) => c.json({}, 429, { "retry-after": "3000" }));
app.get("/api/v2/tickets/502", (c) => c.json([fsTicket(502)]));
app.get("/api/v2/tickets/504", async (c) => {
  await sleep(500);
  return c.json({ ticket: fsTicket(504) });
});
app.get("/api/v2/tickets/:id", (c) => {
  const include = c.req.query("include")?.split(",") ?? [];
  const tags = include.includes("tags") ? { tags: ["vpn", "vip"] } : {};
  return c.json({ ticket: fsTicket(Number(c.req.param("id")), tags) });
});
app.put("/api/v2/tickets/:id", async (c) =>
  c.json({ ticket: fsTicket(Number(c.req.param("id")), (await c.req.json()) as Record<string, unknown>) }),
);
app.post("/api/v2/tickets/:id/notes", async (c) => {
  const body = (await c.req.json()) as Record<string, unknown>;
  return c.json(
    {
      conversation: {
        id: 900,
        body: body.body,
        private: body.private ?? true,
        ticket_id: Number(c.req.param("id")),
      },
    },
    201,
  );
});

let server: Awaited<ReturnType<typeof serveApp>>;
let client: FreshserviceClient;

beforeAll(async () => {
  server = await serveApp(app);
  client = createFreshserviceClient({
    baseUrl: server.baseUrl,
    apiKey: "fs-key",
    maxRetries: 2,
    retryBaseDelayMs: 5,
    retryMaxDelayMs: 20,
    maxRetryAfterSeconds: 5,
  });
});
afterAll(() => server.close());
beforeEach(() => {
  seen.length = 0;
  hits.clear();
});

describe("Freshservice client over HTTP", () => {
  it("authenticates with the API key as Basic user and X as password, and unwraps the envelope", async () => {
    const ticket = await client.tickets.get(7);
    expect(seen[0]!.authorization).toBe(`Basic ${Buffer.from("fs-key:X").toString("base64")}`);
    expect(seen[0]!.url.pathname).toBe("/api/v2/tickets/7");
    expect(ticket).toMatchObject({ id: 7, category: "Hardware", urgency: 1, future_field: "kept" });
  });

  it("asks for include=tags only when the caller asks for tags", async () => {
    const plain = await client.tickets.get(7);
    expect(seen[0]!.url.searchParams.has("include")).toBe(false);
    expect(plain.tags).toBeUndefined();
    const tagged = await client.tickets.get(7, { include: ["tags", "requester"] });
    expect(seen[1]!.url.searchParams.get("include")).toBe("tags,requester");
    expect(tagged.tags).toEqual(["vpn", "vip"]);
  });

  it("follows the Link header from page to page and stops on the last", async () => {
    const first = await client.tickets.list({ perPage: 2 });
    expect(first.items.map((t) => t.id)).toEqual([1, 2]);
    expect(first.nextPage).toBe(2);
    const all = await collectPages((page) => client.tickets.list({ page, perPage: 2 }));
    expect(all.items.map((t) => t.id)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(all.complete).toBe(true);
    expect(seen.at(-1)!.url.searchParams.get("per_page")).toBe("2");
  });

  it("maps the list parameters onto Freshservice's query names", async () => {
    await client.tickets.list({
      requesterId: 11,
      email: "ann+it@acme.test",
      updatedSince: new Date("2026-11-01T08:00:00.000Z"),
      type: "Service Request",
      workspaceId: 0,
      orderType: "asc",
      include: ["stats"],
    });
    const query = seen[0]!.url.searchParams;
    expect(Object.fromEntries(query)).toEqual({
      requester_id: "11",
      email: "ann+it@acme.test",
      updated_since: "2026-11-01T08:00:00Z",
      type: "Service Request",
      workspace_id: "0",
      order_type: "asc",
      include: "stats",
    });
    // The plus sign survives URL encoding (reference §3: "URL-encode +").
    expect(seen[0]!.url.search).toContain("ann%2Bit%40acme.test");
  });

  it("puts the filter query in double quotes and pages by the total, 30 a page", async () => {
    const first = await client.tickets.filter("status:2 AND priority:>3");
    expect(seen[0]!.url.searchParams.get("query")).toBe(`"status:2 AND priority:>3"`);
    expect(first).toMatchObject({ total: 65, nextPage: 2 });
    expect(first.items).toHaveLength(30);
    const third = await client.tickets.filter("status:2 AND priority:>3", { page: 3, workspaceId: 4 });
    expect(third.items).toHaveLength(5);
    expect(third.nextPage).toBeUndefined();
    expect(seen[1]!.url.searchParams.get("page")).toBe("3");
    expect(seen[1]!.url.searchParams.get("workspace_id")).toBe("4");
  });

  it("refuses a filter query with its own double quotes, an empty or oversized one, before sending it", async () => {
    await expect(client.tickets.filter('"status:2"')).rejects.toBeInstanceOf(BadRequestError);
    await expect(client.tickets.filter("  ")).rejects.toThrow(/empty/);
    await expect(client.tickets.filter(`tag:'${"x".repeat(520)}'`)).rejects.toThrow(/at most 512/);
    await expect(client.tickets.list({ perPage: 101 })).rejects.toThrow(
      /perPage must be a whole number from 1 to 100/,
    );
    await expect(client.tickets.get(-3)).rejects.toThrow(/ticket id must be a positive integer/);
    expect(seen).toHaveLength(0);
  });

  it("turns a 400 with errors[] into a validation error naming the field", async () => {
    const error = await client.tickets.get(400).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FreshdeskValidationError);
    expect(error).toMatchObject({
      status: 400,
      product: "Freshservice",
      message: "Freshservice rejected the request: department_id: It should be a/an Positive Integer",
      fieldErrors: [
        { field: "department_id", message: "It should be a/an Positive Integer", code: "datatype_mismatch" },
      ],
    });
  });

  it("turns a 401 into an auth error and a 404 into a not-found error, both named Freshservice", async () => {
    const unauthorized = await client.tickets.get(401).catch((e: unknown) => e);
    expect(unauthorized).toBeInstanceOf(FreshdeskAuthError);
    expect((unauthorized as Error).message).toBe(
      "Freshservice did not accept the API key: You have to be logged in to perform this action.",
    );
    const missing = await client.tickets.get(404).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(FreshdeskNotFoundError);
    expect((missing as Error).message).toBe("Freshservice found nothing at GET /tickets/404.");
  });

  it("waits out Retry-After after a 429 and then succeeds", async () => {
    const ticket = await client.tickets.get(429);
    expect(ticket.id).toBe(429);
    expect(hits.get("429")).toBe(2);
  });

  it("throws a rate-limit error when Retry-After is longer than it may wait", async () => {
    const error = await client.tickets.get(430).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FreshdeskRateLimitError);
    expect(error).toMatchObject({ retryAfterSeconds: 3000, product: "Freshservice" });
    expect(seen).toHaveLength(1);
  });

  it("reports an answer without the envelope as an invalid response", async () => {
    const error = await client.tickets.get(502).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FreshdeskInvalidResponseError);
    expect((error as Error).message).toMatch(
      /^Freshservice answered GET \/tickets\/502 with an unexpected shape/,
    );
  });

  it("sends updates with bypass_mandatory only when asked, and notes with snake_case keys", async () => {
    const updated = await client.tickets.update(
      5,
      { urgency: 3, impact: 2, group_id: 8 },
      { bypassMandatory: true },
    );
    expect(updated).toMatchObject({ id: 5, urgency: 3, impact: 2, group_id: 8 });
    expect(seen[0]!.url.searchParams.get("bypass_mandatory")).toBe("true");
    await client.tickets.update(5, { status: 3 });
    expect(seen[1]!.url.searchParams.has("bypass_mandatory")).toBe(false);

    const note = await client.conversations.addNote(5, {
      body: "<p>Triaged</p>",
      notifyEmails: ["a@acme.test"],
      userId: 3,
    });
    expect(note).toMatchObject({ id: 900, private: true, ticket_id: 5 });
    expect(JSON.parse(seen[2]!.body)).toEqual({
      body: "<p>Triaged</p>",
      notify_emails: ["a@acme.test"],
      user_id: 3,
    });
  });

  it("names Freshservice when it does not answer in time", async () => {
    const impatient = createFreshserviceClient({
      baseUrl: server.baseUrl,
      apiKey: "fs-key",
      timeoutMs: 100,
      maxRetries: 0,
    });
    const error = await impatient.tickets.get(504).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FreshdeskTimeoutError);
    expect((error as Error).message).toBe("Freshservice did not answer GET /tickets/504 within 100 ms.");
  });
});
