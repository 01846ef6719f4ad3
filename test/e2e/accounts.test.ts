import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshdeskAccountName } from "../../src/freshdesk/client.ts";
import { testRedisUrl } from "../support/redis.ts";
import { type SandboxServer, startSandboxServer } from "../support/sandbox-server.ts";
import { ADMIN_TOKEN, startTestService, type TestService, waitFor } from "../support/service.ts";

describe("freshdeskAccountName", () => {
  it("names a real account by its host and the embedded sandbox apart from it", () => {
    expect(freshdeskAccountName("https://acme.freshdesk.com")).toBe("acme.freshdesk.com");
    expect(freshdeskAccountName("https://ACME.freshdesk.com/")).toBe("acme.freshdesk.com");
    expect(freshdeskAccountName("http://127.0.0.1:3000/sandbox")).toBe("sandbox:127.0.0.1:3000");
    expect(freshdeskAccountName("http://127.0.0.1:3000/sandbox/")).toBe("sandbox:127.0.0.1:3000");
    expect(freshdeskAccountName("http://127.0.0.1:3001")).toBe("127.0.0.1:3001");
  });
});

type Report = { latest: { subject?: string } | null; history: Array<{ outcome: string; subject?: string }> };

/**
 * Two Freshdesk accounts served from one Redis and one QUEUE_PREFIX (the same data folder pointed
 * at another helpdesk): both number their tickets from the same ids, and neither may see the
 * other's tickets as queued or already triaged.
 */
describe("two Freshdesk accounts on one Redis", () => {
  const prefix = `accounts-${randomUUID().slice(0, 8)}`;
  const accounts: Array<{ sandbox: SandboxServer; service: TestService }> = [];
  let redis: Redis;

  async function startAccount(roles = { web: true, worker: true }) {
    const sandbox = await startSandboxServer();
    const service = await startTestService(
      {
        QUEUE_PREFIX: prefix,
        FRESHDESK_DOMAIN: sandbox.baseUrl,
        FRESHDESK_API_KEY: sandbox.apiKey,
      },
      roles,
    );
    const account = { sandbox, service };
    accounts.push(account);
    return account;
  }

  async function sandboxApi(sandbox: SandboxServer, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${sandbox.baseUrl}/api/v2${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: {
        Authorization: `Basic ${Buffer.from(`${sandbox.apiKey}:X`).toString("base64")}`,
        "Content-Type": "application/json",
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path} → ${response.status} ${await response.text()}`);
    return response.json();
  }

  async function createTicket(sandbox: SandboxServer, subject: string): Promise<number> {
    const created = (await sandboxApi(sandbox, "/tickets", {
      subject,
      description: `${subject}. My card shows two identical charges for this month's invoice.`,
      email: "payer@example.com",
      priority: 1,
      status: 2,
    })) as { id: number };
    return created.id;
  }

  const asAdmin = { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } };

  beforeAll(() => {
    redis = new Redis(testRedisUrl());
  });
  afterAll(async () => {
    for (const { service, sandbox } of accounts) {
      await service.stop();
      await sandbox.close();
    }
    redis.disconnect();
  });

  it("triages account B's ticket that has the id of one account A already triaged", {
    timeout: 30_000,
  }, async () => {
    const a = await startAccount();
    const b = await startAccount();
    const idA = await createTicket(a.sandbox, "Account A: charged twice");
    const idB = await createTicket(b.sandbox, "Account B: charged twice");
    expect(idB).toBe(idA);

    expect((await a.service.fireWebhook(idA)).status).toBe(202);
    await waitFor(async () => (await a.service.service.results.latest(idA))?.outcome === "triaged", 10_000);

    // Intake: B's webhook is its own job, not folded into A's job for the same id.
    const intake = await b.service.fireWebhook(idB);
    expect(intake.status).toBe(202);
    expect(intake.body.deduplicated).toBe(false);
    await waitFor(async () => (await b.service.service.results.latest(idB)) !== undefined, 10_000);
    // The worker's guard: triaged, not "skipped: already_triaged".
    const latestB = await b.service.service.results.latest(idB);
    expect(latestB?.outcome).toBe("triaged");
    expect(latestB?.subject).toBe("Account B: charged twice");
    await a.service.queueIdle();
    await b.service.queueIdle();

    // Each account's own Freshdesk got exactly its own note.
    for (const { sandbox } of [a, b]) {
      const conversations = (await sandboxApi(sandbox, `/tickets/${idA}/conversations`)) as Array<{
        private: boolean;
      }>;
      expect(conversations.filter((c) => c.private)).toHaveLength(1);
    }

    // The results API and the activity page show each account only its own runs.
    for (const [mine, theirs] of [
      [a, "Account B"],
      [b, "Account A"],
    ] as const) {
      const report = (await (
        await fetch(`${mine.service.url}/tickets/${idA}/triage`, asAdmin)
      ).json()) as Report;
      expect(report.history).toHaveLength(1);
      expect(report.latest?.subject).not.toContain(theirs);
      const page = await (await fetch(`${mine.service.url}/`, asAdmin)).text();
      expect(page).not.toContain(theirs);
      expect(page).toContain(mine === a ? "Account A" : "Account B");
    }
  });

  it("keeps a real account's history when an embedded sandbox starts on the same Redis", {
    timeout: 30_000,
  }, async () => {
    const real = accounts[0]!;
    const [run] = await real.service.service.results.recent(1);
    expect(run).toBeDefined();
    // Zero-config start (embedded sandbox) with the same prefix: it forgets only its own history.
    const sandboxed = await startTestService({ QUEUE_PREFIX: prefix, SANDBOX_DEMO_TICKETS: "off" });
    try {
      expect(sandboxed.service.account).toMatch(/^sandbox:/);
      expect(await sandboxed.service.results.recent(10)).toEqual([]);
      expect(await real.service.service.results.history(run!.ticketId)).not.toHaveLength(0);
    } finally {
      await sandboxed.stop();
    }
  });
});
