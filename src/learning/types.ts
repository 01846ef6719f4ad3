/**
 * The shapes shared by training, calibration, decisions and `npm run eval`. A learned model is
 * plain JSON-serialisable data, so it can be versioned in Redis and read back in another process.
 */

export const LEARNED_FIELDS = ["group", "type", "priority"] as const;
export type LearnedField = (typeof LEARNED_FIELDS)[number];

export type FieldValue = string | number;

export type LabelledTicket = {
  id?: string | number | undefined;
  subject: string;
  /** Plain text or HTML. */
  description: string;
  tags?: string[] | undefined;
  createdAt?: string | undefined;
  labels: { group?: string | undefined; type?: string | undefined; priority?: 1 | 2 | 3 | 4 | undefined };
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
  fields: Partial<Record<LearnedField, LearnedFieldModel>>;
  rules?: { urgent?: RuleCalibration | undefined } | undefined;
};

export type RankedValue = { value: FieldValue; score: number };
export type FieldPrediction = { value: FieldValue; score: number; ranked: RankedValue[] };
export type FieldPredictions = Partial<Record<LearnedField, FieldPrediction>>;

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

export type Decisions = Record<LearnedField, FieldDecision>;

/** How often the LLM's answer was right on a sample of history, split by agreement with the model. */
export type LlmFieldCalibration = {
  agree: { n: number; correct: number };
  disagree: { n: number; correct: number };
  /** Rows with no model prediction for the field (no history for it). */
  alone: { n: number; correct: number };
};
export type LlmCalibration = Partial<Record<LearnedField, LlmFieldCalibration>>;

export type DecideOptions = {
  targetPrecision: number;
  /** Apply unmeasured values (no history for a field) anyway; off by default. */
  applyUnmeasured?: boolean | undefined;
  /** The language model's answer for this ticket, if it was asked. */
  llm?: Partial<Record<LearnedField, { value: FieldValue }>> | undefined;
  llmCalibration?: LlmCalibration | undefined;
  /** Values a model without history would suggest (zero-shot: the taxonomy's local classifier). */
  unmeasured?: Partial<Record<LearnedField, { value: FieldValue; score: number }>> | undefined;
};
