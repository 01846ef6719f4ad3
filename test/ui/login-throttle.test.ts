import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, startTestService, type TestService } from "../support/service.ts";

type Headers = Record<string, string>;

function signIn(svc: TestService, token: string, headers: Headers = {}): Promise<Response> {
  return fetch(`${svc.url}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: svc.url, ...headers },
    body: new URLSearchParams({ token, next: "/" }),
  });
}

function callMcp(svc: TestService, token: string, headers: Headers = {}): Promise<Response> {
  return fetch(`${svc.url}/mcp`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${token}`,
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      ...headers,
    },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list", params: {} }),
  });
}

function getWith(svc: TestService, path: string, token: string): Promise<Response> {
  return fetch(`${svc.url}${path}`, {
    headers: { authorization: `Bearer ${token}`, accept: "application/json" },
  });
}

/** The budget is a fixed one-minute window: start well inside one. */
async function wellInsideAMinute(): Promise<void> {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 50_000) await new Promise((resolve) => setTimeout(resolve, 60_500 - intoMinute));
}

describe("sign-in throttling", { timeout: 30_000 }, () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({ SANDBOX_AUTOMATIONS: "off" }, { web: true, worker: false });
  });
  afterAll(async () => svc.stop());

  it("lets right tokens in freely but stops guessing after ten failures a minute, right guess included", async () => {
    await wellInsideAMinute();
    for (let i = 0; i < 3; i++) expect((await signIn(svc, ADMIN_TOKEN)).status).toBe(303);
    // Wrong bearer tokens on /mcp and the other bearer routes spend the same budget as failed sign-ins.
    for (let i = 0; i < 3; i++) expect((await callMcp(svc, `guess-${i}-0123456789`)).status).toBe(401);
    for (const path of ["/admin/audit", "/tickets/1/triage", "/"]) {
      expect((await getWith(svc, path, "guess-0123456789")).status, path).toBe(401);
    }
    for (let i = 6; i < 10; i++) expect((await signIn(svc, `guess-${i}-0123456789`)).status).toBe(401);
    const refused = await signIn(svc, "guess-10-0123456789");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.text()).toContain("Too many failed sign-ins");
    const rightButLate = await signIn(svc, ADMIN_TOKEN);
    expect(rightButLate.status).toBe(429);
    expect(rightButLate.headers.get("set-cookie")).toBeNull();
    expect((await callMcp(svc, ADMIN_TOKEN)).status).toBe(429);
    for (const path of ["/admin/audit", "/tickets/1/triage", "/"]) {
      expect((await getWith(svc, path, ADMIN_TOKEN)).status, path).toBe(429);
    }
    // Without TRUST_PROXY a client cannot escape the limit by claiming another address.
    expect((await signIn(svc, "guess-11-0123456789", { "X-Forwarded-For": "203.0.113.5" })).status).toBe(429);
  });
});

describe("sign-in throttling behind a trusted proxy (TRUST_PROXY=1)", { timeout: 30_000 }, () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService(
      { SANDBOX_AUTOMATIONS: "off", TRUST_PROXY: "1" },
      { web: true, worker: false },
    );
  });
  afterAll(async () => svc.stop());

  it("counts failures per address the proxy reports, on /login and /mcp alike", async () => {
    await wellInsideAMinute();
    const from = (address: string) => ({ "X-Forwarded-For": address });
    for (let i = 0; i < 10; i++) {
      expect((await signIn(svc, `guess-${i}-0123456789`, from("198.51.100.1"))).status).toBe(401);
    }
    expect((await signIn(svc, ADMIN_TOKEN, from("198.51.100.1"))).status).toBe(429);
    expect((await callMcp(svc, ADMIN_TOKEN, from("198.51.100.1"))).status).toBe(429);
    // Another client behind the same proxy signs in as usual.
    expect((await signIn(svc, "guess-0123456789", from("198.51.100.2"))).status).toBe(401);
    expect((await signIn(svc, ADMIN_TOKEN, from("198.51.100.2"))).status).toBe(303);
    expect((await callMcp(svc, ADMIN_TOKEN, from("198.51.100.2"))).status).toBe(200);
  });
});
