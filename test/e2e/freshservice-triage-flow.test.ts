import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { createRateGovernor, freshdeskAccountName } from "../../src/freshdesk/index.ts";
import { createFreshserviceDirectory } from "../../src/freshservice/account-directory.ts";
import { createFreshserviceClient, freshserviceGovernorLimits } from "../../src/freshservice/index.ts";
import { silentLogger } from "../../src/logger.ts";
import { createAuditLog } from "../../src/mcp/audit.ts";
import { createIntake } from "../../src/queue/intake.ts";
import { createTriageQueue } from "../../src/queue/triage-queue.ts";
import { createTriageResultStore } from "../../src/queue/triage-results.ts";
import { parseFreshserviceWebhookPayload } from "../../src/routes/freshservice-webhook-payload.ts";
import type { SandboxStats } from "../../src/sandbox/app.ts";
import { createTriageWorkerRuntime, type TriageWorkerRuntime } from "../../workers/runtime.ts";
import {
  type FreshserviceSandboxServer,
  startFreshserviceSandboxServer,
} from "../support/freshservice-sandbox-server.ts";
import { testRedis, testRedisUrl } from "../support/redis.ts";
import { waitFor } from "../support/service.ts";

const SECRET = "fs-e2e-webhook-secret-0123";
const PORTAL_URL = "https://acme.freshservice.com";

/**
 * The Freshservice pipeline end to end on the Starter plan (100 credits a minute, list 40, view
 * and write 50): the sandbox's Workflow Automator posts `{"ticket_id": N}` to a webhook route
 * using the Freshservice body parser and the shared intake, a real BullMQ worker (the runtime
 * with config.product = freshservice) triages, and the automator's echo of our own update comes
 * back through the same route. Credits are the sandbox's own count.
 */
