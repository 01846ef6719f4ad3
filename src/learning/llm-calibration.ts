import {
  type FieldPredictions,
  type FieldValue,
  type LabelledTicket,
  LEARNED_FIELDS,
  type LlmCalibration,
  type LlmFieldCalibration,
} from "./types.ts";

/**
 * How often the language model was right on a sample of labelled history, split by whether it
 * agreed with the learned model. `decideFields` applies an LLM answer only where these counts
 * give a lower confidence bound at the target, so the LLM is calibrated the same way the model is.
 * The model's predictions must come from a model that did not train on the sample rows.
 */
export type LlmSample = {
  labels: LabelledTicket["labels"];
  llm: Partial<Record<(typeof LEARNED_FIELDS)[number], { value: FieldValue }>>;
  model: FieldPredictions;
};

export function measureLlm(samples: readonly LlmSample[]): LlmCalibration {
  const calibration: LlmCalibration = {};
  for (const field of LEARNED_FIELDS) {
    const counts: LlmFieldCalibration = {
      agree: { n: 0, correct: 0 },
      disagree: { n: 0, correct: 0 },
      alone: { n: 0, correct: 0 },
    };
    let any = false;
    for (const sample of samples) {
      const label = sample.labels[field];
      const answer = sample.llm[field];
      if (label === undefined || !answer) continue;
      any = true;
      const own = sample.model[field];
      const bucket = !own ? counts.alone : same(own.value, answer.value) ? counts.agree : counts.disagree;
      bucket.n++;
      if (same(answer.value, label)) bucket.correct++;
    }
    if (any) calibration[field] = counts;
  }
  return calibration;
}

function same(a: FieldValue, b: FieldValue): boolean {
  return String(a).toLowerCase() === String(b).toLowerCase();
}
