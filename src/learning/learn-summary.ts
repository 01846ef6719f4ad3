import type { LearnRunReport } from "./learn-run.ts";
import { LEARNED_FIELDS, type LearnedModel } from "./types.ts";

/**
 * What `npm run learn` prints and writes with --report: where the history came from, what it
 * cost, and per field how the candidate did on the held-out tickets (the same figures the
 * promotion compared), with its calibration table.
 */

const pct = (value: number | null | undefined) => (value == null ? "–" : `${(value * 100).toFixed(1)} %`);

/** `fields`: the product's learned fields (Freshdesk's by default). */
export function summaryLines(
  report: LearnRunReport,
  candidate: LearnedModel,
  fields: readonly string[] = LEARNED_FIELDS,
): string[] {
  const { sync, promotion } = report;
  const lines = [
    `Learned from ${sync.examples} resolved and closed tickets of ${report.account}` +
      ` (${sync.mode} read since ${sync.since}: ${sync.listed} tickets listed in ${sync.calls} calls,` +
      ` ${report.credits ?? "?"} credits, ${(report.durationMs / 1000).toFixed(1)} s).`,
    `Trained on ${report.trainedOn}; measured on ${report.heldOutCount} held-out tickets it never saw.`,
    "",
    "| field | top-1 accuracy | auto-applied (coverage) | right when applied | threshold | held-out rows |",
    "|---|---|---|---|---|---|",
  ];
  for (const field of fields) {
    const figures = promotion.candidate[field];
    const threshold = candidate.fields[field]?.calibration.threshold;
    if (!figures) {
      lines.push(`| ${field} | not enough history to measure | | | | |`);
      continue;
    }
    lines.push(
      `| ${field} | ${pct(figures.accuracy)} | ${pct(figures.coverage)} | ${pct(figures.precision)} | ` +
        `${threshold == null ? "never applied" : threshold.toFixed(2)} | ${figures.n} |`,
    );
  }
  lines.push("");
  if (promotion.promoted) lines.push(`Model version ${promotion.version} is now in use.`);
  else {
    lines.push(
      promotion.version === undefined
        ? "No model was put in use:"
        : `Version ${promotion.version} stays in use; the new model was not:`,
    );
    for (const reason of promotion.reasons) lines.push(`  - ${reason}`);
  }
  return lines;
}

/** The summary plus each field's calibration table (held-out scores of the training rows). */
export function summaryMarkdown(
  report: LearnRunReport,
  candidate: LearnedModel,
  fields: readonly string[] = LEARNED_FIELDS,
): string {
  const lines = ["# What the triage service learned", "", ...summaryLines(report, candidate, fields), ""];
  for (const field of fields) {
    const model = candidate.fields[field];
    if (!model) continue;
    lines.push(`## ${field}: calibration`, "", "| score | tickets | right |", "|---|---|---|");
    for (const bin of model.calibration.bins) {
      if (bin.n === 0) continue;
      lines.push(`| ${bin.lo.toFixed(2)}–${bin.hi.toFixed(2)} | ${bin.n} | ${pct(bin.correct / bin.n)} |`);
    }
    lines.push("");
  }
  return `${lines.join("\n")}\n`;
}
