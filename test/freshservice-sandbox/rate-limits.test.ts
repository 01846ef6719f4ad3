// Reference §10: per-minute, account-wide limits by plan with the list and view/write
// sub-limits inside them; X-RateLimit-* headers; 429 + Retry-After.
import { afterEach, describe, expect, it } from "vitest";
import { createFreshserviceSandbox } from "../../src/freshservice-sandbox/app.ts";
import {
  type FreshserviceSandboxServer,
  startFreshserviceSandboxServer,
} from "../support/freshservice-sandbox-server.ts";
import { filterPath, wireClient } from "./wire-client.ts";

let clock = Date.parse("2026-03-10T12:00:00Z");
let server: FreshserviceSandboxServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function starter(plan = "starter") {
  server = await startFreshserviceSandboxServer({ plan, now: () => clock });
  return wireClient(server);
}

async function repeat(times: number, run: () => Promise<{ status: number }>): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < times; i++) statuses.push((await run()).status);
  return statuses;
}

describe("§10 rate limits", () => {
  it("reports the overall budget on every response", async () => {
    const call = await starter();
    const first = await call("GET", "/ticket_form_fields");
    expect(first.headers.get("x-ratelimit-total")).toBe("100");
    expect(first.headers.get("x-ratelimit-remaining")).toBe("99");
    expect(first.headers.get("x-ratelimit-used-currentrequest")).toBe("1");
    const second = await call("GET", "/tickets/999999");
    expect(second.status).toBe(404);
    expect(second.headers.get("x-ratelimit-remaining")).toBe("98");
  });

  it("stops list calls at the plan's list sub-limit while other calls go on", async () => {
    const call = await starter();
    const statuses = await repeat(41, () => call("GET", "/tickets"));
    expect(statuses.slice(0, 40).every((status) => status === 200)).toBe(true);
    const refused = await call("GET", "/tickets");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.json).toEqual({ message: expect.any(String) });
    // The budget headers come on the 429 too (§10); the refused call used nothing.
    expect(refused.headers.get("x-ratelimit-total")).toBe("100");
    expect(refused.headers.get("x-ratelimit-remaining")).toBe("60");
    expect(refused.headers.get("x-ratelimit-used-currentrequest")).toBe("0");
    // [inferred] the filter endpoint is a ticket list for the sub-limit.
    expect((await call("GET", filterPath("status:2"))).status).toBe(429);
    expect((await call("GET", "/ticket_form_fields")).status).toBe(200);
    const ticketId = (await call("GET", "/tickets/2501")).status;
    expect(ticketId).toBe(200);
  });

  it("stops view/create/update ticket calls at the view_write sub-limit", async () => {
    const call = await starter();
    const statuses = await repeat(51, () => call("GET", "/tickets/2501"));
    expect(statuses.filter((status) => status === 200)).toHaveLength(50);
    expect(statuses.at(-1)).toBe(429);
    expect((await call("PUT", "/tickets/2501", { body: { priority: 2 } })).status).toBe(429);
    expect((await call("GET", "/requesters")).status).toBe(200);
  });

  it("refuses everything once the overall limit is spent, and opens again after the minute", async () => {
    const call = await starter();
    // Invalid calls count too (§10): a wrong key spends credits.
    const wrongKey = wireClient(server as FreshserviceSandboxServer, "wrong");
    await repeat(30, () => wrongKey("GET", "/ticket_form_fields"));
    await repeat(70, () => call("GET", "/ticket_form_fields"));
    const refused = await call("GET", "/groups");
    expect(refused.status).toBe(429);
    clock += 60_000;
    const again = await call("GET", "/groups");
    expect(again.status).toBe(200);
    expect(again.headers.get("x-ratelimit-remaining")).toBe("99");
  });

  it("charges include= credits against the budget", async () => {
    const call = await starter();
    const view = await call("GET", "/tickets/2501?include=tags,requester");
    expect(view.headers.get("x-ratelimit-used-currentrequest")).toBe("3");
    expect(view.headers.get("x-ratelimit-remaining")).toBe("97");
  });

  it("knows every documented plan and refuses others with the list", async () => {
    for (const [plan, total] of [
      ["growth", "200"],
      ["pro", "400"],
      ["enterprise", "500"],
    ]) {
      const call = await starter(plan);
      expect((await call("GET", "/groups")).headers.get("x-ratelimit-total")).toBe(total);
      await server?.close();
      server = undefined;
    }
    expect(() => createFreshserviceSandbox({ apiKey: "k", plan: "platinum" })).toThrow(
      /starter, growth, pro, enterprise/,
    );
  });
});
