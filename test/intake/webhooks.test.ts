import type { Queue } from "bullmq";
import type { Hono } from "hono";
import type { Redis } from "ioredis";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { silentLogger } from "../../src/logger.ts";
import { createIntake, hintKey } from "../../src/queue/intake.ts";
import { createRedisConnection } from "../../src/queue/redis-connection.ts";
import { createTriageQueue, type TriageJob } from "../../src/queue/triage-queue.ts";
import { webhookRoutes } from "../../src/routes/webhooks.ts";
import { testRedis, testRedisUrl } from "../support/redis.ts";

const SECRET = "s3cret-webhook-token-123";

function buildApp(queue: Queue<TriageJob>, redis: Redis, prefix: string): Hono {
  const intake = createIntake({ queue, redis, keyPrefix: prefix });
  return createApp({
    config: loadConfig({}),
    logger: silentLogger(),
    mounts: [{ path: "/webhooks", app: webhookRoutes({ secret: SECRET, intake }) }],
  });
}

const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString("base64")}`;

describe("POST /webhooks/freshdesk", () => {
  const { redis: admin, prefix, close } = testRedis();
  const intakeRedis = createRedisConnection(testRedisUrl(), "intake");
  const queue = createTriageQueue(intakeRedis, prefix);
  const app = buildApp(queue, intakeRedis, prefix);

  const post = (body: string, headers: Record<string, string>) =>
    app.request("/webhooks/freshdesk", { method: "POST", body, headers });
  const json = (payload: unknown, auth: Record<string, string> = { "X-Webhook-Token": SECRET }) =>
    post(JSON.stringify(payload), { "Content-Type": "application/json", ...auth });
  const jobCount = () => queue.getJobCountByTypes("waiting", "delayed", "active", "prioritized");

  beforeEach(async () => {
    await queue.obliterate({ force: true });
  });
  afterAll(async () => {
    await queue.close();
    intakeRedis.disconnect();
    await close();
  });

  it("accepts Freshdesk's simple payload and stores an id-only job", async () => {
    const res = await json({
      freshdesk_webhook: {
        ticket_id: "42",
        ticket_subject: "Charged twice",
        triggered_event: '{"ticket_action":"created"}',
      },
    });
    expect(res.status).toBe(202);
    const body = (await res.json()) as { jobId: string };
    expect(body).toMatchObject({ ticketId: 42, deduplicated: false });
    const job = await queue.getJob(body.jobId);
    expect(job?.data).toMatchObject({ ticketId: 42, event: "created" });
    expect(Object.keys(job?.data ?? {}).sort()).toEqual(["event", "receivedAt", "ticketId"]);
    expect(JSON.parse((await admin.get(hintKey(prefix, 42))) ?? "{}")).toEqual({ subject: "Charged twice" });
  });

  it("accepts flat advanced JSON and form-encoded bodies, with Basic auth either way round", async () => {
    const flat = await json({ ticket_id: 7 }, { Authorization: basic("freshdesk", SECRET) });
    expect(flat.status).toBe(202);
    const form = await post(
      new URLSearchParams({
        "freshdesk_webhook[ticket_id]": "8",
        "freshdesk_webhook[triggered_event]": '{"priority":{"from":1,"to":4}}',
      }).toString(),
      { "Content-Type": "application/x-www-form-urlencoded", Authorization: basic(SECRET, "X") },
    );
    expect(form.status).toBe(202);
    const job = await queue.getJob(((await form.json()) as { jobId: string }).jobId);
    expect(job?.data).toMatchObject({ ticketId: 8, event: "updated" });
  });

  it("collapses repeated webhooks for the same ticket", async () => {
    const first = (await (await json({ ticket_id: "9" })).json()) as { jobId: string };
    const again = await (await json({ ticket_id: "9" })).json();
    expect(again).toEqual({ jobId: first.jobId, ticketId: 9, deduplicated: true });
    expect(await jobCount()).toBe(1);
  });

  it.each([
    ["no credentials", {}, 401],
    ["a wrong token", { "X-Webhook-Token": "nope" }, 401],
    ["a wrong Basic password", { Authorization: basic("x", "nope") }, 401],
  ])("rejects %s with 401 and enqueues nothing", async (_name, auth, status) => {
    const res = await json({ ticket_id: "1" }, auth as Record<string, string>);
    expect(res.status).toBe(status);
    expect(await jobCount()).toBe(0);
  });

  it.each([
    ["invalid JSON", "{not json", "application/json", 400, /not valid JSON/],
    [
      "a missing ticket_id",
      JSON.stringify({ freshdesk_webhook: {} }),
      "application/json",
      400,
      /ticket_id.*required/,
    ],
    [
      "a non-numeric ticket_id",
      JSON.stringify({ ticket_id: "12abc" }),
      "application/json",
      400,
      /positive integer/,
    ],
    ["a negative ticket_id", JSON.stringify({ ticket_id: -3 }), "application/json", 400, /positive integer/],
    ["a nested payload", JSON.stringify({ ticket_id: 1, x: { y: 1 } }), "application/json", 400, /"x"/],
    ["an array", "[1,2]", "application/json", 400, /JSON object/],
    ["text/plain", "ticket_id=1", "text/plain", 415, /Content-Type/],
    [
      "a body over 256 KB",
      JSON.stringify({ ticket_id: 1, pad: "x".repeat(300_000) }),
      "application/json",
      413,
      /256 KB/,
    ],
  ])("rejects %s with a named problem and enqueues nothing", async (_name, body, type, status, message) => {
    const res = await post(body, { "Content-Type": type, "X-Webhook-Token": SECRET });
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message);
    expect(await jobCount()).toBe(0);
  });

  it("answers 503 with Retry-After when Redis is unreachable, never a 2xx", async () => {
    const dead = createRedisConnection("redis://127.0.0.1:1", "intake");
    dead.on("error", () => {});
    const deadQueue = createTriageQueue(dead, prefix);
    deadQueue.on("error", () => {});
    const res = await buildApp(deadQueue, dead, prefix).request("/webhooks/freshdesk", {
      method: "POST",
      body: JSON.stringify({ ticket_id: 5 }),
      headers: { "Content-Type": "application/json", "X-Webhook-Token": SECRET },
    });
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("30");
    dead.disconnect();
  });
});
