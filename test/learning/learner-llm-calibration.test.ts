import { randomUUID } from "node:crypto";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { createAccountDirectory, createFreshdeskClient } from "../../src/freshdesk/index.ts";
import { createRateGovernor } from "../../src/freshdesk/rate-governor.ts";
import type { LearnRunReport } from "../../src/learning/learn-run.ts";
import { createLearner } from "../../src/learning/learner.ts";
import type { ModelVersion } from "../../src/learning/model-registry.ts";
import { silentLogger } from "../../src/logger.ts";
import { createAuditLog } from "../../src/mcp/audit.ts";
import type { McpServerDeps } from "../../src/mcp/deps.ts";
import { connectInProcessClient } from "../../src/mcp/in-process-client.ts";
import { pipelinePolicy } from "../../src/mcp/pipeline-policy.ts";
import { createConfiguredClassifier, DEFAULT_TAXONOMY, type TicketSnapshot } from "../../src/triage/index.ts";
import { createAccountSnapshotCache } from "../../workers/account-snapshot.ts";
import { createCompanyLookup } from "../../workers/company-lookup.ts";
import { type CurrentModel, decide } from "../../workers/decide.ts";
import { type OpenAIFake, startOpenAIFake } from "../support/openai-fake.ts";
import { testRedis } from "../support/redis.ts";
import { type SandboxServer, startSandboxServer } from "../support/sandbox-server.ts";
import { ticket } from "../triage/ticket-fixture.ts";

/**
 * With a language model configured, each learning run calibrates it on a budgeted sample of the
 * account's history (as `npm run eval --engine llm` does) and stores that calibration with the
 * model version; the worker's decision then uses it.
 */

/** The fake model always answers "billing": right on billing tickets, wrong on all others. */
const BILLING_ANSWER = {
  category: "billing_inquiry",
  confidence: 0.99,
  sentiment: "neutral",
  language: "en",
  priority: { value: 2, reason: "fake" },
  flag: "none",
  summary: "A ticket.",
  suggestedReply: "Hello",
};

const BILLING_TICKET: Partial<TicketSnapshot> = {
  id: 701,
  subject: "Charged twice for invoice INV-2291, please refund",
  descriptionText:
    "Hello, my card was charged twice for the same invoice this month. Please refund the duplicate payment.",
};
const TECHNICAL_TICKET: Partial<TicketSnapshot> = {
  id: 702,
  subject: "The mobile app crashes when I open the timesheet screen",
  descriptionText:
    "Since the last update the app crashes every time I open timesheets. I reinstalled it, same error.",
};

