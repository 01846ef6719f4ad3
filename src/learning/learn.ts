import { containsPhrase, normalizeText } from "../triage/text.ts";
import { calibrate, type ScoredOutcome, wilsonLowerBound } from "./calibration.ts";
import { plainText, type SparseVector, ticketFeatures } from "./features.ts";
import { stratifiedFolds } from "./folds.ts";
import { rankClasses, textEvidence, trainClassifier } from "./model.ts";
import {
  type FieldPredictions,
  type FieldValue,
  type LabelledTicket,
  LEARNED_FIELDS,
  type LearnedFieldModel,
  type LearnedModel,
  type RuleCalibration,
  type TicketText,
} from "./types.ts";

/**
 * Training one classifier per field and measuring, on rows it did not see, how far its scores
 * can be trusted. The threshold is chosen on out-of-fold predictions of the training rows
 * (inner folds), then the classifier is refitted on every row.
 */

export type LearnOptions = {
  targetPrecision: number;
  seed?: number | undefined;
  /** Fewer labelled rows than this for a field → no model for it ("not enough history"). */
  minPerField?: number | undefined;
  /** Inner folds used to measure the scores; 3 by default. */
  innerFolds?: number | undefined;
  /** Phrases that make a ticket urgent (the taxonomy's); measured against the priority labels. */
  urgentSignals?: readonly string[] | undefined;
  /** Clock for `trainedAt`. */
  now?: Date | undefined;
  /** The fields to learn: the product's learned fields (Freshdesk's by default). */
  fields?: readonly string[] | undefined;
};

export const DEFAULT_MIN_PER_FIELD = 30;
const DEFAULT_INNER_FOLDS = 3;

export function learn(examples: readonly LabelledTicket[], options: LearnOptions): LearnedModel {
  const vectors = examples.map((e) => ticketFeatures(e));
  const fields: LearnedModel["fields"] = {};
  const fieldList = options.fields ?? LEARNED_FIELDS;
  for (const field of fieldList) {
    const fieldModel = learnField(field, examples, vectors, options);
    if (fieldModel) fields[field] = fieldModel;
  }
  // The urgent wording speaks of priority only, whatever the product.
  const urgent =
    options.urgentSignals?.length && fieldList.includes("priority")
      ? measureUrgentRule(examples, options.urgentSignals)
      : undefined;
  return {
    formatVersion: 1,
    trainedAt: (options.now ?? new Date()).toISOString(),
    exampleCount: examples.length,
    fields,
    ...(urgent ? { rules: { urgent } } : {}),
  };
}

function learnField(
  field: string,
  examples: readonly LabelledTicket[],
  vectors: readonly SparseVector[],
  options: LearnOptions,
): LearnedFieldModel | undefined {
  const rows: number[] = [];
  const labels: FieldValue[] = [];
  examples.forEach((e, i) => {
    const label = e.labels[field];
    if (label === undefined || label === null || label === "") return;
    rows.push(i);
    labels.push(label);
  });
  const minimum = options.minPerField ?? DEFAULT_MIN_PER_FIELD;
  if (rows.length < minimum || new Set(labels).size < 2) return undefined;

  const seed = options.seed ?? 1;
  const innerFolds = options.innerFolds ?? DEFAULT_INNER_FOLDS;
  const assignment = stratifiedFolds(labels, innerFolds, seed);
  const outcomes: ScoredOutcome[] = [];
  for (let fold = 0; fold < innerFolds; fold++) {
    const trainX: SparseVector[] = [];
    const trainY: FieldValue[] = [];
    const testIdx: number[] = [];
    rows.forEach((row, i) => {
      if (assignment[i] === fold) testIdx.push(i);
      else {
        trainX.push(vectors[row] as SparseVector);
        trainY.push(labels[i] as FieldValue);
      }
    });
    if (testIdx.length === 0 || new Set(trainY).size < 2) continue;
    const classifier = trainClassifier(trainX, trainY, { seed: seed + fold });
    for (const i of testIdx) {
      const vector = vectors[rows[i] as number] as SparseVector;
      const top = rankClasses(classifier, vector)[0];
      if (top)
        outcomes.push({
          score: top.score,
          correct: top.value === labels[i],
          evidence: textEvidence(classifier, vector),
        });
    }
  }
  const classifier = trainClassifier(
    rows.map((r) => vectors[r] as SparseVector),
    labels,
    { seed },
  );
  return { classifier, calibration: calibrate(outcomes, options.targetPrecision), labelled: rows.length };
}

function measureUrgentRule(examples: readonly LabelledTicket[], phrases: readonly string[]): RuleCalibration {
  let n = 0;
  let correct = 0;
  for (const e of examples) {
    if (e.labels.priority === undefined) continue;
    if (!urgentSignal(e, phrases)) continue;
    n++;
    if (e.labels.priority === 4) correct++;
  }
  return { phrases: [...phrases], value: 4, n, correct, lowerBound: wilsonLowerBound(correct, n) };
}

/** The first urgent phrase the ticket mentions. */
export function urgentSignal(ticket: TicketText, phrases: readonly string[]): string | undefined {
  const text = normalizeText(`${plainText(ticket.subject)}\n${plainText(ticket.description)}`);
  return phrases.find((phrase) => containsPhrase(text, phrase));
}

export function predictFields(model: LearnedModel, ticket: TicketText): FieldPredictions {
  const vector = ticketFeatures(ticket);
  const predictions: FieldPredictions = {};
  for (const [field, fieldModel] of Object.entries(model.fields)) {
    if (!fieldModel) continue;
    const ranked = rankClasses(fieldModel.classifier, vector);
    const top = ranked[0];
    if (top)
      predictions[field] = {
        value: top.value,
        score: top.score,
        ranked,
        evidence: textEvidence(fieldModel.classifier, vector),
      };
  }
  return predictions;
}
