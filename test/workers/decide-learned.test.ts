import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccountDirectory, createFreshdeskClient } from "../../src/freshdesk/index.ts";
import { type LabelledTicket, type LearnedModel, learn } from "../../src/learning/index.ts";
import { silentLogger } from "../../src/logger.ts";
import { createAuditLog } from "../../src/mcp/audit.ts";
import { connectInProcessClient } from "../../src/mcp/in-process-client.ts";
import { pipelinePolicy } from "../../src/mcp/pipeline-policy.ts";
import { createConfiguredClassifier, DEFAULT_TAXONOMY, type TicketSnapshot } from "../../src/triage/index.ts";
import { createAccountSnapshotCache } from "../../workers/account-snapshot.ts";
import { createCompanyLookup } from "../../workers/company-lookup.ts";
import { type DecideDeps, decide, type LearningDeps } from "../../workers/decide.ts";
import { createSimilarTickets } from "../../workers/similar-tickets.ts";
import { type OpenAIFake, startOpenAIFake } from "../support/openai-fake.ts";
import { testRedis } from "../support/redis.ts";
import { type SandboxServer, startSandboxServer } from "../support/sandbox-server.ts";
import { ticket } from "../triage/ticket-fixture.ts";

/** A small labelled history: billing and technical tickets, told apart by their words. */
function history(): LabelledTicket[] {
  const billing = [
    "invoice",
    "refund",
    "charged",
    "twice",
    "payment",
    "card",
    "receipt",
    "billing",
    "VAT",
    "price",
  ];
  const technical = ["error", "crash", "outage", "slow", "bug", "sync", "timeout", "API", "500", "broken"];
  const neutral = ["please", "help", "today", "account", "team", "again", "urgent", "thanks", "still", "why"];
  let state = 42;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const words = (from: string[], n: number) =>
    Array.from({ length: n }, () => from[Math.floor(random() * from.length)]);
  const text = (own: string[]) =>
    [...words(own, 3), ...words(neutral, 3)].sort(() => random() - 0.5).join(" ");
  const rows: LabelledTicket[] = [];
  for (let i = 0; i < 200; i++) {
    rows.push({
      id: i * 2,
      subject: text(billing),
      description: text(billing),
      labels: { group: "Billing" },
    });
    rows.push({
      id: i * 2 + 1,
      subject: text(technical),
      description: text(technical),
      labels: { group: "Technical Support" },
    });
  }
  return rows;
}

const BILLING_TICKET: Partial<TicketSnapshot> = {
  id: 501,
  subject: "Charged twice on my invoice, please refund",
  descriptionText: "My card payment was charged twice for the same invoice. Please refund one of them.",
};