describe("learning calibrates the language model", () => {
  const { redis, prefix, close } = testRedis();
  let sandbox: SandboxServer;
  let llm: OpenAIFake;
  let client: Client;
  const closers: Array<() => Promise<unknown>> = [];

  beforeAll(async () => {
    sandbox = await startSandboxServer({ plan: "unlimited", history: true });
    llm = await startOpenAIFake();
    llm.setScriptedAnswer(BILLING_ANSWER);
    const freshdesk = createFreshdeskClient({ baseUrl: sandbox.baseUrl, apiKey: sandbox.apiKey });
    client = await connectInProcessClient(
      {
        freshdesk,
        directory: createAccountDirectory(freshdesk),
        audit: createAuditLog({ redis, key: `${prefix}:audit` }),
        logger: silentLogger(),
        cursorSecret: "learner-llm-cursor-secret-012345",
      },
      pipelinePolicy(),
    );
  });
  afterAll(async () => {
    for (const closeOne of closers.reverse()) await closeOne();
    await client?.close();
    await llm?.close();
    await sandbox?.close();
    await close();
  });

  async function learnWith(env: Record<string, string>) {
    const config = loadConfig({
      NODE_ENV: "test",
      FRESHDESK_DOMAIN: sandbox.baseUrl,
      FRESHDESK_API_KEY: sandbox.apiKey,
      OPENAI_API_KEY: "sk-test",
      OPENAI_BASE_URL: llm.baseUrl,
      OPENAI_MODEL: "fake-model",
      ...env,
    });
    const account = `llm-${randomUUID().slice(0, 8)}`;
    const accountGovernor = createRateGovernor({
      redis,
      account,
      share: config.freshdesk.rateShare,
      limitPerWindow: config.freshdesk.rateLimitPerMinute,
      windowMs: config.freshdesk.rateWindowMs,
      keyPrefix: prefix,
    });
    const learner = await createLearner({
      config,
      redis,
      prefix,
      account,
      freshdeskBaseUrl: sandbox.baseUrl,
      accountGovernor,
      mcp: {
        audit: createAuditLog({ redis, key: `${prefix}:audit` }),
        logger: silentLogger(),
        cursorSecret: "learner-llm-cursor-secret-012345",
      } as unknown as McpServerDeps,
    });
    closers.push(() => learner.close());
    const before = llm.requests.length;
    const outcome = await learner.learn();
    if (!outcome.ran) throw new Error(outcome.reason);
    return {
      report: outcome.report as LearnRunReport,
      current: (await learner.registry.current()) as ModelVersion,
      calls: llm.requests.length - before,
    };
  }

  function decideWith(current: CurrentModel, overrides: Partial<TicketSnapshot>) {
    return decide(
      {
        account: createAccountSnapshotCache(client),
        companies: createCompanyLookup(client),
        classifier: createConfiguredClassifier({
          openai: { apiKey: "sk-test", baseUrl: llm.baseUrl, model: "fake-model", timeoutMs: 5000 },
          taxonomy: DEFAULT_TAXONOMY,
        }),
        taxonomy: DEFAULT_TAXONOMY,
        learning: { models: { current: async () => current }, targetPrecision: 0.9, applyUnmeasured: false },
        redis,
        keyPrefix: prefix,
        portalUrl: sandbox.baseUrl,
      },
      {
        ticket: ticket(overrides),
        fromHint: false,
        previous: undefined,
        jobId: "job-llm",
        contentHash: "b".repeat(64),
        mode: "apply",
        now: new Date("2025-03-03T10:00:00Z"),
      },
    );
  }

  it("stores the calibration with the model version, and the worker applies the language model only as measured", {
    timeout: 120_000,
  }, async () => {
    const { report, current, calls } = await learnWith({ LEARN_LLM_SAMPLE: "60" });
    // A sample of the history was asked, within the sample size.
    expect(calls).toBe(60);
    expect(report.llm?.spend).toMatchObject({ asked: 60, answered: 60, skipped: 0 });
    const group = current.llmCalibration?.group;
    expect(group).toBeDefined();
    // (Sampled tickets without a group label are left out of the group's counts.)
    expect(group!.agree.n + group!.disagree.n + group!.alone.n).toBeGreaterThan(50);
    // Always "Billing": right where the learned model also says Billing, wrong where it does not.
    expect(group!.agree.n).toBeGreaterThan(0);
    expect(group!.agree.correct / group!.agree.n).toBeGreaterThan(0.8);
    expect(group!.disagree.n).toBeGreaterThan(20);
    expect(group!.disagree.correct / group!.disagree.n).toBeLessThan(0.3);

    // Agreeing with the learned model on a billing ticket: applied by both engines.
    const billing = await decideWith(current, BILLING_TICKET);
    expect(billing.engine).toBe("openai:fake-model");
    expect(billing.decisions?.group).toMatchObject({ value: "Billing", applied: true, source: "both" });
    expect(billing.update.group_id).toBeDefined();

    // Disagreeing on a technical ticket: calibration measured it wrong then, so only suggested.
    const technical = await decideWith(current, TECHNICAL_TICKET);
    expect(technical.decisions?.group).toMatchObject({ applied: false, reason: "engines_disagree" });
    expect(technical.update.group_id).toBeUndefined();

    // Unless calibration says otherwise: measured right even when disagreeing, it is applied.
    const trusted: CurrentModel = {
      ...current,
      llmCalibration: {
        ...current.llmCalibration,
        group: { agree: group!.agree, disagree: { n: 80, correct: 80 }, alone: group!.alone },
      },
    };
    const overruled = await decideWith(trusted, TECHNICAL_TICKET);
    expect(overruled.decisions?.group).toMatchObject({ value: "Billing", applied: true, source: "llm" });
  });

  it("promotes the learned model when the language model fails, with nothing measured for it", {
    timeout: 120_000,
  }, async () => {
    llm.setMode("500");
    try {
      const { report, current, calls } = await learnWith({ LEARN_LLM_SAMPLE: "5" });
      expect(calls).toBeGreaterThanOrEqual(5);
      expect(report.promotion.promoted).toBe(true);
      expect(report.llm?.spend).toMatchObject({ asked: 5, answered: 0 });
      expect(current.llmCalibration).toEqual({});
    } finally {
      llm.setMode("ok");
    }
  });

  it("stops asking once the run's budget is spent", { timeout: 120_000 }, async () => {
    // The fake reports 100 input and 50 output tokens a call: 0.000045 US$ at the default prices.
    const { report, current, calls } = await learnWith({
      LEARN_LLM_SAMPLE: "40",
      LEARN_LLM_BUDGET_USD: "0.0001",
    });
    expect(calls).toBe(3);
    expect(report.llm?.spend.skipped).toBe(37);
    expect(report.llm?.spend.usd).toBeLessThan(0.0002);
    const group = current.llmCalibration?.group;
    expect(group!.agree.n + group!.disagree.n + group!.alone.n).toBeLessThanOrEqual(3);
  });
});