describe("Freshservice triage through the Workflow Automator, the intake and a worker", () => {
  const { redis, prefix, close: closeRedis } = testRedis();
  let sandbox: FreshserviceSandboxServer;
  let runtime: TriageWorkerRuntime;
  let webhook: { url: string; close(): Promise<void> };
  let results: ReturnType<typeof createTriageResultStore>;
  let queueConnection: Redis;
  let closeQueue: () => Promise<void>;
  let client: ReturnType<typeof createFreshserviceClient>;
  let requesterEmail: string;

  beforeAll(async () => {
    sandbox = await startFreshserviceSandboxServer({ plan: "starter" });
    const governor = createRateGovernor({
      redis,
      account: freshdeskAccountName(sandbox.baseUrl),
      keyPrefix: `${prefix}:`,
      share: 1,
      ...freshserviceGovernorLimits("starter"),
    });
    client = createFreshserviceClient({ baseUrl: sandbox.baseUrl, apiKey: sandbox.apiKey, governor });
    results = createTriageResultStore(redis, prefix);
    queueConnection = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
    const queue = createTriageQueue(queueConnection, prefix);
    closeQueue = () => queue.close();
    const intake = createIntake({ queue, redis: queueConnection, keyPrefix: prefix, redisTimeoutMs: 2000 });

    // What the integrator mounts at POST /webhooks/freshservice: the secret header, the body parser, the intake.
    const app = new Hono();
    app.post("/webhooks/freshservice", async (c) => {
      if (c.req.header("x-webhook-token") !== SECRET) return c.json({ error: "unauthorized" }, 401);
      const event = parseFreshserviceWebhookPayload(await c.req.json());
      const accepted = await intake.accept(event);
      return c.json({ ...accepted, ticketId: event.ticketId }, 202);
    });
    webhook = await listen(app.fetch);

    const config = loadConfig({
      NODE_ENV: "test",
      SANDBOX_PRODUCT: "freshservice",
      REDIS_URL: testRedisUrl(),
      WEBHOOK_SECRET: SECRET,
      // No history is learned in this test: the category the ticket names is applied unmeasured.
      TRIAGE_APPLY_UNMEASURED: "true",
      LEARN_INTERVAL: "off",
    });
    expect(config.product).toBe("freshservice");
    runtime = await createTriageWorkerRuntime({
      config,
      logger: silentLogger(),
      redisUrl: testRedisUrl(),
      accountPrefix: prefix,
      mcp: {
        freshservice: client,
        directory: createFreshserviceDirectory(client),
        audit: createAuditLog({ redis, key: `${prefix}:audit` }),
        logger: silentLogger(),
        cursorSecret: "fs-e2e-cursor-secret-0123456789",
        portalUrl: PORTAL_URL,
      },
      results,
      redis,
      portalUrl: PORTAL_URL,
    });
    await runtime.warmUp();
    requesterEmail = (await client.requesters.list({ perPage: 1 })).items[0]!.primary_email!;
    sandbox.sandbox.automations.setTarget({
      targetUrl: `${webhook.url}/webhooks/freshservice`,
      auth: { type: "header", name: "X-Webhook-Token", value: SECRET },
    });
  }, 60_000);

  afterAll(async () => {
    sandbox?.sandbox.automations.setTarget(undefined);
    await runtime?.close();
    await closeQueue?.();
    queueConnection?.disconnect();
    await webhook?.close();
    await sandbox?.close();
    await closeRedis();
  });

  /** Raises a ticket (the automator fires), then waits for its triage and our update's echo. */
  async function raise(subject: string, description: string): Promise<number> {
    const { id } = await client.tickets.create({
      subject,
      description,
      email: requesterEmail,
      status: 2,
      priority: 1,
    });
    await waitFor(async () => {
      const history = await results.history(id);
      return (
        history.some((run) => run.outcome === "triaged") &&
        history.some((run) => run.skipReason?.startsWith("own_echo"))
      );
    }, 10_000);
    return id;
  }

  it("triages each raised ticket once for 3 credits, its echo included, with no 429 on the Starter plan", async () => {
    await raise("Warm-up", "<p>The Mac is slow.</p>");
    sandbox.sandbox.resetStats();
    const tickets = [
      ["My laptop won't boot", "<p>My Mac shows a black screen after the logo.</p>"],
      ["Wi-Fi keeps dropping", "<p>The Office Wi-Fi drops every few minutes.</p>"],
      ["Cannot connect", "<p>GlobalProtect VPN fails since this morning.</p>"],
      ["Outlook crashes", "<p>Outlook closes as soon as I open it.</p>"],
    ] as const;
    const ids: number[] = [];
    for (const [subject, description] of tickets) ids.push(await raise(subject, description));
    const stats = sandbox.sandbox.stats();

    const creating = credits(stats, "POST /tickets");
    expect(stats.rateLimited).toBe(0);
    expect((stats.totalCredits - creating) / ids.length).toBe(3);
    // One read (view/write bucket), the update (view/write) and the note: no list call per ticket.
    expect(credits(stats, "GET /tickets/:id")).toBe(ids.length);
    for (const id of ids) {
      const notes = (await client.conversations.list(id)).items.filter((c) => c.private === true);
      expect(notes).toHaveLength(1);
      expect((await client.tickets.get(id)).category).not.toBeNull();
    }
  });

  it("adds nothing for a redelivered webhook", async () => {
    const id = await raise("Printer jam", "<p>The Office Printer jams on every page.</p>");
    sandbox.sandbox.resetStats();
    const res = await fetch(`${webhook.url}/webhooks/freshservice`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Webhook-Token": SECRET },
      body: JSON.stringify({ ticket_id: String(id), event: "created" }),
    });
    expect(res.status).toBe(202);
    await waitFor(async () => (await results.history(id)).length >= 3, 5000);
    expect((await results.latest(id))?.skipReason).toMatch(/^already_triaged/);
    expect(sandbox.sandbox.stats().totalRequests).toBe(0);
    expect((await client.conversations.list(id)).items.filter((c) => c.private === true)).toHaveLength(1);
  });
});

function credits(stats: SandboxStats, route: string): number {
  return stats.endpoints[route]?.credits ?? 0;
}

async function listen(fetchHandler: (request: Request) => Response | Promise<Response>) {
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: fetchHandler, port: 0, hostname: "127.0.0.1" }, () => resolve(started));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
