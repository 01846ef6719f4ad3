import type { FieldFigures } from "./figures.ts";
import { type EvalSummary, modeText, pct, thresholdText } from "./summary.ts";

/**
 * A self-contained HTML page: inline CSS and SVG only, no scripts or external files, so it
 * opens offline and can be attached to a ticket or an email as is.
 */
export function htmlReport(summary: EvalSummary): string {
  const d = summary.data;
  const sections = summary.fields.map(fieldSection).join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Triage evaluation: ${esc(d.file)}</title>
<style>
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#1d2430}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2.2rem;border-bottom:1px solid #d5dae1;padding-bottom:.3rem}
table{border-collapse:collapse;margin:.5rem 0}td,th{padding:.2rem .6rem;border-bottom:1px solid #eceff3;text-align:left}
.charts{display:flex;flex-wrap:wrap;gap:1.5rem}.chart{flex:0 0 auto}.chart h3{font-size:.95rem;margin:.4rem 0}
.muted{color:#5d6775}.note{background:#fff7e0;padding:.5rem .8rem;border-radius:4px}
svg text{font:11px system-ui,sans-serif;fill:#1d2430}
</style>
</head>
<body>
<h1>Triage evaluation</h1>
<table>
<tr><th>Data</th><td>${esc(d.file)} (${d.format}, ${d.records} records, ${d.usable} usable, ${d.skipped.length} skipped)</td></tr>
<tr><th>Mode</th><td>${modeText(summary)}</td></tr>
<tr><th>Engine</th><td>${summary.engine}${summary.llm ? ` (${esc(summary.llm.model)}, ${summary.llm.calls} calls, $${summary.llm.usd.toFixed(4)} of $${summary.llm.budgetUsd})` : ""}</td></tr>
<tr><th>Target precision</th><td>${pct(summary.targetPrecision, 0)}${summary.applyUnmeasured ? " — unmeasured values applied" : ""}</td></tr>
</table>
${
  d.skipped.length
    ? `<p class="note">Skipped: ${d.skipped
        .slice(0, 10)
        .map((s) => esc(s.error))
        .join("; ")}${d.skipped.length > 10 ? " …" : ""}</p>`
    : ""
}
${d.warnings.length ? `<p class="note">Warnings: ${d.warnings.slice(0, 10).map(esc).join("; ")}${d.warnings.length > 10 ? " …" : ""}</p>` : ""}
<p class="muted">Top-1 accuracy: how often the value triage would suggest equals the label. Auto-applied: the share of
rows where the value would be set on the ticket (at or above the field's threshold), and how often those were right.
The calibration diagram compares the precision shown to agents with how often held-out values were actually right.</p>
${sections}
</body>
</html>
`;
}

function fieldSection(f: FieldFigures): string {
  if (f.note) return `<h2>${f.field}</h2><p class="note">Not evaluated: ${esc(f.note)}.</p>`;
  return `<h2>${f.field}</h2>
<table>
<tr><th>Labelled rows</th><td>${f.n}${f.unlabelled ? ` (${f.unlabelled} without a label, left out)` : ""}, ${f.classes.length} classes</td></tr>
<tr><th>Top-1 accuracy</th><td>${pct(f.accuracy)} <span class="muted">(majority-class baseline ${pct(f.majorityBaseline)})</span></td></tr>
<tr><th>Threshold</th><td>${esc(thresholdText(f.thresholds))}</td></tr>
<tr><th>Auto-applied</th><td>${pct(f.coverage)} of rows, right ${pct(f.precision)} of the time</td></tr>
</table>
<div class="charts">
<div class="chart"><h3>Precision against coverage</h3>${precisionCoverageChart(f)}</div>
<div class="chart"><h3>Calibration</h3>${calibrationChart(f)}</div>
<div class="chart"><h3>Confusion (rows actual, columns predicted)</h3>${confusionHeatmap(f)}</div>
</div>`;
}

const W = 300;
const H = 240;
const M = { left: 42, right: 12, top: 10, bottom: 34 };
const x = (v: number) => M.left + v * (W - M.left - M.right);
const y = (v: number) => H - M.bottom - v * (H - M.top - M.bottom);

function axes(xLabel: string, yLabel: string): string {
  const ticks = [0, 0.25, 0.5, 0.75, 1]
    .map(
      (t) =>
        `<line x1="${x(t)}" y1="${y(0)}" x2="${x(t)}" y2="${y(1)}" stroke="#eef0f3"/><line x1="${x(0)}" y1="${y(t)}" x2="${x(1)}" y2="${y(t)}" stroke="#eef0f3"/>` +
        `<text x="${x(t)}" y="${y(0) + 14}" text-anchor="middle">${t * 100}%</text><text x="${x(0) - 4}" y="${y(t) + 4}" text-anchor="end">${t * 100}%</text>`,
    )
    .join("");
  return `${ticks}<line x1="${x(0)}" y1="${y(0)}" x2="${x(1)}" y2="${y(0)}" stroke="#8a94a3"/><line x1="${x(0)}" y1="${y(0)}" x2="${x(0)}" y2="${y(1)}" stroke="#8a94a3"/>
<text x="${(x(0) + x(1)) / 2}" y="${H - 4}" text-anchor="middle">${xLabel}</text>
<text x="10" y="${(y(0) + y(1)) / 2}" text-anchor="middle" transform="rotate(-90 10 ${(y(0) + y(1)) / 2})">${yLabel}</text>`;
}

function svg(body: string, label: string, width = W, height = H): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(label)}">${body}</svg>`;
}

function precisionCoverageChart(f: FieldFigures): string {
  const points = f.precisionCoverage;
  const path = points
    .map((p, i) => `${i ? "L" : "M"}${x(p.coverage).toFixed(1)},${y(p.precision).toFixed(1)}`)
    .join("");
  const target = f.applied
    ? `<circle cx="${x(f.coverage)}" cy="${y(f.precision ?? 0)}" r="4" fill="#d9480f"><title>auto-applied: ${pct(f.coverage)} at ${pct(f.precision)}</title></circle>`
    : "";
  return svg(
    `${axes("coverage (share of rows)", "precision")}<path d="${path}" fill="none" stroke="#1c7ed6" stroke-width="2"/>${target}`,
    `${f.field}: precision against coverage`,
  );
}

function calibrationChart(f: FieldFigures): string {
  const bars = f.calibration
    .filter((b) => b.n > 0 && b.meanConfidence !== null && b.accuracy !== null)
    .map(
      (b) =>
        `<circle cx="${x(b.meanConfidence as number).toFixed(1)}" cy="${y(b.accuracy as number).toFixed(1)}" r="${Math.min(9, 2.5 + Math.sqrt(b.n) / 3).toFixed(1)}" fill="#2f9e44" fill-opacity=".75"><title>shown ${pct(b.meanConfidence)}, right ${pct(b.accuracy)}, n=${b.n}</title></circle>`,
    )
    .join("");
  return svg(
    `${axes("precision shown", "right on held-out rows")}<line x1="${x(0)}" y1="${y(0)}" x2="${x(1)}" y2="${y(1)}" stroke="#adb5bd" stroke-dasharray="4 3"/>${bars}`,
    `${f.field}: calibration diagram`,
  );
}

function confusionHeatmap(f: FieldFigures): string {
  const labels = f.confusion.labels.slice(0, 30);
  const rows = f.confusion.counts.slice(0, Math.min(f.classes.length, 30));
  const cell = Math.max(10, Math.min(26, Math.floor(260 / Math.max(1, labels.length))));
  const left = 110;
  const top = 90;
  const width = left + cell * labels.length + 70;
  const height = top + cell * rows.length + 10;
  const max = Math.max(1, ...rows.flat());
  const cells = rows
    .map((row, i) =>
      labels
        .map((_, j) => {
          const n = row[j] ?? 0;
          const alpha = n === 0 ? 0.03 : 0.15 + 0.85 * (n / max);
          const colour = i === j ? "28,126,214" : "217,72,15";
          return `<rect x="${left + j * cell}" y="${top + i * cell}" width="${cell - 1}" height="${cell - 1}" fill="rgba(${colour},${alpha.toFixed(3)})"><title>${esc(labels[i] ?? "")} → ${esc(labels[j] ?? "")}: ${n}</title></rect>`;
        })
        .join(""),
    )
    .join("");
  const short = (s: string) => esc(s.length > 16 ? `${s.slice(0, 15)}…` : s);
  const rowLabels = rows
    .map(
      (_, i) =>
        `<text x="${left - 4}" y="${top + i * cell + cell * 0.7}" text-anchor="end">${short(labels[i] ?? "")}</text>`,
    )
    .join("");
  const colLabels = labels
    .map(
      (l, j) =>
        `<text x="0" y="0" transform="translate(${left + j * cell + cell * 0.7},${top - 4}) rotate(-60)">${short(l)}</text>`,
    )
    .join("");
  return svg(`${cells}${rowLabels}${colLabels}`, `${f.field}: confusion heatmap`, width, height);
}

function esc(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );
}
