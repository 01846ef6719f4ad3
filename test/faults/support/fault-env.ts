import { randomUUID } from "node:crypto";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { expect } from "vitest";
import { freshdeskAccountName } from "../../../src/freshdesk/client.ts";
import { accountKeyPrefix } from "../../../src/queue/account-keys.ts";
import { TRIAGE_QUEUE } from "../../../src/queue/triage-queue.ts";
import { type FaultProxy, startFaultProxy } from "./fault-proxy.ts";
import { type ChildService, freePort, spawnNode, waitFor, waitForOutput } from "./processes.ts";
import { type RedisProcess, startRedisProcess } from "./redis-process.ts";
import { createWebhookLedger, FAULT_WEBHOOK_SECRET } from "./webhook-ledger.ts";

export const WEBHOOK_SECRET = FAULT_WEBHOOK_SECRET;
export const ADMIN_TOKEN = "fault-suite-admin-token-0123";
export const SANDBOX_KEY = "fault-suite-sandbox-key";

export type FaultEnvOptions = {
  /** Put the fault proxy between the service and the sandbox. */
  proxy?: boolean;
  /** Extra environment for every web and worker process (e.g. OPENAI_*, FRESHDESK_TIMEOUT_MS). */
  env?: Record<string, string>;
};

/**
 * One scenario's world, all real processes on loopback: its own redis-server (killable and
 * restartable on the same data), the standalone sandbox as Freshdesk (optionally behind the fault
 * proxy), and helpers to start web and worker processes, create tickets, fire webhooks and
 * check that nothing was lost or doubled.
 */
export async function startFaultEnv(options: FaultEnvOptions = {}) {
  const redis: RedisProcess = await startRedisProcess();
  const children: ChildService[] = [];
  const sandbox = spawnNode(
    "sandbox",
    ["src/sandbox/main.ts", "--port", "0", "--plan", "unlimited", "--key", SANDBOX_KEY],
    { NODE_ENV: "test" },
  );
  children.push(sandbox);
  const listening = await waitForOutput(
    sandbox,
    /listening on (http:\/\/127\.0\.0\.1:(\d+))\/api\/v2/,
    15_000,
  );
  const sandboxUrl = listening[1] as string;
  const proxy: FaultProxy | undefined = options.proxy
    ? await startFaultProxy({ host: "127.0.0.1", port: Number(listening[2]) })
    : undefined;

  const queuePrefix = `faults-${randomUUID().slice(0, 8)}`;
  // The service keeps the account's queue, results and hints under the account's own prefix.
  const prefix = accountKeyPrefix(queuePrefix, freshdeskAccountName(proxy?.url ?? sandboxUrl));
  const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
  connection.on("error", () => {
    // Redis is killed on purpose in some scenarios; commands wait for the reconnect.
  });
  const queue = new Queue(TRIAGE_QUEUE, { connection, prefix });
  queue.on("error", () => {
    // Same: the queue's commands wait for Redis to come back.
  });
  const sandboxAuth = `Basic ${Buffer.from(`${SANDBOX_KEY}:X`).toString("base64")}`;

  function serviceEnv(extra: Record<string, string> = {}): Record<string, string> {
    return {
      NODE_ENV: "test",
      LOG_LEVEL: "warn",
      HOST: "127.0.0.1",
      REDIS_URL: redis.url,
      QUEUE_PREFIX: queuePrefix,
      FRESHDESK_DOMAIN: proxy?.url ?? sandboxUrl,
      FRESHDESK_API_KEY: SANDBOX_KEY,
      FRESHDESK_TIMEOUT_MS: "5000",
      WEBHOOK_SECRET,
      MCP_TOKENS: `admin:${ADMIN_TOKEN}:read,write,admin`,
      WORKER_CONCURRENCY: "4",
      // The faults are about triage's calls; learning is tested in test/learning.
      LEARN_INTERVAL: "off",
      ...options.env,
      ...extra,
    };
  }

  async function sandboxApi<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${sandboxUrl}/api/v2${path}`, {
      method,
      headers: { Authorization: sandboxAuth, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`sandbox ${method} ${path} → ${response.status} ${await response.text()}`);
    return (response.status === 204 ? undefined : await response.json()) as T;
  }

  const ledger = createWebhookLedger({ queue, privateNotes });

  async function privateNotes(ticketId: number): Promise<Array<{ id: number; body_text: string }>> {
    const conversations = await sandboxApi<
      Array<{ id: number; source: number; private: boolean; body_text: string }>
    >("GET", `/tickets/${ticketId}/conversations?per_page=100`);
    return conversations.filter((c) => c.source === 2 && c.private);
  }

  return {
    redis,
    proxy,
    /** The account's key prefix: its queue, results and hints (not QUEUE_PREFIX). */
    prefix,
    queue,
    connection,
    sandboxUrl,
    ledger,
    serviceEnv,
    sandboxApi,
    privateNotes,

    /** `node src/server.ts` on a port picked here; resolves once /healthz answers. */
    async startWeb(extra: Record<string, string> = {}) {
      const port = await freePort();
      const web = spawnNode("web", ["src/server.ts"], serviceEnv({ PORT: String(port), ...extra }));
      children.push(web);
      const url = `http://127.0.0.1:${port}`;
      await waitFor(
        "web process to answer /healthz",
        async () => {
          if (!web.running()) throw new Error(`web exited:\n${web.output()}`);
          return (await fetch(`${url}/healthz`).catch(() => undefined))?.ok === true;
        },
        20_000,
        100,
      );
      return { url, process: web };
    },

    /** `node workers/index.ts`; resolves once its BullMQ worker is registered in Redis. */
    async startWorker(extra: Record<string, string> = {}) {
      const before = (await queue.getWorkers()).length;
      const worker = spawnNode("worker", ["workers/index.ts"], serviceEnv(extra));
      children.push(worker);
      await waitFor(
        "worker process to register with the queue",
        async () => {
          if (!worker.running()) throw new Error(`worker exited:\n${worker.output()}`);
          return (await queue.getWorkers()).length > before;
        },
        20_000,
        100,
      );
      return worker;
    },

    async createTicket(subject: string, description: string, extra: Record<string, unknown> = {}) {
      return sandboxApi<{ id: number } & Record<string, unknown>>("POST", "/tickets", {
        subject,
        description,
        email: `customer-${randomUUID().slice(0, 6)}@example.com`,
        priority: 1,
        status: 2,
        ...extra,
      });
    },

    async createTickets(count: number, label: string) {
      const ids: number[] = [];
      for (let i = 0; i < count; i++) {
        const ticket = await this.createTicket(
          `${label} ${i}: I was charged twice`,
          `Invoice ${1000 + i} shows a double charge on my card. Please refund the duplicate payment.`,
        );
        ids.push(ticket.id);
      }
      return ids;
    },

    /** Every child process this scenario started that is still alive must still be alive. */
    expectRunning(...services: ChildService[]) {
      for (const service of services) {
        expect(service.running(), `${service.name} crashed:\n${service.output()}`).toBe(true);
      }
    },

    async stop() {
      await Promise.all(children.map((child) => child.kill("SIGKILL")));
      await proxy?.close();
      await queue.close().catch(() => {});
      connection.disconnect();
      await redis.destroy();
    },
  };
}

export type FaultEnv = Awaited<ReturnType<typeof startFaultEnv>>;
