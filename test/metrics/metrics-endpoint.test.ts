import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenAIFake, startOpenAIFake } from "../support/openai-fake.ts";
import {
  ADMIN_TOKEN,
  startTestService,
  type TestService,
  WEBHOOK_SECRET,
  waitFor,
} from "../support/service.ts";
import { parseExposition, type Sample, sum } from "./exposition.ts";

describe("/metrics after tickets were triaged", () => {
  let fake: OpenAIFake;
  let t: TestService;
  let samples: Sample[];
  let contentType: string | null;

  async function noteOn(id: number) {
    await waitFor(async () => (await t.privateNotes(id)).length > 0, 8000);
  }

  async function postWebhook(headers: Record<string, string>, body: string) {
    const response = await fetch(`${t.url}/webhooks/freshdesk`, { method: "POST", headers, body });
    return response.status;
  }

  beforeAll(async () => {
    fake = await startOpenAIFake({ mode: "ok" });
    t = await startTestService({
      SANDBOX_AUTOMATIONS: "off",
      OPENAI_API_KEY: "sk-test",
      OPENAI_BASE_URL: fake.baseUrl,
      OPENAI_MODEL: "gpt-4o-mini",
      OPENAI_TIMEOUT_MS: "1500",
    });

    // A ticket whose second webhook arrives while the first job still waits: deduplicated.
    await t.queue.pause();
    const billing = await t.createTicket("Refund please", "I was charged twice for my invoice.");
    expect((await t.fireWebhook(billing.id)).body.deduplicated).toBe(false);
    expect((await t.fireWebhook(billing.id)).body.deduplicated).toBe(true);
    await t.queue.resume();
    await noteOn(billing.id);

    // The model answers garbage: the local classifier takes over.
    fake.setMode("garbage");
    const outage = await t.createTicket("Production is down", "Every request returns a 500 error.");
    await t.fireWebhook(outage.id);
    await noteOn(outage.id);
    fake.setMode("ok");

    // Suggest mode: every change is only proposed in the note.
    const howTo = await t.createTicket("How do I export timesheets?", "Where is the CSV export?");
    const reprocess = await fetch(`${t.url}/tickets/${howTo.id}/reprocess`, {
      method: "POST",
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, "Content-Type": "application/json" },
      body: JSON.stringify({ mode: "suggest" }),
    });
    expect(reprocess.status).toBe(202);
    await noteOn(howTo.id);

    expect(await postWebhook({ "Content-Type": "application/json", "X-Webhook-Token": "wrong" }, "{}")).toBe(
      401,
    );
    expect(
      await postWebhook({ "Content-Type": "application/json", "X-Webhook-Token": WEBHOOK_SECRET }, "{nope"),
    ).toBe(400);
    await t.queueIdle();

    const response = await fetch(`${t.url}/metrics`);
    expect(response.status).toBe(200);
    contentType = response.headers.get("content-type");
    samples = parseExposition(await response.text());
  });
  afterAll(async () => {
    await t?.stop();
    await fake?.close();
  });

  it("is Prometheus text exposition", () => {
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(sum(samples, "process_cpu_user_seconds_total")).toBeGreaterThan(0);
  });

  it("counts webhooks received, deduplicated and rejected by reason", () => {
    expect(sum(samples, "triage_webhooks_received_total")).toBe(5);
    expect(sum(samples, "triage_webhooks_deduplicated_total")).toBe(1);
    expect(sum(samples, "triage_webhooks_rejected_total", { reason: "unauthorized" })).toBe(1);
    expect(sum(samples, "triage_webhooks_rejected_total", { reason: "bad_request" })).toBe(1);
  });

  it("reports queue depth by state", () => {
    expect(sum(samples, "triage_queue_jobs", { state: "completed" })).toBe(3);
    expect(samples.some((s) => s.name === "triage_queue_jobs" && s.labels.state === "waiting")).toBe(true);
  });

  it("times jobs and pipeline steps", () => {
    expect(sum(samples, "triage_job_duration_seconds_count", { outcome: "triaged" })).toBe(3);
    expect(sum(samples, "triage_job_duration_seconds_sum", { outcome: "triaged" })).toBeGreaterThan(0);
    expect(sum(samples, "triage_job_wait_seconds_count")).toBe(3);
    for (const step of ["load", "account", "classify", "apply", "note", "record"]) {
      expect(sum(samples, "triage_step_duration_seconds_count", { step }), step).toBeGreaterThan(0);
    }
  });

  it("counts Freshdesk calls by endpoint and status, and the rate limit remaining", () => {
    const get = { method: "GET", endpoint: "/tickets/:id", status: "200" };
    expect(sum(samples, "triage_freshdesk_requests_total", get)).toBeGreaterThanOrEqual(3);
    const note = { method: "POST", endpoint: "/tickets/:id/notes", status: "201" };
    expect(sum(samples, "triage_freshdesk_requests_total", note)).toBe(3);
    expect(sum(samples, "triage_freshdesk_request_duration_seconds_count")).toBeGreaterThan(0);
    expect(samples.every((s) => !/\d/.test(s.labels.endpoint ?? ""))).toBe(true);
    expect(sum(samples, "triage_freshdesk_rate_limit_remaining")).toBeGreaterThan(0);
    expect(sum(samples, "triage_freshdesk_rate_limit_total")).toBeGreaterThan(0);
  });

  it("counts model calls, tokens and estimated cost, and fallbacks to the local classifier", () => {
    const model = { model: "gpt-4o-mini" };
    expect(sum(samples, "triage_llm_calls_total", { ...model, outcome: "ok" })).toBe(2);
    expect(sum(samples, "triage_llm_calls_total", { ...model, outcome: "invalid_json" })).toBe(1);
    // The fake reports 100 prompt and 50 completion tokens per call, garbage answers included.
    expect(sum(samples, "triage_llm_tokens_total", { ...model, kind: "input" })).toBe(300);
    expect(sum(samples, "triage_llm_tokens_total", { ...model, kind: "output" })).toBe(150);
    expect(sum(samples, "triage_llm_cost_usd_total", model)).toBeCloseTo((300 * 0.15 + 150 * 0.6) / 1e6, 12);
    expect(sum(samples, "triage_llm_call_duration_seconds_count", model)).toBe(3);
    expect(sum(samples, "triage_classifications_total", { engine: "openai:gpt-4o-mini" })).toBe(2);
    expect(sum(samples, "triage_classifications_total", { engine: "local" })).toBe(1);
    expect(sum(samples, "triage_classifier_fallbacks_total")).toBe(1);
  });

  it("counts outcomes by category, priority and group, and applied vs suggested fields", () => {
    const billing = samples.find(
      (s) => s.name === "triage_outcomes_total" && s.labels.category === "billing_inquiry",
    );
    expect(billing?.value).toBe(1);
    expect(billing?.labels).toMatchObject({ group: "Billing", mode: "apply" });
    expect(billing?.labels.priority).toMatch(/^(low|medium|high|urgent)$/);
    expect(sum(samples, "triage_outcomes_total")).toBe(3);
    expect(sum(samples, "triage_outcomes_total", { mode: "suggest" })).toBe(1);
    expect(sum(samples, "triage_fields_total", { disposition: "applied" })).toBeGreaterThan(0);
    expect(sum(samples, "triage_fields_total", { disposition: "suggested" })).toBeGreaterThan(0);
  });

  it("gives each request an id: the caller's when it is sane, a fresh one otherwise", async () => {
    const echoed = await fetch(`${t.url}/healthz`, { headers: { "X-Request-Id": "lb-7f3a.42" } });
    expect(echoed.headers.get("x-request-id")).toBe("lb-7f3a.42");

    const first = (await fetch(`${t.url}/healthz`)).headers.get("x-request-id");
    const second = (await fetch(`${t.url}/healthz`)).headers.get("x-request-id");
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).toMatch(/^[0-9a-f-]{36}$/);
    expect(first).not.toBe(second);

    const insane = await fetch(`${t.url}/healthz`, { headers: { "X-Request-Id": "x".repeat(200) } });
    expect(insane.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const spaced = await fetch(`${t.url}/healthz`, { headers: { "X-Request-Id": "two words" } });
    expect(spaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);

    const failed = await fetch(`${t.url}/no-such-route`, { headers: { "X-Request-Id": "req-404" } });
    expect(failed.status).toBe(404);
    expect(failed.headers.get("x-request-id")).toBe("req-404");
    const refused = await fetch(`${t.url}/webhooks/freshdesk`, {
      method: "POST",
      headers: { "X-Request-Id": "req-401" },
    });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("x-request-id")).toBe("req-401");
  });
});

describe("/metrics with METRICS_TOKEN", () => {
  const token = "scrape-token-0123456789";
  let t: TestService;

  beforeAll(async () => {
    t = await startTestService(
      { SANDBOX_AUTOMATIONS: "off", METRICS_TOKEN: token },
      { web: true, worker: false },
    );
  });
  afterAll(async () => t?.stop());

  it("refuses scrapes without the token or with a wrong one, and serves them with it", async () => {
    const none = await fetch(`${t.url}/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await none.text()).not.toMatch(/triage_/);

    const wrong = await fetch(`${t.url}/metrics`, { headers: { Authorization: `Bearer ${token}x` } });
    expect(wrong.status).toBe(401);

    const right = await fetch(`${t.url}/metrics`, { headers: { Authorization: `Bearer ${token}` } });
    expect(right.status).toBe(200);
    expect(await right.text()).toMatch(/^# HELP triage_webhooks_received_total /m);
  });
});
