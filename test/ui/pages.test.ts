import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, startTestService, type TestService, waitFor } from "../support/service.ts";

const VIEWER_TOKEN = "viewer-token-0123456789";

let svc: TestService;
let subjectTicket: number;

beforeAll(async () => {
  svc = await startTestService({
    MCP_TOKENS: `admin:${ADMIN_TOKEN}:read,write,admin viewer:${VIEWER_TOKEN}:read`,
  });
  const { id } = await svc.createTicket(
    'Refund for <script>alert("x")</script> double charge',
    "I was charged twice for my subscription this month. Please refund the duplicate invoice.",
  );
  subjectTicket = id;
  await waitFor(async () => Boolean((await svc.service.results.report(id))?.latest), 15_000);
  await svc.queueIdle();
});

afterAll(async () => {
  await svc?.stop();
});

async function signIn(token: string): Promise<string> {
  const response = await fetch(`${svc.url}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: svc.url },
    body: new URLSearchParams({ token, next: "/" }),
  });
  expect(response.status).toBe(303);
  const cookie = response.headers.get("set-cookie") ?? "";
  return cookie.split(";")[0] ?? "";
}

function page(path: string, headers: Record<string, string> = {}) {
  return fetch(`${svc.url}${path}`, { redirect: "manual", headers: { Accept: "text/html", ...headers } });
}

describe("activity page", () => {
  it("sends browsers without a session to the login form, and refuses API clients", async () => {
    const browser = await page("/");
    expect(browser.status).toBe(303);
    expect(browser.headers.get("location")).toBe("/login?next=%2F");
    const api = await fetch(`${svc.url}/`, { headers: { Accept: "application/json" } });
    expect(api.status).toBe(401);
    const login = await page("/login?next=%2F");
    expect(login.status).toBe(200);
    expect(await login.text()).toContain("read</strong> scope");
  });

  it("signs in with a token and sets an HttpOnly, SameSite=Strict session cookie without the token", async () => {
    const response = await fetch(`${svc.url}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: svc.url },
      body: new URLSearchParams({ token: ADMIN_TOKEN, next: "/admin/queues" }),
    });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/admin/queues");
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^triage_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).not.toMatch(/Secure/i);
    expect(cookie).not.toContain(ADMIN_TOKEN);
  });

  it("marks the cookie Secure when the browser came over HTTPS through a proxy", async () => {
    const response = await fetch(`${svc.url}/login`, {
      method: "POST",
      redirect: "manual",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: svc.url,
        "X-Forwarded-Proto": "https",
      },
      body: new URLSearchParams({ token: ADMIN_TOKEN }),
    });
    expect(response.headers.get("set-cookie")).toMatch(/; Secure/i);
  });

  it("rejects a wrong token on the form, and a login posted from another site", async () => {
    const wrong = await fetch(`${svc.url}/login`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: svc.url },
      body: new URLSearchParams({ token: "not-a-token-at-all" }),
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("set-cookie")).toBeNull();
    expect(await wrong.text()).toContain("That token is not valid");
    const crossSite = await fetch(`${svc.url}/login`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://evil.example" },
      body: new URLSearchParams({ token: ADMIN_TOKEN }),
    });
    expect(crossSite.status).toBe(403);
    expect(crossSite.headers.get("set-cookie")).toBeNull();
  });

  it("shows the triaged ticket with its decision, escaping the subject", async () => {
    const response = await page("/", { Cookie: await signIn(ADMIN_TOKEN) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    const body = await response.text();
    const run = (await svc.service.results.report(subjectTicket))?.latest;
    expect(run?.category).toBeTruthy();
    expect(body).toContain("Refund for &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; double charge");
    expect(body).not.toContain("<script>");
    expect(body).toContain(`data-ticket-id="${subjectTicket}"`);
    expect(body).toContain(`href="/sandbox/a/tickets/${subjectTicket}"`);
    expect(body).toContain(`>${run?.category}<`);
    expect(body).toContain(`/activity/tickets/${subjectTicket}/reprocess`);
    expect(body).toContain('href="/admin/queues"');
  });

  it("accepts a bearer header instead of a session", async () => {
    const response = await page("/", { Authorization: `Bearer ${VIEWER_TOKEN}` });
    expect(response.status).toBe(200);
    const wrong = await page("/", { Authorization: "Bearer wrong-token-123" });
    expect(wrong.status).toBe(401);
  });

  it("shows read-only viewers the page without the reprocess button", async () => {
    const response = await page("/", { Cookie: await signIn(VIEWER_TOKEN) });
    const body = await response.text();
    expect(body).toContain(`data-ticket-id="${subjectTicket}"`);
    expect(body).not.toContain("/reprocess");
    expect(body).not.toContain('href="/admin/queues"');
  });
});

