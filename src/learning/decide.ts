import { precisionAt, wilsonLowerBound } from "./calibration.ts";
import { predictFields, urgentSignal } from "./learn.ts";
import {
  type DecideOptions,
  type Decisions,
  type FieldDecision,
  type FieldPrediction,
  type FieldValue,
  LEARNED_FIELDS,
  type LearnedField,
  type LearnedModel,
  type LlmFieldCalibration,
  type TicketText,
} from "./types.ts";

/**
 * THE decision: which of the product's learned fields (Freshdesk: group, type and priority) to
 * apply to a ticket, and with what measured precision. The worker and `npm run eval` both call this, so what eval reports as applied is
 * exactly what the service applies.
 *
 * - A field with a model applies when its score reaches the calibrated threshold.
 * - A field without one (new account, too little history) applies nothing unless the operator
 *   opted in (`applyUnmeasured`): "not enough history to measure".
 * - With a language model's answer: where it agrees with the model the field keeps the model's
 *   decision, or applies when the LLM's agreement has been measured precise enough; where they
 *   disagree it becomes a suggestion unless the LLM was measured right even when disagreeing.
 * - Priority's urgent-wording rule applies only where this history showed it right.
 */
export function decideFields<F extends string = LearnedField>(
  model: LearnedModel | undefined,
  ticket: TicketText,
  options: DecideOptions<F> & { predictions?: ReturnType<typeof predictFields> | undefined },
): Decisions<F> {
  const predictions = options.predictions ?? (model ? predictFields(model, ticket) : {});
  const fields = options.fields ?? (LEARNED_FIELDS as readonly string[] as readonly F[]);
  const decisions = {} as Decisions<F>;
  for (const field of fields) {
    const own = decideFromModel(model, field, predictions[field], options);
    decisions[field] = combineWithLlm(field, own, options);
  }
  // The urgent wording is measured against priority labels only, whatever the product.
  const priority = "priority" as F;
  if (fields.includes(priority)) {
    decisions[priority] = applyUrgentRule(model, ticket, decisions[priority], options);
  }
  return decisions;
}

function decideFromModel<F extends string>(
  model: LearnedModel | undefined,
  field: F,
  prediction: FieldPrediction | undefined,
  options: DecideOptions<F>,
): FieldDecision {
  const fieldModel = model?.fields[field];
  if (!fieldModel || !prediction) {
    const fallback = options.unmeasured?.[field];
    if (!fallback)
      return { value: null, precision: null, applied: false, reason: "no_prediction", source: "none" };
    return {
      value: fallback.value,
      precision: null,
      applied: options.applyUnmeasured === true,
      reason: "not_enough_history",
      source: "model",
    };
  }
  const { threshold, curve } = fieldModel.calibration;
  const sparse = sparseText(fieldModel.calibration, prediction);
  if (sparse) {
    // Not measured: the score is mostly the base rates, which no held-out figure speaks for.
    return {
      value: prediction.value,
      precision: null,
      applied: false,
      reason: "below_threshold",
      source: "model",
      detail: sparse,
    };
  }
  const applied = threshold !== null && prediction.score >= threshold;
  // Below every held-out score nothing was measured: the lowest block's precision is not this one's.
  const lowest = curve[0]?.score;
  const precision =
    lowest === undefined || prediction.score < lowest ? null : precisionAt(curve, prediction.score);
  // The share right at this confidence reached the target; the lower bound of it did not.
  const tooFew = !applied && precision !== null && precision >= options.targetPrecision;
  return {
    value: prediction.value,
    precision,
    applied,
    reason: applied ? "calibrated" : "below_threshold",
    source: "model",
    ...(tooFew ? { detail: "the lower confidence bound of that precision is under the target" } : {}),
  };
}

/**
 * Why a ticket's text is too thin for the calibration to speak for it (undefined when it is
 * not): its words separate the values less than held-out history measured, so the score is mostly
 * the base rates ("hello" scored the most common category at 80 %).
 */
