import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFreshserviceDirectory } from "../../src/freshservice/account-directory.ts";
import { createFreshserviceClient, type FreshserviceClient } from "../../src/freshservice/index.ts";
import { createExamplesStore } from "../../src/learning/examples-store.ts";
import { syncFreshserviceHistory } from "../../src/learning/freshservice-history-sync.ts";
import { learn } from "../../src/learning/learn.ts";
import { FRESHSERVICE_LEARNED_FIELDS, type LearnedModel } from "../../src/learning/types.ts";
import { silentLogger } from "../../src/logger.ts";
import { createAuditLog } from "../../src/mcp/audit.ts";
import { connectInProcessClient } from "../../src/mcp/in-process-client.ts";
import { createMetrics } from "../../src/metrics/metrics.ts";
import { TRIAGE_QUEUE, type TriageJob } from "../../src/queue/triage-queue.ts";
import { createTriageResultStore } from "../../src/queue/triage-results.ts";
import { parsePriorityMatrix, priorityFromMatrix } from "../../src/triage/freshservice/index.ts";
import { freshservicePipelinePolicy } from "../../workers/freshservice/pipeline-policy.ts";
import { createFreshserviceProcessor } from "../../workers/freshservice/processor.ts";
import {
  type FreshserviceSandboxServer,
  startFreshserviceSandboxServer,
} from "../support/freshservice-sandbox-server.ts";
import { testRedis } from "../support/redis.ts";

const PORTAL_URL = "https://acme.freshservice.com";

/** The account's priority matrix as an admin might set it (impact → urgency → priority). */
const MATRIX = parsePriorityMatrix({
  low: { low: 1, medium: 1, high: 2 },
  medium: { low: 1, medium: 2, high: 3 },
  high: { low: 2, medium: 3, high: 4 },
});

/**
 * Triage with a model learned from the sandbox's labelled history (read through filter_tickets
 * by the history sync): fields are applied only where held-out history measured the target
 * precision, each with that precision in the note, and priority follows the priority matrix.
 */
describe("Freshservice triage with a learned model", () => {
  const { redis, prefix, close: closeRedis } = testRedis();
  let sandbox: FreshserviceSandboxServer;
  let freshservice: FreshserviceClient;
  let client: Client;
  let queue: Queue<TriageJob>;
  let model: LearnedModel;
  let learnedFrom: number;

  beforeAll(async () => {
    sandbox = await startFreshserviceSandboxServer({ plan: "unlimited", history: true });
    // The client retries as the service's does: learning keeps the process busy long enough for
    // an idle keep-alive connection to be closed under the next call.
    freshservice = createFreshserviceClient({ baseUrl: sandbox.baseUrl, apiKey: sandbox.apiKey });
    client = await connectInProcessClient(
      {
        freshservice,
        directory: createFreshserviceDirectory(freshservice),
        audit: createAuditLog({ redis, key: `${prefix}:audit` }),
        logger: silentLogger(),
        cursorSecret: "fs-learned-cursor-secret-0123456789",
        portalUrl: PORTAL_URL,
      },
      freshservicePipelinePolicy(),
    );
    queue = new Queue<TriageJob>(TRIAGE_QUEUE, { connection: redis, prefix });
    const examples = createExamplesStore({
      redis,
      prefix,
      account: "fs-learned",
      maxExamples: 10_000,
    });
    await syncFreshserviceHistory({ client, store: examples, days: 400, maxTickets: 5000 });
    const all = await examples.all();
    learnedFrom = all.length;
    model = learn(all, { targetPrecision: 0.9, fields: FRESHSERVICE_LEARNED_FIELDS });
  }, 120_000);
  afterAll(async () => {
    await client?.close();
    await queue?.close();
    await sandbox?.close();
    await closeRedis();
  });

  it("applies measured fields, priority from the matrix, and names each field's measured precision", async () => {
    expect(learnedFrom).toBeGreaterThan(1000);
    const { processor, warmUp } = createFreshserviceProcessor({
      client,
      redis: redis,
      keyPrefix: prefix,
      mode: "apply",
      portalUrl: PORTAL_URL,
      results: createTriageResultStore(redis, prefix),
      learning: {
        models: { current: async () => ({ version: 7, model, learnedFrom }) },
        targetPrecision: 0.9,
        applyUnmeasured: false,
      },
      priorityMatrix: MATRIX,
      metrics: createMetrics(),
    });
    await warmUp();
    const requester = (await freshservice.requesters.list({ perPage: 1 })).items[0]!;
    const { id } = await freshservice.tickets.create({
      subject: "My laptop won't boot",
      description:
        "<p>My MacBook won't boot. I press the power button and nothing happens, the screen stays black.</p>",
      email: requester.primary_email!,
      status: 2,
      priority: 1,
    });
    const job = await queue.add("t", {
      ticketId: id,
      event: "created",
      receivedAt: new Date().toISOString(),
    });
    expect(await processor(job)).toEqual({ outcome: "triaged" });

    const ticket = await freshservice.tickets.get(id);
    const run = (await createTriageResultStore(redis, prefix).latest(id))!;
    const applied = run.applied ?? [];
    // The intent is unmistakable: its category path and group are learned well (the type,
    // Incident, is what the ticket already has).
    expect(applied).toEqual(expect.arrayContaining(["category", "sub_category", "group"]));
    expect(ticket.type).toBe("Incident");
    expect(ticket.category).toBe("Hardware");
    expect(ticket.sub_category).toBe("Computer");
    expect(ticket.group_id).toBe(run.group?.id);
    expect(run.group?.name).toBe("Hardware");
    if (applied.includes("priority")) {
      expect(ticket.priority).toBe(
        priorityFromMatrix(MATRIX, ticket.impact as 1 | 2 | 3, ticket.urgency as 1 | 2 | 3),
      );
    }
    const note = (await freshservice.conversations.list(id)).items.find((c) => c.private)!;
    const text = note.body_text ?? "";
    expect(text).toMatch(/category none → Hardware: applied \(measured precision \d+%\)/);
    expect(text).toContain("learned model v7");
    for (const field of ["urgency", "impact"]) {
      // Each is either applied or only suggested, and either way its measured precision is shown.
      expect(text).toMatch(
        new RegExp(
          `${field} [^:]+: (applied|suggested, [^(]+|already set)( \\(measured precision \\d+%\\))?`,
        ),
      );
    }
    expect(text).toMatch(/Priority: \w+ from impact \w+ × urgency \w+ in the account's priority matrix/);
    // The laptop the ticket is about; "the screen stays black" is the laptop's, not a monitor.
    expect(text).toMatch(/\(asset #\d+\): the ticket mentions a (laptop|macbook)/);
    expect(text).not.toContain("mentions a screen");
  });
});
