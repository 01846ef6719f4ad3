import type { Product } from "../product.ts";

/**
 * The shapes shared by training, calibration, decisions and `npm run eval`. A learned model is
 * plain JSON-serialisable data, so it can be versioned in Redis and read back in another process.
 *
 * Which ticket fields are learned depends on the product: every part takes the product's field
 * list (`learnedFieldsFor`), Freshdesk's by default.
 */

/** Freshdesk: the group's name, the ticket type and the priority (1–4). */
export const LEARNED_FIELDS = ["group", "type", "priority"] as const;
export type LearnedField = (typeof LEARNED_FIELDS)[number];

/**
 * Freshservice: the three category levels (strings), urgency and impact (1–3), priority (1–4),
 * the group's name and the type ("Incident", "Service Request").
 */
export const FRESHSERVICE_LEARNED_FIELDS = [
  "category",
  "sub_category",
  "item_category",
  "urgency",
  "impact",
  "priority",
  "group",
  "type",
] as const;
export type FreshserviceLearnedField = (typeof FRESHSERVICE_LEARNED_FIELDS)[number];

/** A learned field of any product. */
export type AnyLearnedField = LearnedField | FreshserviceLearnedField;
export const ALL_LEARNED_FIELDS: readonly AnyLearnedField[] = [
  ...new Set<AnyLearnedField>([...LEARNED_FIELDS, ...FRESHSERVICE_LEARNED_FIELDS]),
];

export function learnedFieldsFor(product: "freshdesk"): typeof LEARNED_FIELDS;
export function learnedFieldsFor(product: "freshservice"): typeof FRESHSERVICE_LEARNED_FIELDS;
export function learnedFieldsFor(product: Product): readonly AnyLearnedField[];
export function learnedFieldsFor(product: Product): readonly AnyLearnedField[] {
  return product === "freshservice" ? FRESHSERVICE_LEARNED_FIELDS : LEARNED_FIELDS;
}

export type FieldValue = string | number;

/**
 * A ticket's labels by field name. Group, type and priority mean the same in both products;
 * the others (Freshservice's category levels, urgency, impact) are looked up by name.
 */
export type Labels = {
  group?: string | undefined;
  type?: string | undefined;
  priority?: 1 | 2 | 3 | 4 | undefined;
} & { [field: string]: FieldValue | undefined };

export type LabelledTicket = {
  id?: string | number | undefined;
  subject: string;
  /** Plain text or HTML. */
  description: string;
  tags?: string[] | undefined;
  createdAt?: string | undefined;
  labels: Labels;
};

export type TicketText = { subject: string; description: string };

/** One bin of the reliability table: held-out predictions whose score fell in [lo, hi). */
export type CalibrationBin = { lo: number; hi: number; n: number; correct: number };

export type HeldOutFigures = {
  /** Share right among held-out predictions at or above the threshold; null when none reached it. */
  precision: number | null;
  /** Share of held-out rows at or above the threshold. */
  coverage: number;
  /** Top-1 accuracy on all held-out rows. */
  accuracy: number;
  n: number;
};

export type FieldCalibration = {
  /** Lowest score whose lower confidence bound of precision reached the target; null = never apply. */
  threshold: number | null;
  targetPrecision: number;
  /** Score → measured precision, monotone (isotonic over the held-out predictions). */
  curve: Array<{ score: number; precision: number }>;
  bins: CalibrationBin[];
  heldOut: HeldOutFigures;
  /**
   * The least text evidence (`textEvidence`: how far apart the ticket's words put the classes)
   * this calibration speaks for: held-out history had too few tickets with less to measure them.
   * Below it a score is mostly the classes' base rates. Absent in models learned before it was
   * measured.
   */
  minEvidence?: number | undefined;
};

/** A linear softmax classifier over hashed features; weights stored sparsely, base64 Float32. */
export type LinearClassifier = {
  classes: FieldValue[];
  bits: number;
  /** Feature buckets that carry weights (base64 of a Uint32Array, ascending). */
  buckets: string;
  /** base64 of a Float32Array: buckets.length × classes.length, row-major. */
  weights: string;
  /** base64 of a Float32Array of classes.length. */
  bias: string;
};

export type LearnedFieldModel = {
  classifier: LinearClassifier;
  calibration: FieldCalibration;
  /** How many labelled rows of this field the model was fitted on. */
  labelled: number;
};

/** What the urgent-signal rule for priority was measured to be worth on this history. */
export type RuleCalibration = {
  phrases: string[];
  value: 1 | 2 | 3 | 4;
  /** Labelled rows the rule fired on, and how many of them carried exactly `value`. */
  n: number;
  correct: number;
  /** Lower confidence bound of its precision; the rule is applied only when it reaches the target. */
  lowerBound: number;
};

export type LearnedModel = {
  formatVersion: 1;
  trainedAt: string;
  exampleCount: number;
  /** By field name; only the fields that had enough labelled history. */
  fields: Partial<Record<string, LearnedFieldModel>>;
  rules?: { urgent?: RuleCalibration | undefined } | undefined;
};

export type RankedValue = { value: FieldValue; score: number };
export type FieldPrediction = {
  value: FieldValue;
  score: number;
  ranked: RankedValue[];
  /** How far apart the ticket's words put the classes, before the base rates (`textEvidence`). */
  evidence?: number | undefined;
};
export type FieldPredictions = Partial<Record<string, FieldPrediction>>;

export type DecisionReason =
  | "calibrated"
  | "below_threshold"
  | "not_enough_history"
  | "engines_disagree"
  | "no_prediction"
  | "rule";

export type FieldDecision = {
  value: FieldValue | null;
  /** Measured precision at this confidence (calibrated on held-out history), never a raw score. */
  precision: number | null;
  applied: boolean;
  reason: DecisionReason;
  /** Which engine the value came from. */
  source: "model" | "llm" | "both" | "rule" | "none";
  /** For `rule`: what the rule saw, e.g. `mentions "outage"`. */
  detail?: string | undefined;
};

export type Decisions<F extends string = LearnedField> = Record<F, FieldDecision>;

/** How often the LLM's answer was right on a sample of history, split by agreement with the model. */
export type LlmFieldCalibration = {
  agree: { n: number; correct: number };
  disagree: { n: number; correct: number };
  /** Rows with no model prediction for the field (no history for it). */
  alone: { n: number; correct: number };
};
export type LlmCalibration = Partial<Record<string, LlmFieldCalibration>>;

export type DecideOptions<F extends string = LearnedField> = {
  targetPrecision: number;
  /** Apply unmeasured values (no history for a field) anyway; off by default. */
  applyUnmeasured?: boolean | undefined;
  /** The language model's answer for this ticket, if it was asked. */
  llm?: Partial<Record<NoInfer<F>, { value: FieldValue }>> | undefined;
  llmCalibration?: LlmCalibration | undefined;
  /** Values a model without history would suggest (zero-shot: the taxonomy's local classifier). */
  unmeasured?: Partial<Record<NoInfer<F>, { value: FieldValue; score: number }>> | undefined;
  /** The fields to decide: the product's learned fields (Freshdesk's by default). */
  fields?: readonly F[] | undefined;
};
