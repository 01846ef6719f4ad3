export { chooseThreshold, isotonicCurve, precisionAt, wilsonLowerBound } from "./calibration.ts";
export { decideFields } from "./decide.ts";
export { plainText, ticketFeatures } from "./features.ts";
export { stratifiedFolds } from "./folds.ts";
export { evaluateHoldout, type HoldoutFigures } from "./holdout.ts";
export { DEFAULT_MIN_PER_FIELD, type LearnOptions, learn, predictFields, urgentSignal } from "./learn.ts";
export { deserializeModel, ModelFormatError, serializeModel } from "./serialize.ts";
export { buildSimilarIndex, type SimilarIndex, similarTickets } from "./similar.ts";
export * from "./types.ts";
