import type { Product } from "../product.ts";
import type { FieldFigures } from "./figures.ts";
import type { LlmSpend } from "./llm-engine.ts";

/** Everything one evaluation found: printed, written with --json, drawn with --report. */
export type EvalSummary = {
  data: {
    file: string;
    /** "history": the account's resolved tickets, read by `npm run learn`. */
    format: "jsonl" | "csv" | "history";
    records: number;
    usable: number;
    skipped: Array<{ line: number; error: string }>;
    warnings: string[];
  };
  /** "holdout": one model measured on the tickets held out of its training (`npm run learn`). */
  mode: "folds" | "zero-shot" | "holdout";
  folds: number | null;
  engine: "local" | "llm";
  targetPrecision: number;
  applyUnmeasured: boolean;
  fields: FieldFigures[];
  /** Which product's learned fields were measured (absent: Freshdesk). */
  product?: Product | undefined;
  /** Fields with figures (at least one labelled row and two classes). */
  evaluated: string[];
  llm?: (LlmSpend & { model: string; budgetUsd: number }) | undefined;
  durationSeconds: number;
};

/** How the figures were measured, in words. */
export function modeText(summary: EvalSummary): string {
  if (summary.mode === "folds") {
    return `${summary.folds}-fold stratified cross-validation; thresholds chosen on the training folds only`;
  }
  if (summary.mode === "holdout") {
    return "one model, measured on the tickets held out of its training; thresholds chosen on its training tickets only";
  }
  return "zero-shot: taxonomy only, nothing learned";
}

export function pct(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return `${(value * 100).toFixed(digits)} %`;
}

export function thresholdText(thresholds: ReadonlyArray<number | null>): string {
  if (thresholds.length === 0) return "none (nothing measured)";
  const set = thresholds.filter((t): t is number => t !== null);
  const never = thresholds.length - set.length;
  if (set.length === 0) return "never applied (no score reached the target)";
  const sorted = [...set].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] as number;
  const range =
    sorted.length > 1
      ? ` (${(sorted[0] as number).toFixed(3)}–${(sorted[sorted.length - 1] as number).toFixed(3)})`
      : "";
  return `${median.toFixed(3)}${range}${never ? `; never applied in ${never} fold(s)` : ""}`;
}
