import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decideHeldOut } from "../../src/eval/evaluate.ts";
import { createAccountDirectory, createFreshdeskClient } from "../../src/freshdesk/index.ts";
import {
  type LabelledTicket,
  LEARNED_FIELDS,
  type LearnedField,
  type LearnedModel,
  learn,
} from "../../src/learning/index.ts";
import { silentLogger } from "../../src/logger.ts";
import { createAuditLog } from "../../src/mcp/audit.ts";
import { connectInProcessClient } from "../../src/mcp/in-process-client.ts";
import { pipelinePolicy } from "../../src/mcp/pipeline-policy.ts";
import { createConfiguredClassifier, DEFAULT_TAXONOMY } from "../../src/triage/index.ts";
import { createAccountSnapshotCache } from "../../workers/account-snapshot.ts";
import { createCompanyLookup } from "../../workers/company-lookup.ts";
import { type DecideDeps, decide } from "../../workers/decide.ts";
import { testRedis } from "../support/redis.ts";
import { type SandboxServer, startSandboxServer } from "../support/sandbox-server.ts";
import { ticket } from "../triage/ticket-fixture.ts";

/**
 * `npm run eval --predictions` reports `applied` per field; the worker must do exactly that for
 * the same ticket text. Here the account's agents do not treat "outage" or angry wording as
 * urgent (an outage of a payment provider is a billing matter), so the taxonomy's urgent wording
 * and a very negative tone must not raise the priority unless this history backs it.
 */

const GROUPS: Record<string, { words: string[]; type: string; priority: 1 | 2 | 3 | 4 }> = {
  Billing: {
    words: ["invoice", "refund", "charged", "payment", "receipt", "vat", "card", "subscription"],
    type: "Question",
    priority: 2,
  },
  "Technical Support": {
    words: ["crash", "error", "timeout", "slow", "sync", "api", "exception", "login"],
    type: "Incident",
    priority: 3,
  },
  Product: {
    words: ["feature", "roadmap", "suggestion", "export", "dashboard", "idea", "widget", "integration"],
    type: "Feature Request",
    priority: 1,
  },
};
const FILLER = ["hello", "team", "please", "thanks", "today", "again", "our", "we", "need", "help", "with"];
const MISLEADING = ["after the outage yesterday", "this is terrible and awful, worst service ever, furious"];

function history(count: number, seed: number): LabelledTicket[] {
  let state = seed;
  const random = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const names = Object.keys(GROUPS);
  return Array.from({ length: count }, (_, i) => {
    const group = names[i % names.length] as string;
    const spec = GROUPS[group]!;
    const words = [
      ...Array.from({ length: 3 }, () => pick(spec.words)),
      ...Array.from({ length: 5 }, () => pick(FILLER)),
      ...(random() < 0.3 ? [pick(MISLEADING)] : []),
    ].sort(() => random() - 0.5);
    // A few labels another agent would have set differently, as in a real helpdesk.
    const noisy = random() < 0.06;
    return {
      id: i + 1,
      subject: `${pick(spec.words)} ${pick(FILLER)}`,
      description: words.join(" "),
      labels: {
        group: noisy ? pick(names) : group,
        type: spec.type,
        priority: noisy ? pick([1, 2, 3, 4] as const) : spec.priority,
      },
    };
  });
}

