import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { type Job, Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BadRequestError } from "../../src/errors.ts";
import { createAccountDirectory, createFreshdeskClient } from "../../src/freshdesk/index.ts";
import { silentLogger } from "../../src/logger.ts";
import { createAuditLog } from "../../src/mcp/audit.ts";
import { connectInProcessClient } from "../../src/mcp/in-process-client.ts";
import { pipelinePolicy } from "../../src/mcp/pipeline-policy.ts";
import { TRIAGE_QUEUE, type TriageJob } from "../../src/queue/triage-queue.ts";
import { createTriageResultStore } from "../../src/queue/triage-results.ts";
import { createConfiguredClassifier, DEFAULT_TAXONOMY } from "../../src/triage/index.ts";
import { createAccountSnapshotCache } from "../../workers/account-snapshot.ts";
import { createCompanyLookup } from "../../workers/company-lookup.ts";
import { createPipelineTools, type PipelineTools } from "../../workers/pipeline-tools.ts";
import { createTriageProcessor } from "../../workers/triage.processor.ts";
import { testRedis } from "../support/redis.ts";
import { type SandboxServer, startSandboxServer } from "../support/sandbox-server.ts";

/** A process that dies between a Freshdesk write and its checkpoint, then the job runs again. */
class SimulatedCrash extends Error {}

describe("a retried triage job resumes from its checkpoints", () => {
  const { redis, prefix, close } = testRedis();
  let sandbox: SandboxServer;
  let client: Client;
  let queue: Queue<TriageJob>;

  beforeAll(async () => {
    sandbox = await startSandboxServer({ plan: "unlimited" });
    const freshdesk = createFreshdeskClient({ baseUrl: sandbox.baseUrl, apiKey: sandbox.apiKey });
    client = await connectInProcessClient(
      {
        freshdesk,
        directory: createAccountDirectory(freshdesk),
        audit: createAuditLog({ redis, key: `${prefix}:audit` }),
        logger: silentLogger(),
        cursorSecret: "processor-resume-cursor-secret",
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

  function processorWith(tools: PipelineTools) {
    return createTriageProcessor({
      tools,
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
      // About checkpoints, not calibration: no learned model here, so values are applied unmeasured.
      learning: { targetPrecision: 0.9, applyUnmeasured: true },
    });
  }

  async function newTicketJob(): Promise<{ ticketId: number; job: Job<TriageJob> }> {
    const res = await fetch(`${sandbox.baseUrl}/api/v2/tickets`, {
      method: "POST",
      headers: {
        Authorization: `Basic ${Buffer.from(`${sandbox.apiKey}:X`).toString("base64")}`,
        "Content-Type": "application/json",
      },
      body: JSON.stringify({
        subject: "Refund the duplicate charge",
        description: "I was billed twice for my invoice.",
        email: `r${Date.now()}@example.com`,
      }),
    });
    const { id } = (await res.json()) as { id: number };
    const job = await queue.add("t", {
      ticketId: id,
      event: "created",
      receivedAt: new Date().toISOString(),
    });
    return { ticketId: id, job };
  }

  const writes = () => {
    const endpoints = sandbox.sandbox.stats().endpoints;
    return {
      updates: endpoints["PUT /tickets/:id"]?.requests ?? 0,
      notes: endpoints["POST /tickets/:id/notes"]?.requests ?? 0,
    };
  };

  it("does not repeat the update or the note when the crash came after the note was posted", async () => {
    const real = createPipelineTools(client);
    const { job } = await newTicketJob();
    sandbox.sandbox.resetStats();

    const crashAfterNote: PipelineTools = {
      ...real,
      addPrivateNote: async (ticketId, html) => {
        await real.addPrivateNote(ticketId, html);
        throw new SimulatedCrash("died before checkpointing the note");
      },
    };
    await expect(processorWith(crashAfterNote)(job)).rejects.toBeInstanceOf(SimulatedCrash);
    expect(writes()).toEqual({ updates: 1, notes: 1 });

    const reloaded = (await queue.getJob(job.id!))!;
    await expect(processorWith(real)(reloaded)).resolves.toEqual({ outcome: "triaged" });
    expect(writes()).toEqual({ updates: 1, notes: 1 });
  });

  it("posts the note exactly once when the crash came after the update", async () => {
    const real = createPipelineTools(client);
    const { ticketId, job } = await newTicketJob();
    sandbox.sandbox.resetStats();

    const crashBeforeNote: PipelineTools = {
      ...real,
      addPrivateNote: async () => {
        throw new SimulatedCrash("died before posting the note");
      },
    };
    await expect(processorWith(crashBeforeNote)(job)).rejects.toBeInstanceOf(SimulatedCrash);
    const reloaded = (await queue.getJob(job.id!))!;
    await processorWith(real)(reloaded);
    expect(writes()).toEqual({ updates: 1, notes: 1 });
    const history = await createTriageResultStore(redis, prefix).history(ticketId);
    expect(history.map((run) => run.outcome)).toEqual(["triaged"]);
  });

  it("refuses a job whose data is not a triage job, and writes nothing", async () => {
    sandbox.sandbox.resetStats();
    const job = await queue.add("t", { ticketId: "12; DROP", event: "created" } as never);
    const attempt = processorWith(createPipelineTools(client))(job);
    await expect(attempt).rejects.toBeInstanceOf(BadRequestError);
    await expect(attempt).rejects.toThrow(/not a triage job/);
    expect(sandbox.sandbox.stats().totalRequests).toBe(0);
  });
});
