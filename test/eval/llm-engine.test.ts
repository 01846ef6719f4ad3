import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EvalSummary } from "../../src/eval/summary.ts";
import { generatedTickets } from "../learning/generated-tickets.ts";
import { type OpenAIFake, startOpenAIFake } from "../support/openai-fake.ts";
import { runEval } from "./run-eval.ts";

const dir = mkdtempSync(join(tmpdir(), "eval-llm-"));
let fake: OpenAIFake;
beforeAll(async () => {
  fake = await startOpenAIFake();
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

const tickets = generatedTickets(160);
const dataPath = join(dir, "tickets.jsonl");
writeFileSync(
  dataPath,
  tickets
    .map((t) =>
      JSON.stringify({
        subject: t.subject,
        description: t.description,
        group: t.labels.group,
        priority: t.labels.priority,
      }),
    )
    .join("\n"),
);

function env(): Record<string, string> {
  return { OPENAI_API_KEY: "test-key", OPENAI_BASE_URL: fake.baseUrl, OPENAI_MODEL: "fake-model" };
}

describe("npm run eval --engine llm", () => {
  it("asks the model with the most similar past tickets and their labels, calibrates it, and reports the cost", async () => {
    fake.requests.length = 0;
    const result = await runEval(
      ["--data", dataPath, "--folds", "2", "--engine", "llm", "--llm-calibration-rows", "20", "--json"],
      env(),
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as EvalSummary;
    // 2 folds × 20 calibration rows + every held-out row.
    expect(summary.llm?.calls).toBe(40 + tickets.length);
    expect(fake.requests).toHaveLength(40 + tickets.length);
    expect(summary.llm?.inputTokens).toBe(100 * (40 + tickets.length));
    expect(summary.llm?.usd).toBeCloseTo(((100 * 0.15 + 50 * 0.6) / 1e6) * (40 + tickets.length), 8);

    const prompt = fake.requests[0]?.body.messages?.map((m) => m.content).join("\n") ?? "";
    expect(prompt).toContain("<<<PAST_TICKETS>>>");
    expect(prompt).toMatch(/agents' labels: group (Billing|Accounts|Technical|Shipping)/);

    // The fake answers the same group for every ticket: wrong three times in four. Where it
    // disagrees with the learned model the field is only suggested, so what is applied stays right.
    const group = summary.fields.find((f) => f.field === "group");
    expect(group?.reasons.engines_disagree).toBeGreaterThan(0);
    expect(group?.precision).toBeGreaterThanOrEqual(0.9);
  });

  it("stops calling the model when the budget is spent", async () => {
    fake.requests.length = 0;
    const perCall = (100 * 0.15 + 50 * 0.6) / 1e6;
    const result = await runEval(
      [
        "--data",
        dataPath,
        "--folds",
        "2",
        "--engine",
        "llm",
        "--budget-usd",
        String(perCall * 10.5),
        "--json",
      ],
      env(),
    );
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as EvalSummary;
    expect(summary.llm?.calls).toBe(11);
    expect(fake.requests).toHaveLength(11);
    expect(summary.llm?.skipped).toBeGreaterThan(0);
    expect(summary.evaluated).toContain("group");
  });
});
