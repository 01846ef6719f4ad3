import { compareValues } from "../learning/model.ts";
import { type FieldDecision, type FieldValue, LEARNED_FIELDS } from "../learning/types.ts";
import type { LoadedRow } from "./load.ts";

/**
 * Per-field figures from held-out decisions: what `npm run eval` prints, writes as JSON and
 * draws in the HTML report.
 */

export type RowOutcome = {
  row: number;
  /** By learned field of the product (Freshdesk: group, type, priority). */
  decisions?: Partial<Record<string, FieldDecision>> | undefined;
  /** The engine's own top score per field, before calibration (for the precision/coverage curve). */
  scores?: Partial<Record<string, number>> | undefined;
  error?: string | undefined;
};

export type CalibrationRow = {
  lo: number;
  hi: number;
  n: number;
  meanConfidence: number | null;
  accuracy: number | null;
};

export type FieldFigures = {
  field: string;
  /** Labelled rows evaluated for this field. */
  n: number;
  /** Rows without a label for this field (left out of its figures). */
  unlabelled: number;
  classes: FieldValue[];
  accuracy: number;
  /** Always answering the most common value. */
  majorityBaseline: number;
  majorityValue: FieldValue | null;
  /** Threshold chosen in each fold (null: the field is never applied in that fold). */
  thresholds: Array<number | null>;
  /** Share of rows where the value was applied, and the share right among those. */
  coverage: number;
  precision: number | null;
  applied: number;
  appliedRight: number;
  reasons: Record<string, number>;
  /** confusion[actual][predicted] = count; "(none)" when nothing was predicted. */
  confusion: { labels: string[]; counts: number[][] };
  /** Held-out rows binned by the confidence shown (the measured precision): shown vs observed. */
  calibration: CalibrationRow[];
  /** Rows sorted by the engine's score: precision among the top share, for every share. */
  precisionCoverage: Array<{ coverage: number; precision: number; threshold: number }>;
  /** Why this field has no figures, when n is 0 or it has fewer than two classes. */
  note?: string | undefined;
};

export function fieldFigures(
  field: string,
  rows: readonly LoadedRow[],
  outcomes: readonly RowOutcome[],
  thresholds: Array<number | null>,
): FieldFigures {
  const byRow = new Map(outcomes.map((o) => [o.row, o]));
  const pairs: Array<{ label: FieldValue; outcome: RowOutcome }> = [];
  let unlabelled = 0;
  for (const row of rows) {
    if (!row.ticket) continue;
    const label = row.ticket.labels[field];
    const outcome = byRow.get(row.row);
    if (label === undefined) {
      unlabelled++;
      continue;
    }
    if (outcome?.decisions) pairs.push({ label, outcome });
  }
  const counts = new Map<FieldValue, number>();
  for (const p of pairs) counts.set(p.label, (counts.get(p.label) ?? 0) + 1);
  const classes = [...counts.keys()].sort(compareValues);
  let majorityValue: FieldValue | null = null;
  for (const [value, n] of counts)
    if (majorityValue === null || n > (counts.get(majorityValue) ?? 0)) majorityValue = value;

  const n = pairs.length;
  let right = 0;
  let applied = 0;
  let appliedRight = 0;
  const reasons: Record<string, number> = {};
  const labelNames = classes.map(String);
  const predictedNames = new Set<string>();
  for (const { label, outcome } of pairs) {
    const d = decisionOf(outcome, field);
    if (d.value !== null && same(d.value, label)) right++;
    if (d.applied) {
      applied++;
      if (d.value !== null && same(d.value, label)) appliedRight++;
    }
    reasons[d.reason] = (reasons[d.reason] ?? 0) + 1;
    predictedNames.add(d.value === null ? "(none)" : String(d.value));
  }
  const confusionLabels = [
    ...labelNames,
    ...[...predictedNames].filter((p) => !labelNames.includes(p)).sort(),
  ];
  const index = new Map(confusionLabels.map((l, i) => [l, i]));
  const matrix = confusionLabels.map(() => confusionLabels.map(() => 0));
  for (const { label, outcome } of pairs) {
    const d = decisionOf(outcome, field);
    const r = index.get(String(label)) as number;
    const c = index.get(d.value === null ? "(none)" : String(d.value)) as number;
    (matrix[r] as number[])[c] = ((matrix[r] as number[])[c] as number) + 1;
  }

  const note =
    n === 0
      ? "no labelled rows for this field"
      : classes.length < 2
        ? "fewer than two classes: nothing to learn"
        : undefined;
  return {
    field,
    n,
    unlabelled,
    classes,
    accuracy: n ? right / n : 0,
    majorityBaseline: n && majorityValue !== null ? (counts.get(majorityValue) as number) / n : 0,
    majorityValue,
    thresholds,
    coverage: n ? applied / n : 0,
    precision: applied ? appliedRight / applied : null,
    applied,
    appliedRight,
    reasons,
    confusion: { labels: confusionLabels, counts: matrix },
    calibration: calibrationTable(field, pairs),
    precisionCoverage: precisionCoverage(field, pairs),
    note,
  };
}