describe("the worker applies exactly what eval reports as applied", () => {
  const { redis, prefix, close } = testRedis();
  let sandbox: SandboxServer;
  let client: Client;
  let model: LearnedModel;

  beforeAll(async () => {
    sandbox = await startSandboxServer({ plan: "unlimited" });
    const freshdesk = createFreshdeskClient({ baseUrl: sandbox.baseUrl, apiKey: sandbox.apiKey });
    client = await connectInProcessClient(
      {
        freshdesk,
        directory: createAccountDirectory(freshdesk),
        audit: createAuditLog({ redis, key: `${prefix}:audit` }),
        logger: silentLogger(),
        cursorSecret: "decide-matches-eval-cursor-secret",
      },
      pipelinePolicy(),
    );
    // Trained as eval trains each fold (and as the learner does): the taxonomy's urgent wording is measured.
    model = learn(history(450, 7), {
      targetPrecision: 0.9,
      seed: 1,
      urgentSignals: DEFAULT_TAXONOMY.urgentSignals,
    });
  });
  afterAll(async () => {
    await client?.close();
    await sandbox?.close();
    await close();
  });

  const deps = (): DecideDeps => ({
    account: createAccountSnapshotCache(client),
    companies: createCompanyLookup(client),
    classifier: createConfiguredClassifier({
      openai: { apiKey: undefined, baseUrl: undefined, model: "none", timeoutMs: 1000 },
      taxonomy: DEFAULT_TAXONOMY,
    }),
    taxonomy: DEFAULT_TAXONOMY,
    learning: {
      models: { current: async () => ({ version: 1, model, learnedFrom: 450 }) },
      targetPrecision: 0.9,
      applyUnmeasured: false,
    },
    redis,
    keyPrefix: prefix,
    portalUrl: sandbox.baseUrl,
  });

  it("gives the same applied set for group, type and priority on the same tickets", {
    timeout: 60_000,
  }, async () => {
    // The urgent wording was measured on this history and found wanting: never applied here.
    expect(model.rules?.urgent?.n).toBeGreaterThan(20);
    expect(model.rules?.urgent?.lowerBound).toBeLessThan(0.9);

    const tickets = history(60, 99);
    let withMisleadingWords = 0;
    let appliedSomewhere = 0;
    for (const [i, labelled] of tickets.entries()) {
      const text = { subject: labelled.subject, description: labelled.description };
      if (MISLEADING.some((phrase) => text.description.includes(phrase))) withMisleadingWords++;
      const evaluated = decideHeldOut(model, text, {
        targetPrecision: 0.9,
        applyUnmeasured: false,
      }).decisions;
      const decision = await decide(deps(), {
        ticket: ticket({ id: 900 + i, subject: text.subject, descriptionText: text.description }),
        fromHint: false,
        previous: undefined,
        jobId: `job-${i}`,
        contentHash: "c".repeat(64),
        mode: "apply",
        now: new Date("2025-03-03T10:00:00Z"),
      });
      // The ticket starts as Freshdesk creates it (Low, no group, no type): an applied Low is no change.
      const evalApplied = (field: LearnedField) =>
        evaluated[field].applied && !(field === "priority" && evaluated.priority.value === 1);
      const workerApplied: Record<LearnedField, boolean> = {
        group: (decision.applied ?? []).includes("group"),
        type: (decision.applied ?? []).includes("type"),
        priority: (decision.applied ?? []).includes("priority"),
      };
      for (const field of LEARNED_FIELDS) {
        expect({ ticket: i, field, applied: workerApplied[field] }).toEqual({
          ticket: i,
          field,
          applied: evalApplied(field),
        });
        expect(decision.decisions?.[field]?.applied).toBe(evaluated[field].applied);
        if (workerApplied[field]) appliedSomewhere++;
      }
      if (workerApplied.priority) expect(decision.update.priority).toBe(evaluated.priority.value);
      if (workerApplied.type) expect(decision.update.type).toBe(evaluated.type.value);
      if (workerApplied.group) expect(decision.group?.name).toBe(evaluated.group.value);
    }
    expect(withMisleadingWords).toBeGreaterThan(10);
    expect(appliedSomewhere).toBeGreaterThan(30);
  });

  it("keeps the account-data rules eval cannot see, with their own reasons, and never lowers a person's priority", async () => {
    const text = {
      subject: "invoice again",
      descriptionText: "hello refund charged please thanks after the outage yesterday",
    };
    const dueSoon = await decide(deps(), {
      ticket: ticket({ id: 990, ...text, frDueBy: "2025-03-03T10:30:00Z" }),
      fromHint: false,
      previous: undefined,
      jobId: "job-sla",
      contentHash: "d".repeat(64),
      mode: "apply",
      now: new Date("2025-03-03T10:00:00Z"),
    });
    expect(dueSoon.update.priority).toBe(3);
    expect(dueSoon.priority?.reason).toMatch(/first response SLA due within 30 min/);
    expect(dueSoon.priority?.reason).not.toMatch(/outage/);

    const raisedByPerson = await decide(deps(), {
      ticket: ticket({ id: 991, ...text, priority: 4 }),
      fromHint: false,
      previous: undefined,
      jobId: "job-person",
      contentHash: "e".repeat(64),
      mode: "apply",
      now: new Date("2025-03-03T10:00:00Z"),
    });
    expect(raisedByPerson.update.priority).toBeUndefined();
    expect(raisedByPerson.priority?.value).toBe(4);
    expect(raisedByPerson.priority?.reason).toMatch(/set by a person/);
  });
});
