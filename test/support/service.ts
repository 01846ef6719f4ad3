import { randomUUID } from "node:crypto";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { type Config, loadConfig } from "../../src/config.ts";
import type { QualityReport } from "../../src/learning/quality.ts";
import { silentLogger } from "../../src/logger.ts";
import { TRIAGE_QUEUE } from "../../src/queue/triage-queue.ts";
import { type RunningService, type ServiceRoles, startService } from "../../src/service.ts";
import { testRedisUrl } from "./redis.ts";

export const WEBHOOK_SECRET = "e2e-webhook-secret-0123456789";
export const ADMIN_TOKEN = "e2e-admin-token-0123";

/**
 * The whole service (web + workers, the sandbox as Freshdesk) on a random loopback port and the
 * suite's real Redis under a unique queue prefix, plus the helpers the end-to-end tests share.
 */
export async function startTestService(
  env: Record<string, string> = {},
  roles: ServiceRoles = { web: true, worker: true },
) {
  const prefix = `e2e-${randomUUID().slice(0, 8)}`;
  const config: Config = loadConfig({
    NODE_ENV: "test",
    PORT: "0",
    REDIS_URL: testRedisUrl(),
    QUEUE_PREFIX: prefix,
    WEBHOOK_SECRET,
    MCP_TOKENS: `admin:${ADMIN_TOKEN}:read,write,admin`,
    WORKER_CONCURRENCY: "4",
    // Learning reads the sandbox's history and trains for seconds; tests that want it turn it on.
    LEARN_INTERVAL: "off",
    ...env,
  });
  const service: RunningService = await startService(config, silentLogger(), roles);
  const url = service.url!;
  const redis = new Redis(testRedisUrl());
  const queue = new Queue(TRIAGE_QUEUE, { connection: redis, prefix: service.accountPrefix });
  const sandboxAuth = `Basic ${Buffer.from(`${config.sandbox.apiKey}:X`).toString("base64")}`;

  async function freshdesk<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${url}/sandbox/api/v2${path}`, {
      method,
      headers: { Authorization: sandboxAuth, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${await response.text()}`);
    return (response.status === 204 ? undefined : await response.json()) as T;
  }

  return {
    config,
    service,
    url,
    prefix,
    queue,
    freshdesk,
    async createTicket(subject: string, description: string, extra: Record<string, unknown> = {}) {
      return freshdesk<{ id: number }>("POST", "/tickets", {
        subject,
        description,
        email: `customer-${randomUUID().slice(0, 6)}@example.com`,
        priority: 1,
        status: 2,
        ...extra,
      });
    },
    async ticket(id: number) {
      return freshdesk<FdTicketView>("GET", `/tickets/${id}?include=conversations`);
    },
    async privateNotes(id: number) {
      const conversations = await freshdesk<Array<{ source: number; private: boolean; body_text: string }>>(
        "GET",
        `/tickets/${id}/conversations`,
      );
      return conversations.filter((c) => c.source === 2 && c.private);
    },
    /** Fires a webhook the way a Freshdesk rule with the simple payload does. */
    async fireWebhook(ticketId: number, action = '{"ticket_action":"created"}') {
      const response = await fetch(`${url}/webhooks/freshdesk`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Webhook-Token": WEBHOOK_SECRET },
        body: JSON.stringify({ freshdesk_webhook: { ticket_id: String(ticketId), triggered_event: action } }),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
    /** Waits until no triage job is waiting, delayed or running. */
    async queueIdle(timeoutMs = 15_000) {
      await waitFor(
        async () => (await queue.getJobCountByTypes("waiting", "delayed", "active", "prioritized")) === 0,
        timeoutMs,
      );
    },
    /**
     * Waits until the service learned the sandbox's history and promoted a model (start it with
     * LEARN_INTERVAL set), and returns the quality figures it shows at GET /admin/quality.
     */
    async modelPromoted(timeoutMs = 60_000): Promise<QualityReport> {
      let report: QualityReport | undefined;
      await waitFor(
        async () => {
          const response = await fetch(`${url}/admin/quality`, {
            headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
          });
          report = (await response.json()) as QualityReport;
          return report.model !== null;
        },
        timeoutMs,
        250,
      );
      return report!;
    },
    async stop() {
      await queue.close();
      redis.disconnect();
      await service.stop();
    },
  };
}

export type TestService = Awaited<ReturnType<typeof startTestService>>;

export type FdTicketView = {
  id: number;
  group_id: number | null;
  priority: number;
  type: string | null;
  tags: string[];
  responder_id: number | null;
};

export async function waitFor(
  check: () => Promise<boolean>,
  timeoutMs: number,
  intervalMs = 50,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}
