import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccountDirectory, createFreshdeskClient } from "../../src/freshdesk/index.ts";
import { createOverrideStore } from "../../src/learning/overrides.ts";
import { silentLogger } from "../../src/logger.ts";
import { createAuditLog } from "../../src/mcp/audit.ts";
import { connectInProcessClient } from "../../src/mcp/in-process-client.ts";
import { pipelinePolicy } from "../../src/mcp/pipeline-policy.ts";
import { TRIAGE_QUEUE, type TriageJob } from "../../src/queue/triage-queue.ts";
import { createTriageResultStore } from "../../src/queue/triage-results.ts";
import { createConfiguredClassifier, DEFAULT_TAXONOMY } from "../../src/triage/index.ts";
import { createAccountSnapshotCache } from "../../workers/account-snapshot.ts";
import { createCompanyLookup } from "../../workers/company-lookup.ts";
import { createPipelineTools } from "../../workers/pipeline-tools.ts";
import { createTriageProcessor } from "../../workers/triage.processor.ts";
import { testRedis } from "../support/redis.ts";
import { type SandboxServer, startSandboxServer } from "../support/sandbox-server.ts";

describe("the override loop in the worker", () => {
  const { redis, prefix, close } = testRedis();
  let sandbox: SandboxServer;
  let client: Client;
  let queue: Queue<TriageJob>;
  const overrides = createOverrideStore({ redis, prefix, account: "sandbox:test" });
  let auth: string;

  beforeAll(async () => {
    sandbox = await startSandboxServer({ plan: "unlimited" });
    auth = `Basic ${Buffer.from(`${sandbox.apiKey}:X`).toString("base64")}`;
    const freshdesk = createFreshdeskClient({ baseUrl: sandbox.baseUrl, apiKey: sandbox.apiKey });
    client = await connectInProcessClient(
      {
        freshdesk,
        directory: createAccountDirectory(freshdesk),
        audit: createAuditLog({ redis, key: `${prefix}:audit` }),
        logger: silentLogger(),
        cursorSecret: "override-loop-cursor-secret",
      },
      pipelinePolicy(),
    );
    queue = new Queue<TriageJob>(TRIAGE_QUEUE, { connection: redis, prefix });
  });
  afterAll(async () => {
    await client.close();
    await queue.close();
    await sandbox.close();
    await close();
  });

  // Built on first use: the MCP client is connected in beforeAll.
  let processor: ReturnType<typeof createTriageProcessor> | undefined;
  const process: ReturnType<typeof createTriageProcessor> = (job) => {
    processor ??= createTriageProcessor({
      tools: createPipelineTools(client),
      account: createAccountSnapshotCache(client),
      companies: createCompanyLookup(client),
      classifier: createConfiguredClassifier({
        openai: { apiKey: undefined, baseUrl: undefined, model: "none", timeoutMs: 1000 },
        taxonomy: DEFAULT_TAXONOMY,
      }),
      taxonomy: DEFAULT_TAXONOMY,
      results: createTriageResultStore(redis, prefix),
      redis,
      keyPrefix: prefix,
      mode: "apply",
      portalUrl: sandbox.baseUrl,
      // No history in this sandbox: the operator opted in, so there are applied values to override.
      learning: { targetPrecision: 0.9, applyUnmeasured: true },
      overrides,
    });
    return processor(job);
  };

  async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${sandbox.baseUrl}/api/v2${path}`, {
      method,
      headers: { Authorization: auth, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }
  const runJob = async (ticketId: number, event: TriageJob["event"]) =>
    process(await queue.add("t", { ticketId, event, receivedAt: new Date().toISOString() }));

  it("records an agent's change to an applied group once, and counts it in the kept-unchanged shares", async () => {
    const groups = await api<Array<{ id: number; name: string }>>("GET", "/groups");
    const technical = groups.find((g) => g.name === "Technical Support")!;
    const { id } = await api<{ id: number }>("POST", "/tickets", {
      subject: "I was charged twice for my invoice, please refund",
      description: "Two identical charges for this month's invoice. Please refund one of them.",
      email: "override-loop@example.com",
    });
    await expect(runJob(id, "created")).resolves.toEqual({ outcome: "triaged" });
    const triaged = await api<{ group_id: number }>("GET", `/tickets/${id}`);
    expect(groups.find((g) => g.id === triaged.group_id)?.name).toBe("Billing");
    expect((await overrides.keptShares(new Date())).group.last7Days).toEqual({
      applied: 1,
      changed: 0,
      keptShare: 1,
    });

    // Our own update's echo changes nothing.
    await runJob(id, "updated");
    expect(await overrides.since(new Date(0))).toEqual([]);

    // An agent moves it to another group; then resolves it.
    await api("PUT", `/tickets/${id}`, { group_id: technical.id });
    await runJob(id, "updated");
    await api("PUT", `/tickets/${id}`, { status: 4, custom_fields: { cf_product_area: "Billing & Plans" } });
    await runJob(id, "updated");

    const recorded = await overrides.since(new Date(0));
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      field: "group",
      ticketId: id,
      from: "Billing",
      to: "Technical Support",
      seen: "update",
    });
    expect((await overrides.keptShares(new Date())).group.last7Days).toEqual({
      applied: 1,
      changed: 1,
      keptShare: 0,
    });
  });
});
