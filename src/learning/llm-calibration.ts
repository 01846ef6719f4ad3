import { learn, predictFields } from "./learn.ts";
import { mulberry32, shuffle } from "./model.ts";
import { buildSimilarIndex, similarTickets } from "./similar.ts";
import {
  type FieldPredictions,
  type FieldValue,
  type LabelledTicket,
  LEARNED_FIELDS,
  type LearnedModel,
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
  llm: Partial<Record<string, { value: FieldValue }>>;
  model: FieldPredictions;
};

/** `fields`: the product's learned fields (Freshdesk's by default). */
export function measureLlm(
  samples: readonly LlmSample[],
  fields: readonly string[] = LEARNED_FIELDS,
): LlmCalibration {
  const calibration: LlmCalibration = {};
  for (const field of fields) {
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

export type LlmAsk = (
  ticket: LabelledTicket,
  similar: readonly LabelledTicket[],
) => Promise<Partial<Record<string, { value: FieldValue }>> | undefined>;

/**
 * Calibrates the language model on a sample of the account's history, as `npm run eval` does per
 * fold: the sample is held out of a model fitted on the other rows (so agreement is measured
 * against predictions made without seeing it), and each sampled ticket is asked with its most
 * similar other tickets, as in the worker. `ask` returns undefined for a failed or unaffordable
 * call; the caller decides the budget through `sampleSize` and by refusing calls in `ask`.
 */
export async function calibrateLlmOnHistory(
  examples: readonly LabelledTicket[],
  options: {
    ask: LlmAsk;
    sampleSize: number;
    targetPrecision: number;
    seed?: number;
    similarK?: number;
    /** The product's learned fields (Freshdesk's by default). */
    fields?: readonly string[] | undefined;
    /** Fits the comparison model; in-process by default (the service passes its training thread). */
    train?: (
      rows: readonly LabelledTicket[],
      options: { targetPrecision: number; seed: number; fields?: readonly string[] | undefined },
    ) => Promise<LearnedModel>;
  },
): Promise<LlmCalibration> {
  const order = examples.map((_, i) => i);
  shuffle(order, mulberry32(options.seed ?? 1));
  const take = Math.min(options.sampleSize, Math.floor(examples.length / 4));
  const sample = order.slice(0, take).map((i) => examples[i] as LabelledTicket);
  const rest = order.slice(take).map((i) => examples[i] as LabelledTicket);
  const trainModel = options.train ?? (async (rows, o) => learn(rows, o));
  const model = await trainModel(rest, {
    targetPrecision: options.targetPrecision,
    seed: options.seed ?? 1,
    ...(options.fields ? { fields: options.fields } : {}),
  });
  const index = buildSimilarIndex(rest);
  const samples: LlmSample[] = [];
  for (const ticket of sample) {
    const similar = similarTickets(index, ticket, options.similarK ?? 5).map((s) => s.ticket);
    const answer = await options.ask(ticket, similar);
    if (answer) samples.push({ labels: ticket.labels, llm: answer, model: predictFields(model, ticket) });
  }
  return measureLlm(samples, options.fields);
}
