import { PRODUCT_LABELS } from "../product.ts";
import type { FieldFigures } from "./figures.ts";
import { type EvalSummary, pct, thresholdText } from "./summary.ts";

/** The terminal report: per field, the figures a person deciding whether to trust the service needs. */
export function textReport(summary: EvalSummary): string {
  const lines: string[] = [];
  const d = summary.data;
  lines.push(
    `Data: ${d.file} (${d.format}, ${d.records} records, ${d.usable} usable${d.skipped.length ? `, ${d.skipped.length} skipped` : ""})`,
  );
  for (const s of d.skipped.slice(0, 5)) lines.push(`  skipped: ${s.error}`);
  if (d.skipped.length > 5) lines.push(`  … and ${d.skipped.length - 5} more skipped`);
  for (const w of d.warnings.slice(0, 5)) lines.push(`  warning: ${w}`);
  if (d.warnings.length > 5) lines.push(`  … and ${d.warnings.length - 5} more warnings`);
  lines.push(
    summary.mode === "folds"
      ? `Mode: ${summary.folds}-fold stratified cross-validation, thresholds chosen on the training folds only`
      : summary.mode === "holdout"
        ? "Mode: one model, measured on the tickets held out of its training"
        : "Mode: zero-shot (taxonomy only, nothing learned)",
  );
  if (summary.product) {
    lines.push(
      `Fields: ${PRODUCT_LABELS[summary.product]}'s ${summary.fields.map((f) => f.field).join(", ")}`,
    );
  }
  lines.push(
    `Engine: ${summary.engine}; target precision ${pct(summary.targetPrecision, 0)}${summary.applyUnmeasured ? "; unmeasured values applied (--apply-unmeasured)" : ""}`,
  );
  if (summary.llm) {
    lines.push(
      `LLM: ${summary.llm.model}, ${summary.llm.calls} calls (${summary.llm.failures} failed), ${summary.llm.inputTokens} input + ${summary.llm.outputTokens} output tokens, $${summary.llm.usd.toFixed(4)} of $${summary.llm.budgetUsd}${summary.llm.skipped ? `; budget spent, ${summary.llm.skipped} calls skipped` : ""}`,
    );
  }
  for (const f of summary.fields) lines.push("", ...fieldBlock(f));
  lines.push("", `Took ${summary.durationSeconds.toFixed(1)} s.`);
  return lines.join("\n");
}

function fieldBlock(f: FieldFigures): string[] {
  const lines = [`== ${f.field} ==`];
  if (f.note) {
    lines.push(
      `  not evaluated: ${f.note}${f.unlabelled ? ` (${f.unlabelled} rows without a ${f.field} label)` : ""}`,
    );
    return lines;
  }
  lines.push(
    `  labelled rows       ${f.n}${f.unlabelled ? ` (${f.unlabelled} without a label, left out)` : ""}, ${f.classes.length} classes`,
    `  top-1 accuracy      ${pct(f.accuracy)}   (majority-class baseline ${pct(f.majorityBaseline)}: always "${String(f.majorityValue)}")`,
    `  threshold           ${thresholdText(f.thresholds)}`,
    `  auto-applied        ${pct(f.coverage)} of rows (${f.applied}), right ${pct(f.precision)} of the time${f.applied ? ` (${f.appliedRight}/${f.applied})` : ""}`,
    `  decisions           ${Object.entries(f.reasons)
      .map(([reason, n]) => `${reason} ${n}`)
      .join(", ")}`,
    "  calibration (confidence shown → right on held-out rows):",
  );
  for (const b of f.calibration) {
    if (!b.n) continue;
    lines.push(
      `    ${pct(b.lo, 0).padStart(5)}–${pct(b.hi, 0).padEnd(6)} n=${String(b.n).padEnd(6)} shown ${pct(b.meanConfidence)}  right ${pct(b.accuracy)}`,
    );
  }
  lines.push("  confusion (rows: actual, columns: predicted):", ...confusion(f));
  return lines;
}

function confusion(f: FieldFigures): string[] {
  const labels = f.confusion.labels;
  if (labels.length > 12) return [`    (${labels.length} classes: see --json or --report)`];
  const width = Math.min(14, Math.max(6, ...labels.map((l) => l.length)));
  const cut = (s: string) => (s.length > width ? `${s.slice(0, width - 1)}…` : s).padStart(width);
  const out = [`    ${"".padStart(width)} ${labels.map(cut).join(" ")}`];
  f.confusion.counts.forEach((row, i) => {
    if (i >= f.classes.length) return;
    out.push(`    ${cut(labels[i] as string)} ${row.map((n) => String(n).padStart(width)).join(" ")}`);
  });
  return out;
}
