import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { EvalSummary } from "../../src/eval/summary.ts";
import { generatedTickets } from "../learning/generated-tickets.ts";
import { startOpenAIFake } from "../support/openai-fake.ts";
import { runEval } from "./run-eval.ts";

const dir = mkdtempSync(join(tmpdir(), "eval-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PRIORITY_WORDS = ["Low", "Medium", "High", "Urgent"];
const tickets = generatedTickets(300);

function jsonl(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

const dataPath = jsonl(
  "tickets.jsonl",
  tickets.map((t) =>
    JSON.stringify({
      id: t.id,
      subject: t.subject,
      description: `<p>${t.description}</p>`,
      group: t.labels.group,
      type: t.labels.type,
      priority: PRIORITY_WORDS[(t.labels.priority ?? 1) - 1],
    }),
  ),
);

describe("npm run eval on labelled data", () => {
  it("cross-validates, writes one prediction line per record in input order, and a JSON summary", async () => {
    const predictions = join(dir, "predictions.jsonl");
    const report = join(dir, "report.html");
    const result = await runEval([
      "--data",
      dataPath,
      "--folds",
      "3",
      "--predictions",
      predictions,
      "--json",
      "--report",
      report,
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as EvalSummary;
    expect(summary.mode).toBe("folds");
    expect(summary.evaluated).toEqual(["group", "type", "priority"]);
    const group = summary.fields.find((f) => f.field === "group");
    expect(group?.accuracy).toBeGreaterThan(0.85);
    expect(group?.majorityBaseline).toBeCloseTo(0.25, 1);
    expect(group?.thresholds).toHaveLength(3);
    expect(group?.confusion.labels).toEqual(["Accounts", "Billing", "Shipping", "Technical"]);
    expect(group?.calibration).toHaveLength(10);

    const lines = readFileSync(predictions, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(tickets.length);
    expect(lines.map((l) => l.row)).toEqual(tickets.map((_, i) => i));
    const applied = lines.filter((l) => l.group.applied);
    // `applied` is decideFields' verdict: what was applied must be right as often as the summary says.
    expect(applied.length).toBe(group?.applied);
    const right = applied.filter((l) => l.group.value === tickets[l.row]?.labels.group).length;
    expect(right).toBe(group?.appliedRight);
    expect(lines[0].priority).toHaveProperty("confidence");

    const html = readFileSync(report, "utf8");
    expect(html).toContain("<svg");
    expect(html).toMatch(/Precision against coverage/);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
  });

  it("reads CSV with a real parser (quoted commas and line breaks) and prints the text report", async () => {
    const rows = tickets.slice(0, 120).map((t) => {
      const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
      return [
        quote(t.subject),
        quote(`${t.description},\n"quoted", more`),
        t.labels.group,
        t.labels.type,
        t.labels.priority,
      ].join(",");
    });
    const path = join(dir, "tickets.csv");
    writeFileSync(path, `subject,description,group,type,priority\n${rows.join("\n")}\n`);
    const result = await runEval(["--data", path, "--folds", "2"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/120 records, 120 usable/);
    expect(result.stdout).toMatch(/== group ==[\s\S]*top-1 accuracy[\s\S]*majority-class baseline/);
    expect(result.stdout).toMatch(/auto-applied/);
  });
});

describe("npm run eval --zero-shot", () => {
  it("applies nothing it cannot back, and says why", async () => {
    const taxonomy = join(dir, "taxonomy.json");
    writeFileSync(
      taxonomy,
      JSON.stringify({
        categories: [
          {
            name: "billing",
            label: "Billing",
            description: "Invoices, refunds, payments",
            keywords: ["invoice", "refund"],
            group: "Billing",
            type: "Question",
          },
          {
            name: "accounts",
            label: "Accounts",
            description: "Passwords and logins",
            keywords: ["password", "login"],
            group: "Accounts",
            type: "Incident",
          },
        ],
        fallbackCategory: "billing",
      }),
    );
    const predictions = join(dir, "zero.jsonl");
    const result = await runEval([
      "--data",
      dataPath,
      "--zero-shot",
      "--taxonomy",
      taxonomy,
      "--json",
      "--predictions",
      predictions,
    ]);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as EvalSummary;
    expect(summary.mode).toBe("zero-shot");
    for (const f of summary.fields) expect(f.applied).toBe(0);
    const group = summary.fields.find((f) => f.field === "group");
    expect(group?.reasons.not_enough_history).toBe(tickets.length);
    expect(group?.accuracy).toBeGreaterThan(0.3); // it still suggests: Billing and Accounts tickets match
    const first = JSON.parse(readFileSync(predictions, "utf8").split("\n")[0] as string);
    expect(first.group).toMatchObject({ applied: false, reason: "not_enough_history", confidence: null });
  });
});

describe("npm run eval --zero-shot with a taxonomy whose keywords mislead", () => {
  it("applies nothing, locally or with the language model, and its suggestions are mostly wrong", {
    timeout: 120_000,
  }, async () => {
    // An admin's keywords that point the wrong way for this data: billing words lead to the
    // Accounts group, login words to Billing, and ordinary words are called urgent.
    const taxonomy = join(dir, "misleading.json");
    writeFileSync(
      taxonomy,
      JSON.stringify({
        categories: [
          {
            name: "accounts",
            label: "Accounts",
            description: "Everything about money",
            keywords: ["invoice", "refund", "charged", "payment"],
            group: "Accounts",
            type: "Incident",
          },
          {
            name: "billing",
            label: "Billing",
            description: "Sign-in trouble",
            keywords: ["password", "login", "locked", "reset"],
            group: "Billing",
            type: "Question",
          },
          {
            name: "shipping",
            label: "Shipping",
            description: "Crashes and errors",
            keywords: ["error", "crash", "timeout", "bug"],
            group: "Shipping",
            type: "Question",
          },
        ],
        fallbackCategory: "accounts",
        urgentSignals: ["hello", "please", "thanks"],
      }),
    );
    const predictions = join(dir, "misleading.jsonl");
    const local = await runEval([
      "--data",
      dataPath,
      "--zero-shot",
      "--taxonomy",
      taxonomy,
      "--json",
      "--predictions",
      predictions,
    ]);
    expect(local.code).toBe(0);
    const summary = JSON.parse(local.stdout) as EvalSummary;
    for (const f of summary.fields) expect(f.applied).toBe(0);
    expect(summary.fields.find((f) => f.field === "group")?.accuracy).toBeLessThan(0.2);
    const lines = readFileSync(predictions, "utf8").trim().split("\n");
    expect(lines).toHaveLength(tickets.length);
    for (const line of lines) {
      const row = JSON.parse(line) as Record<string, { applied: boolean }>;
      expect([row.group?.applied, row.type?.applied, row.priority?.applied]).toEqual([false, false, false]);
    }

    // The language model, never measured on this account, applies nothing either.
    const fake = await startOpenAIFake();
    try {
      const withLlm = await runEval(
        ["--data", dataPath, "--zero-shot", "--taxonomy", taxonomy, "--engine", "llm", "--json"],
        { OPENAI_API_KEY: "sk-test", OPENAI_BASE_URL: fake.baseUrl, OPENAI_MODEL: "fake-model" },
      );
      expect(withLlm.code).toBe(0);
      const llmSummary = JSON.parse(withLlm.stdout) as EvalSummary;
      expect(fake.requests.length).toBeGreaterThan(0);
      for (const f of llmSummary.fields) expect(f.applied).toBe(0);
    } finally {
      await fake.close();
    }
  });
});

describe("npm run eval on bad input", () => {
  it("names a missing file", async () => {
    const result = await runEval(["--data", join(dir, "nope.jsonl")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/No such file: .*nope\.jsonl/);
  });

  it("skips a malformed line, naming it, or stops at it with --strict", async () => {
    const lines = tickets
      .slice(0, 60)
      .map((t) => JSON.stringify({ subject: t.subject, description: t.description, group: t.labels.group }));
    lines.splice(4, 0, "{broken json");
    const path = jsonl("malformed.jsonl", lines);
    const predictions = join(dir, "malformed-predictions.jsonl");
    const lenient = await runEval(["--data", path, "--folds", "2", "--predictions", predictions]);
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toMatch(/skipped: line 5 is not valid JSON/);
    const written = readFileSync(predictions, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(written).toHaveLength(61);
    expect(written[4]).toEqual({ row: 4, error: "line 5 is not valid JSON" });

    const strict = await runEval(["--data", path, "--strict"]);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toMatch(/line 5 is not valid JSON/);
  });

  it("warns about unknown priority words and leaves rows without a label out of that field", async () => {
    const lines = tickets.slice(0, 80).map((t, i) =>
      JSON.stringify({
        subject: t.subject,
        description: t.description,
        group: t.labels.group,
        priority: i === 3 ? "whenever" : i % 2 ? t.labels.priority : undefined,
      }),
    );
    const result = await runEval(["--data", jsonl("priorities.jsonl", lines), "--folds", "2", "--json"]);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as EvalSummary;
    expect(summary.data.warnings[0]).toMatch(/line 4: unknown priority "whenever"/);
    const priority = summary.fields.find((f) => f.field === "priority");
    expect(priority?.n).toBe(39); // 40 odd rows, one of them with the unknown word
    expect(priority?.unlabelled).toBe(41);
    expect(summary.fields.find((f) => f.field === "type")?.note).toBe("no labelled rows for this field");
  });

  it("exits non-zero when nothing could be evaluated (fewer than two classes)", async () => {
    const lines = tickets
      .slice(0, 40)
      .map((t) => JSON.stringify({ subject: t.subject, description: t.description, group: "Only" }));
    const result = await runEval(["--data", jsonl("one-class.jsonl", lines), "--folds", "2"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/fewer than two classes/);
    expect(result.stderr).toMatch(/Nothing could be evaluated/);
  });

  it("rejects bad options with a clear message", async () => {
    expect((await runEval(["--data", dataPath, "--folds", "1"])).stderr).toMatch(
      /--folds must be a whole number from 2 to 50/,
    );
    expect((await runEval(["--data", dataPath, "--engine", "gpt"])).stderr).toMatch(
      /--engine must be local or llm/,
    );
    expect((await runEval(["--data", dataPath, "--zero-shot"])).stderr).toMatch(
      /--zero-shot needs --taxonomy FILE/,
    );
    expect((await runEval(["--data", dataPath, "--engine", "llm"])).stderr).toMatch(/needs OPENAI_API_KEY/);
    const badEnv = await runEval(["--data", dataPath], { TRIAGE_TARGET_PRECISION: "2" });
    expect(badEnv.code).toBe(2);
    expect(badEnv.stderr).toMatch(/TRIAGE_TARGET_PRECISION/);
  });
});
