import { decideFields } from "./decide.ts";
import { predictFields } from "./learn.ts";
import { type LabelledTicket, LEARNED_FIELDS, type LearnedField, type LearnedModel } from "./types.ts";

export type HoldoutFigures = {
  /** Top-1 accuracy on labelled rows. */
  accuracy: number;
  /** Share right among applied values; null when nothing was applied. */
  precision: number | null;
  /** Share of labelled rows where the value was applied. */
  coverage: number;
  n: number;
};

/** How a model does on rows it was not trained on, through the same decision the worker makes. */
export function evaluateHoldout(
  model: LearnedModel,
  examples: readonly LabelledTicket[],
  options: { targetPrecision: number },
): Partial<Record<LearnedField, HoldoutFigures>> {
  const tally = Object.fromEntries(
    LEARNED_FIELDS.map((f) => [f, { n: 0, right: 0, applied: 0, appliedRight: 0 }]),
  ) as Record<LearnedField, { n: number; right: number; applied: number; appliedRight: number }>;
  for (const example of examples) {
    const predictions = predictFields(model, example);
    const decisions = decideFields(model, example, { targetPrecision: options.targetPrecision, predictions });
    for (const field of LEARNED_FIELDS) {
      const label = example.labels[field];
      if (label === undefined || !model.fields[field]) continue;
      const t = tally[field];
      t.n++;
      if (predictions[field]?.value === label) t.right++;
      const decision = decisions[field];
      if (decision.applied) {
        t.applied++;
        if (decision.value === label) t.appliedRight++;
      }
    }
  }
  const figures: Partial<Record<LearnedField, HoldoutFigures>> = {};
  for (const field of LEARNED_FIELDS) {
    const t = tally[field];
    if (t.n === 0) continue;
    figures[field] = {
      accuracy: t.right / t.n,
      precision: t.applied ? t.appliedRight / t.applied : null,
      coverage: t.applied / t.n,
      n: t.n,
    };
  }
  return figures;
}
