import { randomUUID } from "node:crypto";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { silentLogger } from "../../src/logger.ts";
import { enqueueTriage, TRIAGE_QUEUE, type TriageJob } from "../../src/queue/triage-queue.ts";
import { type RunningService, startService } from "../../src/service.ts";
import { testRedisUrl } from "../support/redis.ts";
import { type SandboxServer, startSandboxServer } from "../support/sandbox-server.ts";
import { waitFor } from "../support/service.ts";
import { parseExposition, sum } from "./exposition.ts";

describe("a worker-only process with METRICS_PORT", () => {
  let sandbox: SandboxServer;
  let service: RunningService;
  let redis: Redis;
  let queue: Queue<TriageJob>;

  beforeAll(async () => {
    sandbox = await startSandboxServer();
    const prefix = `wm-${randomUUID().slice(0, 8)}`;
    const config = loadConfig({
      NODE_ENV: "test",
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: prefix,
      FRESHDESK_DOMAIN: sandbox.baseUrl,
      FRESHDESK_API_KEY: sandbox.apiKey,
      METRICS_PORT: "0",
    });
    service = await startService(config, silentLogger(), { web: false, worker: true });
    redis = new Redis(testRedisUrl());
    queue = new Queue<TriageJob>(TRIAGE_QUEUE, { connection: redis, prefix: service.accountPrefix });
  });
  afterAll(async () => {
    await queue?.close();
    redis?.disconnect();
    await service?.stop();
    await sandbox?.close();
  });

  it("serves its own jobs' figures on /metrics, and nothing of the web app", async () => {
    expect(service.url).toBeUndefined();
    expect(service.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const created = await fetch(`${sandbox.baseUrl}/api/v2/tickets`, {
      method: "POST",
      headers: {
        Authorization: `Basic ${Buffer.from(`${sandbox.apiKey}:X`).toString("base64")}`,
        "Content-Type": "application/json",
      },
      body: JSON.stringify({
        subject: "Refund please",
        description: "I was charged twice for my invoice.",
        email: "payer@example.com",
        priority: 1,
        status: 2,
      }),
    });
    const { id } = (await created.json()) as { id: number };
    await enqueueTriage(queue, { ticketId: id, event: "created", receivedAt: new Date().toISOString() });
    await waitFor(async () => (await service.results.latest(id))?.outcome === "triaged", 8000);
    await waitFor(async () => (await queue.getJobCountByTypes("completed")) === 1, 5000);

    const response = await fetch(`${service.metricsUrl}/metrics`);
    expect(response.status).toBe(200);
    const samples = parseExposition(await response.text());
    expect(sum(samples, "triage_outcomes_total", { category: "billing_inquiry" })).toBe(1);
    expect(sum(samples, "triage_job_duration_seconds_count", { outcome: "triaged" })).toBe(1);
    expect(sum(samples, "triage_freshdesk_requests_total", { method: "PUT" })).toBe(1);
    expect(sum(samples, "triage_queue_jobs", { state: "completed" })).toBe(1);
    expect(sum(samples, "triage_webhooks_received_total")).toBe(0);

    expect((await fetch(`${service.metricsUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${service.metricsUrl}/webhooks/freshdesk`, { method: "POST" })).status).toBe(404);
  });
});