function sparseText(
  calibration: { minEvidence?: number | undefined },
  prediction: FieldPrediction,
): string | undefined {
  const floor = calibration.minEvidence;
  if (floor === undefined || prediction.evidence === undefined || prediction.evidence >= floor)
    return undefined;
  return `too little in the text to go on (evidence ${prediction.evidence.toFixed(1)}; measured from ${floor.toFixed(1)} up)`;
}

function combineWithLlm<F extends string>(
  field: F,
  own: FieldDecision,
  options: DecideOptions<F>,
): FieldDecision {
  const answer = options.llm?.[field];
  if (!answer) return own;
  const measured = options.llmCalibration?.[field];
  const target = options.targetPrecision;
  const measuredModel = own.reason === "calibrated" || own.reason === "below_threshold";

  if (!measuredModel) {
    // No measured model for this field: the LLM stands alone.
    const alone = measured?.alone;
    if (alone && alone.n > 0) {
      const trusted = wilsonLowerBound(alone.correct, alone.n) >= target;
      return {
        value: answer.value,
        precision: alone.correct / alone.n,
        applied: trusted,
        reason: trusted ? "calibrated" : "below_threshold",
        source: "llm",
      };
    }
    return {
      value: answer.value,
      precision: null,
      applied: options.applyUnmeasured === true,
      reason: "not_enough_history",
      source: "llm",
    };
  }

  if (sameValue(answer.value, own.value)) {
    const agreed = rate(measured?.agree);
    const trusted = agreed !== undefined && agreed.lowerBound >= target;
    return {
      ...own,
      precision: Math.max(own.precision ?? 0, agreed?.precision ?? 0) || own.precision,
      applied: own.applied || trusted,
      reason: own.applied || trusted ? "calibrated" : own.reason,
      source: "both",
    };
  }
  const disagreed = rate(measured?.disagree);
  if (disagreed && disagreed.lowerBound >= target) {
    return {
      value: answer.value,
      precision: disagreed.precision,
      applied: true,
      reason: "calibrated",
      source: "llm",
    };
  }
  // Two engines, two answers: an agent decides. Suggest the one measured more often right.
  const llmBetter = disagreed !== undefined && disagreed.precision > (own.precision ?? 0);
  return {
    value: llmBetter ? answer.value : own.value,
    precision: llmBetter ? disagreed.precision : own.precision,
    applied: false,
    reason: "engines_disagree",
    source: llmBetter ? "llm" : "model",
  };
}

function applyUrgentRule(
  model: LearnedModel | undefined,
  ticket: TicketText,
  current: FieldDecision,
  options: Pick<DecideOptions<string>, "targetPrecision">,
): FieldDecision {
  const rule = model?.rules?.urgent;
  if (!rule || rule.n === 0) return current;
  const phrase = urgentSignal(ticket, rule.phrases);
  if (!phrase) return current;
  const trusted = rule.lowerBound >= options.targetPrecision;
  if (!trusted) {
    // Measured and found wanting on this account: the wording is shown, never applied.
    if (current.applied) return current;
    return current.value === null
      ? {
          value: rule.value,
          precision: rule.correct / rule.n,
          applied: false,
          reason: "below_threshold",
          source: "rule",
          detail: `mentions "${phrase}"`,
        }
      : current;
  }
  return {
    value: rule.value,
    precision: rule.correct / rule.n,
    applied: true,
    reason: "rule",
    source: "rule",
    detail: `mentions "${phrase}"`,
  };
}

function rate(counts: LlmFieldCalibration["agree"] | undefined) {
  if (!counts || counts.n === 0) return undefined;
  return { precision: counts.correct / counts.n, lowerBound: wilsonLowerBound(counts.correct, counts.n) };
}

function sameValue(a: FieldValue | null, b: FieldValue | null): boolean {
  return a !== null && b !== null && String(a).toLowerCase() === String(b).toLowerCase();
}
