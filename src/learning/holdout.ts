import { decideFields } from "./decide.ts";
import { predictFields } from "./learn.ts";
import { type FieldDecision, type LabelledTicket, LEARNED_FIELDS, type LearnedModel } from "./types.ts";

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
  /** `fields`: the product's learned fields (Freshdesk's by default). */
  options: { targetPrecision: number; fields?: readonly string[] | undefined },
): Partial<Record<string, HoldoutFigures>> {
  const fields = options.fields ?? LEARNED_FIELDS;
  const tally = Object.fromEntries(
    fields.map((f) => [f, { n: 0, right: 0, applied: 0, appliedRight: 0 }]),
  ) as Record<string, { n: number; right: number; applied: number; appliedRight: number }>;
  for (const example of examples) {
    const predictions = predictFields(model, example);
    const decisions = decideFields(model, example, {
      targetPrecision: options.targetPrecision,
      predictions,
      fields,
    });
    for (const field of fields) {
      const label = example.labels[field];
      if (label === undefined || !model.fields[field]) continue;
      const t = tally[field] as (typeof tally)[string];
      t.n++;
      if (predictions[field]?.value === label) t.right++;
      const decision = decisions[field] as FieldDecision;
      if (decision.applied) {
        t.applied++;
        if (decision.value === label) t.appliedRight++;
      }
    }
  }
  const figures: Partial<Record<string, HoldoutFigures>> = {};
  for (const field of fields) {
    const t = tally[field] as (typeof tally)[string];
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
