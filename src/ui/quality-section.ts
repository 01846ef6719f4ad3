import { html } from "hono/html";
import type { QualityReport } from "../learning/quality.ts";
import { percent, timestamp } from "./format.ts";
import type { Markup } from "./layout.ts";

/**
 * The activity page's quality section: the learned model in use and how right it is measured
 * to be, and how often agents kept what triage applied. The same figures as `GET /admin/quality`.
 */
export function qualitySection(report: QualityReport<string>): Markup {
  const target = percent(report.targetPrecision);
  const model = report.model;
  const intro = model
    ? html`<p data-testid="model-summary">
        Learned model <strong data-testid="model-version">v${model.version}</strong>, learned from
        <strong data-testid="model-learned-from">${model.learnedFrom.toLocaleString("en-US")}</strong> labelled tickets
        (trained ${timestamp(model.trainedAt)}). A field is applied only where held-out history measured
        at least ${target} precision; below that it is suggested in the note.
      </p>`
    : html`<p class="notice" data-testid="model-summary">
        No model learned from this account yet. Until one is, the classifier's group, type and priority
        are only suggested in the note ("not enough history to measure")${report.applyUnmeasured ? html`; <strong>TRIAGE_APPLY_UNMEASURED</strong> is on, so they are applied anyway` : ""}.
      </p>`;
  return html`<h2>Quality</h2>
    ${intro}
    <table id="quality">
      <thead>
        <tr>
          <th>Field</th><th>Measured precision</th><th>Coverage</th>
          <th>Kept unchanged, 7 days</th><th>Kept unchanged, 30 days</th>
        </tr>
      </thead>
      <tbody>
        ${Object.entries(report.keptUnchanged).map(([field, kept]) => {
          // The product's learned fields, in its order (Freshdesk: group, type, priority).
          const figures = model?.fields[field] ?? null;
          return html`<tr data-field="${field}">
            <td>${field}</td>
            <td class="num" data-testid="precision-${field}">${figures ? (figures.precision === null ? "applies none" : percent(figures.precision)) : html`<span class="muted">not enough history</span>`}</td>
            <td class="num" data-testid="coverage-${field}">${figures ? percent(figures.coverage) : "—"}</td>
            <td class="num" data-testid="kept-7d-${field}">${keptText(kept.last7Days)}</td>
            <td class="num" data-testid="kept-30d-${field}">${keptText(kept.last30Days)}</td>
          </tr>`;
        })}
      </tbody>
    </table>`;
}

function keptText(share: QualityReport["keptUnchanged"]["group"]["last7Days"]): Markup | string {
  if (share.keptShare === null) return html`<span class="muted">none applied</span>`;
  return `${percent(share.keptShare)} of ${share.applied}`;
}