describe("decide with the account's learned model", () => {
  const { redis, prefix, close } = testRedis();
  let sandbox: SandboxServer;
  let client: Client;
  let llm: OpenAIFake;
  let model: LearnedModel;
  let billingId: number;
  const examples = history();

  beforeAll(async () => {
    sandbox = await startSandboxServer({ plan: "unlimited" });
    const freshdesk = createFreshdeskClient({ baseUrl: sandbox.baseUrl, apiKey: sandbox.apiKey });
    client = await connectInProcessClient(
      {
        freshdesk,
        directory: createAccountDirectory(freshdesk),
        audit: createAuditLog({ redis, key: `${prefix}:audit` }),
        logger: silentLogger(),
        cursorSecret: "decide-learned-cursor-secret",
      },
      pipelinePolicy(),
    );
    model = learn(examples, { targetPrecision: 0.9, seed: 1 });
    llm = await startOpenAIFake();
    const groups = (await fetch(`${sandbox.baseUrl}/api/v2/groups`, {
      headers: { Authorization: `Basic ${Buffer.from(`${sandbox.apiKey}:X`).toString("base64")}` },
    }).then((r) => r.json())) as Array<{ id: number; name: string }>;
    billingId = groups.find((g) => g.name === "Billing")!.id;
  });
  afterAll(async () => {
    await client.close();
    await llm.close();
    await sandbox.close();
    await close();
  });

  function deps(learning: LearningDeps, withLlm = false): DecideDeps {
    return {
      account: createAccountSnapshotCache(client),
      companies: createCompanyLookup(client),
      classifier: createConfiguredClassifier({
        openai: withLlm
          ? { apiKey: "sk-test", baseUrl: llm.baseUrl, model: "fake-model", timeoutMs: 5000 }
          : { apiKey: undefined, baseUrl: undefined, model: "none", timeoutMs: 1000 },
        taxonomy: DEFAULT_TAXONOMY,
      }),
      taxonomy: DEFAULT_TAXONOMY,
      learning,
      redis,
      keyPrefix: prefix,
      portalUrl: sandbox.baseUrl,
    };
  }
  const models = (version: number) => ({
    current: async () => ({ version, model, learnedFrom: examples.length, trainedAt: model.trainedAt }),
  });
  const run = (d: DecideDeps, overrides: Partial<TicketSnapshot> = BILLING_TICKET) =>
    decide(d, {
      ticket: ticket(overrides),
      fromHint: false,
      previous: undefined,
      jobId: "job-1",
      contentHash: "a".repeat(64),
      mode: "apply",
      now: new Date("2025-03-03T10:00:00Z"),
    });

  it("routes with the learned model where it measured the target precision, and the note shows that precision", async () => {
    expect(model.fields.group?.calibration.threshold).not.toBeNull();
    const decision = await run(deps({ models: models(7), targetPrecision: 0.9, applyUnmeasured: false }));
    const group = decision.decisions?.group;
    expect(group).toMatchObject({ value: "Billing", applied: true, reason: "calibrated", modelVersion: 7 });
    expect(group?.precision).toBeGreaterThanOrEqual(0.9);
    expect(decision.update.group_id).toBe(billingId);
    expect(decision.model).toMatchObject({ version: 7, learnedFrom: 400 });
    const shown = `${Math.round(group!.precision! * 100)}%`;
    expect(decision.noteHtml).toContain(`group none → Billing (measured precision ${shown})`);
    expect(decision.noteHtml).toContain("learned model v7 (from 400 tickets)");
    // Type and priority have no labelled history here: suggested, never applied.
    expect(decision.decisions?.type?.reason).toBe("not_enough_history");
    expect(decision.update.type).toBeUndefined();
    expect(decision.noteHtml).toMatch(/priority Low → \w+ — suggested: not enough history to measure/);
  });

  it("applies nothing from the classifier without history, and says why", async () => {
    const decision = await run(deps({ targetPrecision: 0.9, applyUnmeasured: false }));
    expect(decision.update.group_id).toBeUndefined();
    expect(decision.update.priority).toBeUndefined();
    expect(decision.decisions?.group).toMatchObject({ value: "Billing", applied: false, precision: null });
    expect(decision.decisions?.group?.reason).toBe("not_enough_history");
    expect(decision.model).toBeNull();
    expect(decision.noteHtml).toContain("group none → Billing — suggested: not enough history to measure");
    expect(decision.noteHtml).toContain("no model learned from this account yet");
    expect(decision.noteHtml).not.toMatch(/\d+%/);
  });

  it("applies unmeasured values only when the operator opts in", async () => {
    const decision = await run(deps({ targetPrecision: 0.9, applyUnmeasured: true }));
    expect(decision.update.group_id).toBe(billingId);
  });

  it("applies urgent wording only where this account's history backs it, with the rule's own reason", async () => {
    const outage = {
      id: 502,
      subject: "Production is down",
      descriptionText: "Since 09:00 every request returns a 500 error. Production is down for all users.",
    };
    // No history: the wording is not measured, so the priority is only suggested.
    const unmeasured = await run(deps({ targetPrecision: 0.9, applyUnmeasured: false }), outage);
    expect(unmeasured.update.priority).toBeUndefined();
    expect(unmeasured.noteHtml).toMatch(/priority Low → Urgent — suggested: not enough history to measure/);

    // A history where the tickets mentioning an outage were Urgent: the rule is measured and applied.
    const urgentHistory = examples.map((e) => ({
      ...e,
      labels: { ...e.labels, priority: /outage/i.test(`${e.subject} ${e.description}`) ? 4 : 2 },
    })) as LabelledTicket[];
    const measured = learn(urgentHistory, {
      targetPrecision: 0.9,
      seed: 1,
      urgentSignals: DEFAULT_TAXONOMY.urgentSignals,
    });
    expect(measured.rules?.urgent?.lowerBound).toBeGreaterThanOrEqual(0.9);
    const decision = await run(
      deps({
        models: { current: async () => ({ version: 8, model: measured, learnedFrom: urgentHistory.length }) },
        targetPrecision: 0.9,
        applyUnmeasured: false,
      }),
      outage,
    );
    expect(decision.update.priority).toBe(4);
    expect(decision.noteHtml).toMatch(/priority Low → Urgent \(rule: mentions/);
    expect(decision.decisions?.priority).toMatchObject({ applied: true, reason: "rule" });
  });

  it("shows the language model similar past tickets, and suggests only where it disagrees with the learned model", async () => {
    llm.setMode("ok");
    llm.setScriptedAnswer({
      category: "technical_issue",
      confidence: 0.99,
      sentiment: "neutral",
      language: "en",
      priority: { value: 2, reason: "fake" },
      flag: "none",
      summary: "A ticket.",
      suggestedReply: "Hello",
    });
    const before = llm.requests.length;
    const decision = await run(
      deps(
        {
          models: models(7),
          targetPrecision: 0.9,
          applyUnmeasured: false,
          similar: createSimilarTickets({ examples: { all: async () => examples }, models: models(7) }),
        },
        true,
      ),
    );
    expect(decision.engine).toBe("openai:fake-model");
    expect(decision.decisions?.group).toMatchObject({ applied: false, reason: "engines_disagree" });
    expect(decision.update.group_id).toBeUndefined();
    expect(decision.noteHtml).toContain("the language model and the learned model disagree");
    const prompt = llm.requests
      .slice(before)
      .flatMap((r) => r.body.messages ?? [])
      .map((m) => m.content)
      .join("\n");
    expect(prompt).toContain("<<<PAST_TICKETS>>>");
    expect(prompt).toContain("agents' labels: group Billing");
  });

  it("applies where the language model agrees with a measured decision", async () => {
    llm.setScriptedAnswer({
      category: "billing_inquiry",
      confidence: 0.4,
      sentiment: "neutral",
      language: "en",
      priority: { value: 2, reason: "fake" },
      flag: "none",
      summary: "A ticket.",
      suggestedReply: "Hello",
    });
    const decision = await run(
      deps({ models: models(7), targetPrecision: 0.9, applyUnmeasured: false }, true),
    );
    expect(decision.decisions?.group).toMatchObject({ value: "Billing", applied: true, source: "both" });
    expect(decision.update.group_id).toBe(billingId);
  });
});
