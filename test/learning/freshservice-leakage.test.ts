import { describe, expect, it } from "vitest";
import { crossValidate } from "../../src/eval/evaluate.ts";
import { allFieldFigures, type FieldFigures } from "../../src/eval/figures.ts";
import type { LoadedRow } from "../../src/eval/load.ts";
import { FRESHSERVICE_LEARNED_FIELDS, type LabelledTicket } from "../../src/learning/types.ts";
import { generatedItTickets, shuffledItLabels } from "./generated-it-tickets.ts";

const FS = FRESHSERVICE_LEARNED_FIELDS;

async function evaluate(tickets: LabelledTicket[]): Promise<Record<string, FieldFigures>> {
  const rows: LoadedRow[] = tickets.map((ticket, i) => ({ row: i, line: i + 1, ticket }));
  const run = await crossValidate(rows, {
    folds: 5,
    targetPrecision: 0.9,
    applyUnmeasured: false,
    seed: 3,
    urgentSignals: ["outage"],
    llmCalibrationRows: 0,
    similarK: 0,
    fields: FS,
  });
  const figures = allFieldFigures(rows, run.outcomes, run.thresholds, FS);
  return Object.fromEntries(figures.map((f) => [f.field, f]));
}

describe("no leakage between folds, on Freshservice's fields", () => {
  const tickets = generatedItTickets(600);

  it("learns the real labels (the control: the signal is there)", async () => {
    const figures = await evaluate(tickets);
    expect(Object.keys(figures)).toEqual([...FS]);
    for (const field of ["category", "sub_category", "item_category", "group"]) {
      expect(figures[field]?.accuracy, field).toBeGreaterThan(0.9);
      expect(figures[field]?.applied, field).toBeGreaterThan(0);
      expect(figures[field]?.precision, field).toBeGreaterThanOrEqual(0.9);
    }
    for (const field of ["urgency", "impact", "type"]) {
      expect(figures[field]?.accuracy, field).toBeGreaterThan((figures[field]?.majorityBaseline ?? 1) + 0.1);
    }
  });

  it("with shuffled labels, every field falls to its majority baseline and nothing is applied", async () => {
    const figures = await evaluate(shuffledItLabels(tickets));
    for (const field of FS) {
      const f = figures[field] as FieldFigures;
      expect(f.n, field).toBe(600);
      // A model that saw held-out labels would beat always answering the most common value.
      expect(f.accuracy, field).toBeLessThan(f.majorityBaseline + 0.08);
      expect(f.applied, field).toBe(0);
    }
  });
});
