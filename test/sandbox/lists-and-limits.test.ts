import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { afterEach, describe, expect, it } from "vitest";
import { createSandbox } from "../../src/sandbox/app.ts";
import { type SandboxServer, startSandboxServer } from "../support/sandbox-server.ts";
import { sandboxClient } from "./sandbox-client.ts";

const DAY = 24 * 3600_000;
const servers: SandboxServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function start(options: Parameters<typeof startSandboxServer>[0] = {}) {
  const server = await startSandboxServer(options);
  servers.push(server);
  return { server, call: sandboxClient(server) };
}

function manualClock(start: string) {
  let now = Date.parse(start);
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe("sandbox pagination", () => {
  it("pages with an absolute Link that keeps every parameter, and none after the last page", async () => {
    const { server, call } = await start();
    const everything = await call("GET", "/api/v2/tickets?updated_since=2000-01-01T00:00:00Z&per_page=100");
    const allIds = (everything.json as { id: number }[]).map((t) => t.id);
    expect(allIds.length).toBeGreaterThan(10);

    const seen: number[] = [];
    let path: string | undefined =
      "/api/v2/tickets?updated_since=2000-01-01T00:00:00Z&per_page=4&order_type=asc";
    let page = 1;
    while (path) {
      const response = await call("GET", path);
      expect(response.status).toBe(200);
      seen.push(...(response.json as { id: number }[]).map((t) => t.id));
      const link = response.headers.get("link");
      if (!link) break;
      const match = /^<(.+)>; rel="next"$/.exec(link);
      expect(match).not.toBeNull();
      const next = new URL(match?.[1] ?? "");
      expect(next.origin).toBe(server.baseUrl);
      expect(next.searchParams.get("updated_since")).toBe("2000-01-01T00:00:00Z");
      expect(next.searchParams.get("per_page")).toBe("4");
      expect(next.searchParams.get("order_type")).toBe("asc");
      expect(next.searchParams.get("page")).toBe(String(++page));
      path = `${next.pathname}${next.search}`;
    }
    expect(page).toBe(Math.ceil(allIds.length / 4));
    expect([...seen].sort((a, b) => a - b)).toEqual([...allIds].sort((a, b) => a - b));
    expect(seen).toEqual([...seen].sort((a, b) => a - b));

    const exact = await call(
      "GET",
      `/api/v2/tickets?updated_since=2000-01-01T00:00:00Z&per_page=${allIds.length}`,
    );
    expect((exact.json as unknown[]).length).toBe(allIds.length);
    expect(exact.headers.get("link")).toBeNull();
  });

  it("lists only tickets created in the last month unless narrowed", async () => {
    const clock = manualClock("2026-03-15T12:00:00Z");
    const { call } = await start({ seed: false, now: clock.now });
    const old = await call("POST", "/api/v2/tickets", { body: { email: "old@example.com", subject: "Old" } });
    clock.advance(40 * DAY);
    const fresh = await call("POST", "/api/v2/tickets", {
      body: { email: "new@example.com", subject: "New" },
    });
    const ids = (response: { json: unknown }) => (response.json as { id: number }[]).map((t) => t.id);
    const oldId = (old.json as { id: number }).id;
    const freshId = (fresh.json as { id: number }).id;

    expect(ids(await call("GET", "/api/v2/tickets"))).toEqual([freshId]);
    expect(ids(await call("GET", "/api/v2/tickets?updated_since=2026-03-01T00:00:00Z"))).toEqual([
      freshId,
      oldId,
    ]);
    expect(ids(await call("GET", "/api/v2/tickets?email=old@example.com"))).toEqual([oldId]);
  });

  it("keeps descriptions out of list items unless included", async () => {
    const { call } = await start();
    const plain = (await call("GET", "/api/v2/tickets?per_page=1")).json as Record<string, unknown>[];
    expect(plain[0]).not.toHaveProperty("description");
    expect(plain[0]).not.toHaveProperty("attachments");
    expect(plain[0]).toHaveProperty("associated_tickets_count");
    const withText = (await call("GET", "/api/v2/tickets?per_page=1&include=description")).json as Record<
      string,
      unknown
    >[];
    expect(typeof withText[0]?.description_text).toBe("string");
  });
});

describe("sandbox rate limits", () => {
  it("charges include credits on view and list", async () => {
    const { call } = await start();
    const view = await call("GET", "/api/v2/tickets/1?include=requester,stats");
    expect(view.headers.get("x-ratelimit-used-currentrequest")).toBe("3");
    const list = await call("GET", "/api/v2/tickets?include=requester,stats,company");
    expect(list.headers.get("x-ratelimit-used-currentrequest")).toBe("7");
    const plain = await call("GET", "/api/v2/agents");
    expect(plain.headers.get("x-ratelimit-used-currentrequest")).toBe("1");
  });

  it("answers 429 with Retry-After and no rate headers once the window is spent", async () => {
    const clock = manualClock("2026-03-15T12:00:00Z");
    const { call } = await start({ plan: "3/60000", now: clock.now });
    const remaining: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await call("GET", "/api/v2/groups");
      expect(response.status).toBe(200);
      expect(response.headers.get("x-ratelimit-total")).toBe("3");
      remaining.push(response.headers.get("x-ratelimit-remaining"));
    }
    expect(remaining).toEqual(["2", "1", "0"]);

    clock.advance(15_000);
    const limited = await call("GET", "/api/v2/groups");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("45");
    expect(limited.json).toEqual({ message: "You have exceeded the limit of requests per minute" });
    for (const header of ["x-ratelimit-total", "x-ratelimit-remaining", "x-ratelimit-used-currentrequest"]) {
      expect(limited.headers.get(header)).toBeNull();
    }
    // Invalid requests count too, so they are refused as well.
    expect((await call("GET", "/api/v2/tickets?bogus=1")).status).toBe(429);

    clock.advance(45_000);
    expect((await call("GET", "/api/v2/groups")).status).toBe(200);
  });

  it("enforces a plan's ticket-list sub-limit without blocking other calls", async () => {
    const { call } = await start({ plan: "growth", seed: false });
    for (let i = 0; i < 20; i++) expect((await call("GET", "/api/v2/tickets")).status).toBe(200);
    const limited = await call("GET", "/api/v2/tickets");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    const other = await call("GET", "/api/v2/groups");
    expect(other.status).toBe(200);
    expect(other.headers.get("x-ratelimit-remaining")).toBe(String(200 - 21));
  });

  it("counts requests per endpoint, over HTTP too, and resets", async () => {
    const { server, call } = await start({ plan: "2/60000" });
    await call("GET", "/api/v2/tickets/1?include=stats");
    await call("GET", "/api/v2/tickets/2");
    await call("GET", "/api/v2/tickets/3");
    const stats = (await call("GET", "/_sandbox/stats")).json as ReturnType<typeof server.sandbox.stats>;
    expect(stats).toEqual(server.sandbox.stats());
    expect(stats.totalRequests).toBe(3);
    expect(stats.totalCredits).toBe(2);
    // The first call's include spent the whole two-credit window.
    expect(stats.rateLimited).toBe(2);
    expect(stats.endpoints["GET /tickets/:id"]).toEqual({ requests: 3, credits: 2, rateLimited: 2 });
    expect(stats.byStatus).toEqual({ "200": 1, "429": 2 });

    expect((await call("POST", "/_sandbox/stats/reset")).status).toBe(204);
    expect(server.sandbox.stats().totalRequests).toBe(0);
  });
});

describe("sandbox mounted under a prefix", () => {
  it("serves /prefix/api/v2 and points Link and Location back through the prefix", async () => {
    const sandbox = createSandbox({ apiKey: "mounted" });
    const host = new Hono();
    host.route("/sandbox", sandbox.app);
    host.get("/other", (c) => c.text("host route"));
    const server = serve({ fetch: host.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const headers = { Authorization: `Basic ${btoa("mounted:X")}`, "Content-Type": "application/json" };
    try {
      const list = await fetch(`${base}/sandbox/api/v2/agents?per_page=1`, { headers });
      expect(list.status).toBe(200);
      expect(list.headers.get("link")).toBe(`<${base}/sandbox/api/v2/agents?per_page=1&page=2>; rel="next"`);
      const created = await fetch(`${base}/sandbox/api/v2/tickets`, {
        method: "POST",
        headers,
        body: JSON.stringify({ email: "prefix@example.com", subject: "Through the prefix" }),
      });
      const ticket = (await created.json()) as { id: number };
      expect(created.headers.get("location")).toBe(`${base}/sandbox/api/v2/tickets/${ticket.id}`);
      expect(await (await fetch(`${base}/other`)).text()).toBe("host route");
    } finally {
      await sandbox.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
