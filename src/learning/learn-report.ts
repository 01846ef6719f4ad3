import { allFieldFigures, type RowOutcome } from "../eval/figures.ts";
import type { LoadedRow } from "../eval/load.ts";
import { htmlReport } from "../eval/report-html.ts";
import type { EvalSummary } from "../eval/summary.ts";
import { decideFields } from "./decide.ts";
import { predictFields } from "./learn.ts";
import type { LearnRunReport } from "./learn-run.ts";
import { type LabelledTicket, LEARNED_FIELDS, type LearnedModel } from "./types.ts";

/**
 * The eval tool's HTML report (charts, confusion matrices, calibration) for one learning run:
 * the candidate model's decisions on the held-out tickets, made by the same decideFields the
 * workers call.
 */
export function learnReportHtml(
  report: LearnRunReport,
  candidate: LearnedModel,
  heldOut: readonly LabelledTicket[],
  /** `fields`: the product's learned fields (Freshdesk's by default). */
  options: { targetPrecision: number; applyUnmeasured: boolean; fields?: readonly string[] | undefined },
): string {
  const fieldList = options.fields ?? LEARNED_FIELDS;
  const rows: LoadedRow[] = heldOut.map((ticket, row) => ({ row, line: row + 1, ticket }));
  const outcomes: RowOutcome[] = heldOut.map((ticket, row) => {
    const predictions = predictFields(candidate, ticket);
    const decisions = decideFields(candidate, ticket, { ...options, fields: fieldList, predictions });
    const scores: Partial<Record<string, number>> = {};
    for (const field of fieldList) {
      const p = predictions[field];
      if (p) scores[field] = p.score;
    }
    return { row, decisions, scores };
  });
  const thresholds = Object.fromEntries(
    fieldList.map((field) => [field, [candidate.fields[field]?.calibration.threshold ?? null]]),
  ) as Record<string, Array<number | null>>;
  const fields = allFieldFigures(rows, outcomes, thresholds, fieldList);
  const summary: EvalSummary = {
    data: {
      file: `held-out history of ${report.account}`,
      format: "history",
      records: heldOut.length,
      usable: heldOut.length,
      skipped: [],
      warnings: [],
    },
    mode: "holdout",
    folds: null,
    engine: "local",
    targetPrecision: options.targetPrecision,
    applyUnmeasured: options.applyUnmeasured,
    fields,
    evaluated: fields.filter((f) => f.n > 0).map((f) => f.field),
    durationSeconds: report.durationMs / 1000,
  };
  return htmlReport(summary);
}