describe("reprocess button", () => {
  const reprocess = (cookie: string, headers: Record<string, string> = {}) =>
    fetch(`${svc.url}/activity/tickets/${subjectTicket}/reprocess`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: cookie, ...headers },
    });

  it("queues a forced re-triage for an admin session posting from this site", async () => {
    const before = (await svc.service.results.report(subjectTicket))?.latest?.jobId;
    const response = await reprocess(await signIn(ADMIN_TOKEN), { Origin: svc.url });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/?queued=${subjectTicket}`);
    // A forced run triages again even though the content is unchanged.
    await waitFor(
      async () => (await svc.service.results.report(subjectTicket))?.latest?.jobId !== before,
      15_000,
    );
  });

  it("refuses a session request without an Origin or from another site", async () => {
    const cookie = await signIn(ADMIN_TOKEN);
    expect((await reprocess(cookie)).status).toBe(403);
    expect((await reprocess(cookie, { Origin: "https://evil.example" })).status).toBe(403);
  });

  it("refuses read-only sessions and anonymous callers", async () => {
    expect((await reprocess(await signIn(VIEWER_TOKEN), { Origin: svc.url })).status).toBe(403);
    expect((await reprocess("", { Origin: svc.url })).status).toBe(401);
  });
});

describe("queue dashboard", () => {
  it("refuses requests without a token", async () => {
    expect((await fetch(`${svc.url}/admin/queues`)).status).toBe(401);
    expect((await fetch(`${svc.url}/admin/queues/api/queues`)).status).toBe(401);
    const browser = await page("/admin/queues");
    expect(browser.status).toBe(303);
    expect(browser.headers.get("location")).toBe("/login?next=%2Fadmin%2Fqueues");
  });

  it("refuses tokens without the admin scope", async () => {
    const response = await fetch(`${svc.url}/admin/queues/api/queues`, {
      headers: { Authorization: `Bearer ${VIEWER_TOKEN}` },
    });
    expect(response.status).toBe(403);
    const browser = await page("/admin/queues", { Cookie: await signIn(VIEWER_TOKEN) });
    expect(browser.headers.get("location")).toBe("/login?next=%2Fadmin%2Fqueues&scope=admin");
  });

  it("shows the queues to an admin token or session", async () => {
    const html = await page("/admin/queues", { Authorization: `Bearer ${ADMIN_TOKEN}` });
    expect(html.status).toBe(200);
    expect(html.headers.get("content-security-policy")).toContain("font-src 'self'");
    expect(await html.text()).toContain('<base href="/admin/queues/" />');
    const api = await fetch(`${svc.url}/admin/queues/api/queues`, {
      headers: { Cookie: await signIn(ADMIN_TOKEN) },
    });
    expect(api.status).toBe(200);
    const { queues } = (await api.json()) as {
      queues: Array<{ name: string; counts: Record<string, number> }>;
    };
    expect(queues.map((q) => q.name)).toEqual(["triage"]);
    expect(queues[0]?.counts.completed).toBeGreaterThan(0);
  });

  it("serves the dashboard's own scripts to an admin session", async () => {
    const html = await (await page("/admin/queues", { Authorization: `Bearer ${ADMIN_TOKEN}` })).text();
    const script = /src="(static\/js\/main\.[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const response = await fetch(`${svc.url}/admin/queues/${script}`, {
      headers: { Cookie: await signIn(ADMIN_TOKEN) },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/javascript/);
  });

  it("lets an admin session pause the queue only from this site", async () => {
    const cookie = await signIn(ADMIN_TOKEN);
    const put = (path: string, headers: Record<string, string> = {}) =>
      fetch(`${svc.url}/admin/queues/api/queues/triage/${path}`, {
        method: "PUT",
        headers: { Cookie: cookie, ...headers },
      });
    expect((await put("pause", { Origin: "https://evil.example" })).status).toBe(403);
    expect(await svc.queue.isPaused()).toBe(false);
    expect((await put("pause", { Origin: svc.url })).status).toBeLessThan(300);
    expect(await svc.queue.isPaused()).toBe(true);
    expect((await put("resume", { Origin: svc.url })).status).toBeLessThan(300);
    expect(await svc.queue.isPaused()).toBe(false);
  });

  it("leaves the bearer-only admin API as it was", async () => {
    const response = await fetch(`${svc.url}/admin/audit`, {
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(response.status).toBe(200);
    expect((await fetch(`${svc.url}/admin/audit`)).status).toBe(401);
  });
});
