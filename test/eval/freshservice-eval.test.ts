import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadCsv, loadJsonl } from "../../src/eval/load.ts";
import type { EvalSummary } from "../../src/eval/summary.ts";
import { FRESHSERVICE_LEARNED_FIELDS } from "../../src/learning/types.ts";
import { generatedItTickets } from "../learning/generated-it-tickets.ts";
import { runEval } from "./run-eval.ts";

const dir = mkdtempSync(join(tmpdir(), "eval-fs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LEVELS = ["Low", "Medium", "High"];
const PRIORITIES = ["Low", "Medium", "High", "Urgent"];
const tickets = generatedItTickets(300);
const csvCell = (value: unknown) => `"${String(value ?? "").replaceAll('"', '""')}"`;
/** A Freshservice export as people write one: header words, level names instead of numbers. */
const csvPath = join(dir, "it-tickets.csv");
writeFileSync(
  csvPath,
  [
    "Subject,Description,Category,Sub Category,Item Category,Urgency,Impact,Priority,Group,Type",
    ...tickets.map((t) =>
      [
        t.subject,
        t.description,
        t.labels.category,
        t.labels.sub_category,
        t.labels.item_category,
        LEVELS[Number(t.labels.urgency) - 1],
        LEVELS[Number(t.labels.impact) - 1],
        PRIORITIES[Number(t.labels.priority) - 1],
        t.labels.group,
        t.labels.type,
      ]
        .map(csvCell)
        .join(","),
    ),
  ].join("\n"),
);

describe("loading Freshservice labels", () => {
  it("sees Freshservice from its columns and reads level words; Freshdesk files stay Freshdesk", () => {
    const data = loadCsv(
      [
        "Subject,Description,Category,Sub-Category,Item,Urgency,Impact,Priority",
        "VPN down,cannot connect,Network,VPN,Remote Access,High,2,Urgent",
        "Mouse,broken,Hardware,,,soon,Low,",
      ].join("\n"),
    );
    expect(data.product).toBe("freshservice");
    expect(data.rows[0]?.ticket?.labels).toMatchObject({
      category: "Network",
      sub_category: "VPN",
      item_category: "Remote Access",
      urgency: 3,
      impact: 2,
      priority: 4,
    });
    expect(data.rows[1]?.ticket?.labels).toMatchObject({ category: "Hardware", impact: 1 });
    expect(data.rows[1]?.ticket?.labels.urgency).toBeUndefined();
    expect(data.warnings).toEqual([
      'line 3: unknown urgency "soon" (use 1–3 or Low, Medium, High); left out of the urgency figures',
    ]);
    expect(loadJsonl('{"subject":"a","description":"b","group":"Billing"}').product).toBe("freshdesk");
    // Asked for Freshdesk, the Freshservice columns are not read.
    const asFreshdesk = loadJsonl('{"subject":"a","description":"b","category":"Hardware"}', {
      product: "freshdesk",
    });
    expect(asFreshdesk.product).toBe("freshdesk");
    expect(asFreshdesk.rows[0]?.ticket?.labels.category).toBeUndefined();
  });
});

describe("npm run eval on Freshservice labels", () => {
  it("auto-detects Freshservice and measures every field against its majority baseline on held-out folds", async () => {
    const predictions = join(dir, "predictions.jsonl");
    const result = await runEval(["--data", csvPath, "--folds", "3", "--json", "--predictions", predictions]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as EvalSummary;
    expect(summary.product).toBe("freshservice");
    expect(summary.evaluated).toEqual([...FRESHSERVICE_LEARNED_FIELDS]);
    for (const field of summary.fields) {
      expect(field.n, field.field).toBe(300);
      expect(field.thresholds, field.field).toHaveLength(3);
      expect(field.majorityBaseline, field.field).toBeGreaterThan(0);
    }
    const item = summary.fields.find((f) => f.field === "item_category");
    expect(item?.majorityBaseline).toBeCloseTo(0.1, 1);
    expect(item?.accuracy).toBeGreaterThan(0.85);
    expect(summary.fields.find((f) => f.field === "urgency")?.classes).toEqual([1, 2, 3]);

    const lines = readFileSync(predictions, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(300);
    expect(Object.keys(lines[0])).toEqual(["row", ...FRESHSERVICE_LEARNED_FIELDS]);
    const applied = lines.filter((l) => l.category.applied);
    const category = summary.fields.find((f) => f.field === "category");
    expect(applied.length).toBe(category?.applied);
  });

  it("prints the product's fields, and --product picks whose fields are measured", async () => {
    const text = await runEval(["--data", csvPath, "--folds", "2"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      /Fields: Freshservice's category, sub_category, item_category, urgency, impact/,
    );
    expect(text.stdout).toMatch(/== sub_category ==[\s\S]*majority-class baseline/);

    const asFreshdesk = await runEval([
      "--data",
      csvPath,
      "--folds",
      "2",
      "--json",
      "--product",
      "freshdesk",
    ]);
    expect(asFreshdesk.code).toBe(0);
    expect((JSON.parse(asFreshdesk.stdout) as EvalSummary).evaluated).toEqual(["group", "type", "priority"]);

    const wrong = await runEval(["--data", csvPath, "--product", "zendesk"]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/--product must be freshdesk or freshservice, not "zendesk"/);
  });
});
