import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { pino } from "pino";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfigError } from "../../src/errors.ts";
import {
  type AutomationConfig,
  type AutomationEmitter,
  createAutomationEmitter,
  resolveAutomationConfig,
  type WebhookTicketView,
} from "../../src/sandbox/automations.ts";

type Received = { path: string; headers: Record<string, string>; body: string };
type Reply = number | "hang";

/** A real HTTP receiver on loopback that answers each request with the next planned reply. */
async function startReceiver() {
  const received: Received[] = [];
  const plan: Reply[] = [];
  let releaseHung: () => void = () => {};
  const hung = new Promise<void>((resolve) => {
    releaseHung = resolve;
  });
  const app = new Hono();
  app.post("*", async (c) => {
    received.push({
      path: c.req.path,
      headers: Object.fromEntries(c.req.raw.headers),
      body: await c.req.text(),
    });
    const reply = plan.shift() ?? 200;
    if (reply === "hang") await hung;
    const status = reply === "hang" ? 200 : reply;
    return new Response(status === 204 ? null : "ignored", { status, headers: { Location: "/elsewhere" } });
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/freshdesk`,
    received,
    plan,
    async close() {
      releaseHung();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

type Receiver = Awaited<ReturnType<typeof startReceiver>>;

const view: WebhookTicketView = {
  id: 42,
  subject: 'Refund for "double" charge & more',
  description: "<div>I was charged <b>twice</b>.</div>",
  descriptionText: "I was charged twice.",
  status: "Open",
  priority: "High",
  source: "Email",
  type: "Question",
  tags: ["billing", "refund"],
  groupName: "Billing",
  agentName: null,
  agentEmail: null,
  requesterName: "Zoë Ward",
  requesterEmail: "zoe@example.com",
  requesterPhone: null,
  companyName: "Lex Corp",
  url: "http://127.0.0.1:3000/sandbox/a/tickets/42",
  portalUrl: "http://127.0.0.1:3000/sandbox/support/tickets/42",
  latestPublicComment: null,
  dueBy: "2024-03-12T17:00:00Z",
  customFields: { cf_product_area: "Billing", cf_order_number: null },
};

const EXPECTED_CREATED_PAYLOAD = {
  ticket_id: "42",
  ticket_subject: 'Refund for "double" charge & more',
  ticket_description: "<div>I was charged <b>twice</b>.</div>",
  ticket_url: "http://127.0.0.1:3000/sandbox/a/tickets/42",
  ticket_portal_url: "http://127.0.0.1:3000/sandbox/support/tickets/42",
  ticket_tags: "billing,refund",
  ticket_latest_public_comment: "",
  ticket_group_name: "Billing",
  ticket_agent_name: "",
  ticket_agent_email: "",
  ticket_status: "Open",
  ticket_priority: "High",
  ticket_source: "Email",
  ticket_type: "Question",
  ticket_requester_name: "Zoë Ward",
  ticket_requester_email: "zoe@example.com",
  ticket_requester_phone: "",
  ticket_company_name: "Lex Corp",
  ticket_due_by_time: "2024-03-12T17:00:00Z",
  ticket_cf_product_area: "Billing",
  ticket_cf_order_number: "",
  triggered_event: '{"ticket_action":"created"}',
};

/** Fast schedule: three retries a few milliseconds apart. */
const FAST: Partial<AutomationConfig> = { retryDelaysMs: [5, 5, 5], timeoutMs: 2000 };

let receiver: Receiver | undefined;
let emitter: AutomationEmitter | undefined;

async function setup(config: Partial<AutomationConfig> = {}, logger?: pino.Logger) {
  receiver = await startReceiver();
  emitter = createAutomationEmitter(
    { targetUrl: receiver.url, ...FAST, ...config },
    logger ? { logger } : {},
  );
  return { receiver, emitter };
}

afterEach(async () => {
  emitter?.close();
  await receiver?.close();
  emitter = undefined;
  receiver = undefined;
});

const basicCredentials = (header: string | undefined) =>
  Buffer.from((header ?? "").replace(/^Basic /, ""), "base64").toString("utf8");

describe("webhook payload and headers", () => {
  it("posts Freshdesk simple content as JSON with the fixed headers", async () => {
    const { receiver, emitter } = await setup();
    emitter.ticketChanged(view, { kind: "created" });
    await emitter.idle();

    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    expect(request?.path).toBe("/hooks/freshdesk");
    expect(JSON.parse(request!.body)).toEqual({ freshdesk_webhook: EXPECTED_CREATED_PAYLOAD });
    expect(request?.headers).toMatchObject({
      "content-type": "application/json",
      accept: "application/json",
      "user-agent": "Freshdesk",
    });
    expect(request?.headers.authorization).toBeUndefined();
    expect(emitter.deliveries()).toEqual([
      {
        ticketId: 42,
        event: "created",
        attempt: 1,
        status: 200,
        at: expect.any(Number),
        outcome: "delivered",
      },
    ]);
  });

  it("renders the changed fields as the triggered event of an update", async () => {
    const { receiver, emitter } = await setup();
    emitter.ticketChanged(view, {
      kind: "updated",
      changes: { priority: { from: 1, to: 4 }, group_id: { from: null, to: 7 } },
    });
    await emitter.idle();
    const payload = JSON.parse(receiver.received[0]!.body).freshdesk_webhook;
    expect(payload.triggered_event).toBe('{"priority":{"from":1,"to":4},"group_id":{"from":null,"to":7}}');
    expect(JSON.parse(payload.triggered_event)).toEqual({
      priority: { from: 1, to: 4 },
      group_id: { from: null, to: 7 },
    });
    expect(emitter.deliveries()[0]).toMatchObject({ event: "updated", status: 200 });
  });

  it("encodes the same keys as a form when asked", async () => {
    const { receiver, emitter } = await setup({ encoding: "form" });
    emitter.ticketChanged(view, { kind: "created" });
    await emitter.idle();
    const [request] = receiver.received;
    expect(request?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(request?.body).toMatch(/^freshdesk_webhook%5Bticket_id%5D=42&/);
    const form = new URLSearchParams(request!.body);
    const decoded = Object.fromEntries(
      [...form].map(([key, value]) => [key.replace(/^freshdesk_webhook\[(.+)\]$/, "$1"), value]),
    );
    expect(decoded).toEqual(EXPECTED_CREATED_PAYLOAD);
  });

  it("sends Basic credentials for basic authentication", async () => {
    const { receiver, emitter } = await setup({
      auth: { type: "basic", username: "fd-rule", password: "s3:cret" },
    });
    emitter.ticketChanged(view, { kind: "created" });
    await emitter.idle();
    expect(basicCredentials(receiver.received[0]?.headers.authorization)).toBe("fd-rule:s3:cret");
  });

  it("sends an API key as the Basic username with X as the password", async () => {
    const { receiver, emitter } = await setup({ auth: { type: "api_key", key: "abcdef123" } });
    emitter.ticketChanged(view, { kind: "created" });
    await emitter.idle();
    expect(basicCredentials(receiver.received[0]?.headers.authorization)).toBe("abcdef123:X");
  });

  it("adds a custom header, which may override a default one", async () => {
    const { receiver, emitter } = await setup({
      auth: { type: "header", name: "X-Webhook-Token", value: "tok-1" },
    });
    emitter.ticketChanged(view, { kind: "created" });
    await emitter.idle();
    expect(receiver.received[0]?.headers["x-webhook-token"]).toBe("tok-1");
    expect(receiver.received[0]?.headers.authorization).toBeUndefined();

    emitter.setTarget({
      targetUrl: receiver.url,
      auth: { type: "header", name: "user-agent", value: "Custom" },
    });
    emitter.ticketChanged(view, { kind: "created" });
    await emitter.idle();
    expect(receiver.received[1]?.headers["user-agent"]).toBe("Custom");
  });
});

describe("delivery outcomes and retries", () => {
  it("retries a 5xx with the original body until a success, then stops", async () => {
    const { receiver, emitter } = await setup();
    receiver.plan.push(500, 503);
    emitter.ticketChanged(view, { kind: "created" });
    await emitter.idle();

    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((request) => request.body)).size).toBe(1);
    expect(
      emitter.deliveries().map(({ attempt, status, outcome }) => ({ attempt, status, outcome })),
    ).toEqual([
      { attempt: 1, status: 500, outcome: "retrying" },
      { attempt: 2, status: 503, outcome: "retrying" },
      { attempt: 3, status: 200, outcome: "delivered" },
    ]);
  });

  it("gives up after the configured retries and notes the failure once per hour", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const { receiver, emitter } = await setup({}, pino({ level: "warn" }, sink));
    receiver.plan.push(500, 500, 500, 404, 500, 500, 500, 500);
    emitter.ticketChanged(view, { kind: "created" });
    emitter.ticketChanged({ ...view, id: 43 }, { kind: "created" });
    await emitter.idle();

    expect(receiver.received).toHaveLength(8);
    const outcomes = emitter.deliveries().filter((entry) => entry.outcome !== "retrying");
    expect(outcomes.map(({ attempt, outcome }) => ({ attempt, outcome }))).toEqual([
      { attempt: 4, outcome: "failed" },
      { attempt: 4, outcome: "failed" },
    ]);
    const notices = lines.map((line) => JSON.parse(line)).filter((entry) => entry.msg.includes("failed"));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ level: 40, attempts: 4 });
    expect(lines.join("")).not.toContain(receiver.url);
  });

  it("treats a hang past the timeout as a failure and retries it", async () => {
    const { receiver, emitter } = await setup({ timeoutMs: 150 });
    receiver.plan.push("hang");
    emitter.ticketChanged(view, { kind: "created" });
    await emitter.idle();

    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1]?.body).toBe(receiver.received[0]?.body);
    expect(emitter.deliveries().map(({ status, outcome }) => ({ status, outcome }))).toEqual([
      { status: "timeout", outcome: "retrying" },
      { status: 200, outcome: "delivered" },
    ]);
  });

  it("treats a redirect as final and never follows it", async () => {
    const { receiver, emitter } = await setup();
    receiver.plan.push(302);
    emitter.ticketChanged(view, { kind: "created" });
    await emitter.idle();
    expect(receiver.received.map((request) => request.path)).toEqual(["/hooks/freshdesk"]);
    expect(emitter.deliveries()).toMatchObject([{ status: 302, outcome: "delivered" }]);
  });

  it("records a connection failure as an error and retries it", async () => {
    const closed = await startReceiver();
    const url = closed.url;
    await closed.close();
    emitter = createAutomationEmitter({ targetUrl: url, retryDelaysMs: [1] });
    emitter.ticketChanged(view, { kind: "created" });
    await emitter.idle();
    expect(emitter.deliveries().map(({ status, outcome }) => ({ status, outcome }))).toEqual([
      { status: "error", outcome: "retrying" },
      { status: "error", outcome: "failed" },
    ]);
  });

  it("scales Freshdesk's 5, 30 and 60 minute schedule by the time scale", () => {
    const defaults = resolveAutomationConfig({ targetUrl: "http://127.0.0.1:1/" });
    expect(defaults.retryDelaysMs).toEqual([300_000, 1_800_000, 3_600_000]);
    expect(defaults).toMatchObject({ timeoutMs: 15_000, encoding: "json" });
    expect([...defaults.events]).toEqual(["created", "updated"]);
    expect(
      resolveAutomationConfig({ targetUrl: "http://127.0.0.1:1/", timeScale: 0.001 }).retryDelaysMs,
    ).toEqual([300, 1800, 3600]);
  });

  it("stamps each record with the injected clock", async () => {
    receiver = await startReceiver();
    let tick = 1000;
    emitter = createAutomationEmitter({ targetUrl: receiver.url }, { now: () => (tick += 1) });
    emitter.ticketChanged(view, { kind: "created" });
    await emitter.idle();
    expect(emitter.deliveries()[0]?.at).toBe(1001);
  });
});

describe("emitter lifecycle", () => {
  it("does nothing until a target is set, and stops when it is removed", async () => {
    receiver = await startReceiver();
    emitter = createAutomationEmitter();
    emitter.ticketChanged(view, { kind: "created" });
    await emitter.idle();
    expect(emitter.deliveries()).toEqual([]);

    emitter.setTarget({ targetUrl: receiver.url });
    emitter.ticketChanged(view, { kind: "created" });
    await emitter.idle();
    expect(receiver.received).toHaveLength(1);

    emitter.setTarget(undefined);
    emitter.ticketChanged(view, { kind: "created" });
    await emitter.idle();
    expect(receiver.received).toHaveLength(1);
  });

  it("fires only for the enabled events", async () => {
    const { receiver, emitter } = await setup({ events: ["updated"] });
    emitter.ticketChanged(view, { kind: "created" });
    emitter.ticketChanged(view, { kind: "updated", changes: { status: { from: 2, to: 4 } } });
    await emitter.idle();
    expect(receiver.received).toHaveLength(1);
    expect(emitter.deliveries()).toMatchObject([{ event: "updated" }]);
  });

  it("keeps the retry of an earlier event on the target it fired for", async () => {
    const { receiver, emitter } = await setup();
    const other = await startReceiver();
    try {
      receiver.plan.push(500);
      emitter.ticketChanged(view, { kind: "created" });
      emitter.setTarget({ targetUrl: other.url });
      emitter.ticketChanged({ ...view, id: 7 }, { kind: "created" });
      await emitter.idle();
      expect(receiver.received).toHaveLength(2);
      expect(other.received.map((request) => JSON.parse(request.body).freshdesk_webhook.ticket_id)).toEqual([
        "7",
      ]);
    } finally {
      await other.close();
    }
  });

  it("close() cancels scheduled retries", async () => {
    const { receiver, emitter } = await setup({ retryDelaysMs: [60_000] });
    receiver.plan.push(500);
    emitter.ticketChanged(view, { kind: "created" });
    await vi.waitFor(() => expect(emitter.deliveries()).toHaveLength(1));
    const idle = emitter.idle();
    emitter.close();
    await idle;
    emitter.ticketChanged(view, { kind: "created" });
    await emitter.idle();
    expect(receiver.received).toHaveLength(1);
    expect(emitter.deliveries()).toMatchObject([{ status: 500, outcome: "retrying" }]);
  });

  it("close() aborts a request in flight without recording it", async () => {
    const { receiver, emitter } = await setup({ timeoutMs: 60_000 });
    receiver.plan.push("hang");
    emitter.ticketChanged(view, { kind: "created" });
    await vi.waitFor(() => expect(receiver.received).toHaveLength(1));
    emitter.close();
    await emitter.idle();
    expect(emitter.deliveries()).toEqual([]);
  });

  it("never throws from ticketChanged, even for a view it cannot render", async () => {
    const { receiver, emitter } = await setup();
    const broken = { ...view, tags: undefined } as unknown as WebhookTicketView;
    expect(() => emitter.ticketChanged(broken, { kind: "created" })).not.toThrow();
    await emitter.idle();
    expect(receiver.received).toEqual([]);
  });

  it("rejects a bad configuration with every problem named, keeping the previous target", async () => {
    const { receiver, emitter } = await setup();
    const bad = {
      targetUrl: "ftp://127.0.0.1/x",
      events: [],
      timeoutMs: -1,
      timeScale: 0,
    } as AutomationConfig;
    let error: unknown;
    try {
      emitter.setTarget(bad);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      "automation targetUrl: must be an http(s) URL",
      "automation events: must name at least one event",
      "automation timeoutMs: Too small: expected number to be >0",
      "automation timeScale: Too small: expected number to be >0",
    ]);
    emitter.ticketChanged(view, { kind: "created" });
    await emitter.idle();
    expect(receiver.received).toHaveLength(1);
  });
});
