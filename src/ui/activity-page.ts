import { html } from "hono/html";
import type { QualityReport } from "../learning/quality.ts";
import type { TriageRun } from "../queue/triage-results.ts";
import type { ActivitySummary, Count } from "./activity-summary.ts";
import { groupLabel } from "./activity-summary.ts";
import { duration, percent, priorityLabel, timestamp } from "./format.ts";
import { layout, type Markup } from "./layout.ts";
import { qualitySection } from "./quality-section.ts";

export type ActivityPageProps = {
  summary: ActivitySummary;
  viewerName: string;
  /** Admins see the reprocess buttons and the queue dashboard link. */
  isAdmin: boolean;
  ticketUrl: (ticketId: number) => string;
  /** Where ticket links lead, e.g. "Freshdesk" or "the sandbox's API". */
  ticketLinkTarget: string;
  /** A ticket just queued for re-triage, to confirm it. */
  queued?: number | undefined;
  /** The learned model and its measured figures; the section is left out when not given. */
  quality?: QualityReport | undefined;
  /** The service's name for its product, e.g. "Freshservice triage". */
  site?: string | undefined;
};

/** The triage activity page: what triage decided for recent tickets, and the day's totals. */
export function activityPage(props: ActivityPageProps): Markup {
  const { summary } = props;
  const header = html`<span class="muted">Triage activity</span>
    <span class="spacer"></span>
    ${props.isAdmin ? html`<a href="/admin/queues">Queue dashboard</a>` : ""}
    <span class="muted">Signed in as ${props.viewerName}</span>
    <form class="inline" method="post" action="/logout"><button type="submit">Sign out</button></form>`;
  const body = html`<h1>Triage activity</h1>
    <p class="muted">
      This page shows ticket subjects, so only holders of a token with the read scope can see it.
      Ticket links open ${props.ticketLinkTarget}.
    </p>
    ${props.queued ? html`<p class="ok" role="status">Ticket ${props.queued} is queued for re-triage; reload in a moment to see the new decision.</p>` : ""}
    <h2>Last 24 hours</h2>
    <p>
      <strong data-testid="triaged-count">${summary.lastDay.triaged}</strong> tickets triaged,
      ${summary.lastDay.skipped} runs skipped (already triaged, or our own update echoing back).
      ${summary.truncated ? html`<span class="muted">Counted from the most recent runs only; older runs of the day are not included.</span>` : ""}
    </p>
    <div class="counts">
      ${countTable("Category", summary.lastDay.byCategory, "by-category")}
      ${countTable("Group", summary.lastDay.byGroup, "by-group")}
    </div>
    ${props.quality ? qualitySection(props.quality) : ""}
    <h2>Recent tickets</h2>
    ${summary.tickets.length === 0 ? emptyState() : ticketTable(props)}`;
  return layout("Triage activity", header, body, props.site);
}

function countTable(heading: string, counts: readonly Count[], id: string): Markup {
  return html`<table id="${id}">
    <thead><tr><th>${heading}</th><th>Tickets</th></tr></thead>
    <tbody>
      ${counts.length === 0 ? html`<tr><td colspan="2" class="muted">None yet</td></tr>` : ""}
      ${counts.map((c) => html`<tr><td>${c.label}</td><td class="num">${c.count}</td></tr>`)}
    </tbody>
  </table>`;
}

function emptyState(): Markup {
  return html`<p class="notice">
    No tickets triaged yet. New tickets are triaged as soon as Freshdesk's automation rule sends
    its webhook; with the built-in sandbox, <code>npm run demo</code> creates a few.
  </p>`;
}

function ticketTable(props: ActivityPageProps): Markup {
  return html`<table id="recent-tickets">
    <thead>
      <tr>
        <th>Ticket</th><th>Subject</th><th>Category</th><th>Priority</th><th>Group</th>
        <th>Applied</th><th>Suggested</th><th>Latency</th><th>Model</th><th>Triaged</th>
        ${props.isAdmin ? html`<th></th>` : ""}
      </tr>
    </thead>
    <tbody>
      ${props.summary.tickets.map((run) => ticketRow(run, props))}
    </tbody>
  </table>`;
}

function ticketRow(run: TriageRun, props: ActivityPageProps): Markup {
  return html`<tr data-ticket-id="${run.ticketId}">
    <td><a href="${props.ticketUrl(run.ticketId)}" rel="noreferrer">#${run.ticketId}</a></td>
    <td>${run.subject ?? html`<span class="muted">(not recorded)</span>`}</td>
    <td>${run.category ?? "—"}</td>
    <td>${priorityLabel(run.priority?.value)}</td>
    <td>${groupLabel(run)}${measured(run.decisions?.group?.precision)}</td>
    <td>${fieldTags(run.applied, "applied")}</td>
    <td>${fieldTags(run.suggested, "suggested")}</td>
    <td class="num">${duration(run.durationMs)}</td>
    <td>${run.engine ?? "—"}${run.fallbackReason ? html` <span class="muted" title="${run.fallbackReason}">(fallback)</span>` : ""}</td>
    <td><time datetime="${run.at}">${timestamp(run.at)}</time> <span class="muted">${run.mode}</span></td>
    ${props.isAdmin ? reprocessCell(run.ticketId) : ""}
  </tr>`;
}

/** Only a measured precision is shown as a percentage, never the classifier's raw score. */
function measured(precision: number | null | undefined): Markup | string {
  if (precision === null || precision === undefined) return "";
  return html` <span class="muted" title="measured precision on held-out history">${percent(precision)}</span>`;
}

function fieldTags(fields: readonly string[] | undefined, kind: "applied" | "suggested"): Markup | string {
  if (!fields || fields.length === 0) return "—";
  return html`${fields.map((field) => html`<span class="tag ${kind}">${field}</span>`)}`;
}

function reprocessCell(ticketId: number): Markup {
  return html`<td>
    <form class="inline" method="post" action="/activity/tickets/${ticketId}/reprocess">
      <button type="submit" aria-label="Reprocess ticket ${ticketId}">Reprocess</button>
    </form>
  </td>`;
}
