import { describe, expect, it } from "vitest";
import { crossValidate } from "../../src/eval/evaluate.ts";
import { allFieldFigures } from "../../src/eval/figures.ts";
import type { LoadedRow } from "../../src/eval/load.ts";
import type { LabelledTicket } from "../../src/learning/types.ts";
import { generatedTickets, shuffledLabels } from "./generated-tickets.ts";

function asRows(tickets: LabelledTicket[]): LoadedRow[] {
  return tickets.map((ticket, i) => ({ row: i, line: i + 1, ticket }));
}

async function evaluate(tickets: LabelledTicket[]) {
  const rows = asRows(tickets);
  const run = await crossValidate(rows, {
    folds: 5,
    targetPrecision: 0.9,
    applyUnmeasured: false,
    seed: 3,
    urgentSignals: ["outage"],
    llmCalibrationRows: 0,
    similarK: 0,
  });
  return Object.fromEntries(allFieldFigures(rows, run.outcomes, run.thresholds).map((f) => [f.field, f]));
}

describe("no leakage between folds", () => {
  const tickets = generatedTickets(600);

  it("learns the real labels (the control: the signal is there)", async () => {
    const figures = await evaluate(tickets);
    expect(figures.group?.accuracy).toBeGreaterThan(0.9);
    expect(figures.group?.applied).toBeGreaterThan(0);
    expect(figures.group?.precision).toBeGreaterThanOrEqual(0.9);
  });

  it("with shuffled labels, accuracy falls to chance and nothing is auto-applied", async () => {
    const figures = await evaluate(shuffledLabels(tickets));
    // Four equally common groups: chance is 25 %. A model that saw held-out labels would do far better.
    expect(figures.group?.accuracy).toBeLessThan(0.35);
    // Two types (about even) and priorities dominated by one value: no better than the majority.
    expect(figures.type?.accuracy).toBeLessThan((figures.type?.majorityBaseline ?? 0) + 0.08);
    expect(figures.priority?.accuracy).toBeLessThan((figures.priority?.majorityBaseline ?? 0) + 0.08);
    for (const field of ["group", "type", "priority"] as const) expect(figures[field]?.applied).toBe(0);
  });
});