function calibrationTable(
  field: string,
  pairs: ReadonlyArray<{ label: FieldValue; outcome: RowOutcome }>,
): CalibrationRow[] {
  const bins = Array.from({ length: 10 }, (_, i) => ({
    lo: i / 10,
    hi: (i + 1) / 10,
    n: 0,
    sum: 0,
    right: 0,
  }));
  for (const { label, outcome } of pairs) {
    const d = decisionOf(outcome, field);
    if (d.precision === null || d.value === null) continue;
    const bin = bins[Math.min(9, Math.floor(d.precision * 10))] as (typeof bins)[number];
    bin.n++;
    bin.sum += d.precision;
    if (same(d.value, label)) bin.right++;
  }
  return bins.map((b) => ({
    lo: b.lo,
    hi: b.hi,
    n: b.n,
    meanConfidence: b.n ? b.sum / b.n : null,
    accuracy: b.n ? b.right / b.n : null,
  }));
}

function precisionCoverage(
  field: string,
  pairs: ReadonlyArray<{ label: FieldValue; outcome: RowOutcome }>,
): FieldFigures["precisionCoverage"] {
  const scored = pairs
    .map(({ label, outcome }) => {
      const d = decisionOf(outcome, field);
      return { score: outcome.scores?.[field], right: d.value !== null && same(d.value, label) };
    })
    .filter((s): s is { score: number; right: boolean } => s.score !== undefined)
    .sort((a, b) => b.score - a.score);
  const points: FieldFigures["precisionCoverage"] = [];
  let right = 0;
  const step = Math.max(1, Math.floor(scored.length / 100));
  scored.forEach((s, i) => {
    if (s.right) right++;
    if ((i + 1) % step === 0 || i === scored.length - 1) {
      points.push({ coverage: (i + 1) / pairs.length, precision: right / (i + 1), threshold: s.score });
    }
  });
  return points;
}

/** `fields`: the product's learned fields (Freshdesk's by default). */
export function allFieldFigures(
  rows: readonly LoadedRow[],
  outcomes: readonly RowOutcome[],
  thresholds: Partial<Record<string, Array<number | null>>>,
  fields: readonly string[] = LEARNED_FIELDS,
): FieldFigures[] {
  return fields.map((f) => fieldFigures(f, rows, outcomes, thresholds[f] ?? []));
}

const UNDECIDED: FieldDecision = {
  value: null,
  precision: null,
  applied: false,
  reason: "no_prediction",
  source: "none",
};

/** The row's decision for the field; a field the run did not decide counts as no prediction. */
function decisionOf(outcome: RowOutcome, field: string): FieldDecision {
  return outcome.decisions?.[field] ?? UNDECIDED;
}

function same(a: FieldValue, b: FieldValue): boolean {
  return String(a) === String(b);
}
