import type { TriageMode } from "../config.ts";
import type { ApplyPlan, FieldChange } from "./apply-plan.ts";
import type { Classification } from "./classification.ts";
import { PRIORITY_LABELS, type PriorityDecision } from "./priority.ts";
import type { RoutingDecision } from "./routing.ts";
import type { SuggestedArticle } from "./solutions.ts";

/**
 * The one private note triage writes: readable at a glance, then the details. Everything that
 * came from the ticket or the model is HTML-escaped; only this module writes free text into
 * Freshdesk. A reference line (the marker) carries the job id and content hash so a retry can see the note is
 * already there and the guard can see this content was triaged.
 */

export type TriageNoteInput = {
  jobId: string;
  contentHash: string;
  mode: TriageMode;
  categoryLabel: string;
  classification: Classification;
  engine: string;
  fallbackReason?: string | undefined;
  priority: PriorityDecision;
  routing: RoutingDecision;
  plan: Pick<ApplyPlan, "applied" | "suggested" | "skipped">;
  articles: readonly SuggestedArticle[];
  /** Names for group and agent ids, so changes read "group none → Billing". */
  names?: { groups: ReadonlyMap<number, string>; agents: ReadonlyMap<number, string> } | undefined;
  /** The account's learned model the decisions used; null when none has been learned yet. */
  model?: { version: string | number; learnedFrom: number } | null | undefined;
};

export type TriageMarker = { jobId: string; hash: string };

/**
 * The marker is visible text (a small reference line), not an HTML comment: Freshdesk's
 * sanitiser and its `body_text` rendering may drop comments, and the pipeline looks for the
 * marker in `body_text` when it checks whether a retried job already posted its note.
 */
const MARKER_PATTERN = /triage-ref job=([A-Za-z0-9:._-]{1,200}) hash=([a-f0-9]{64})(?![a-f0-9])/;

export function triageMarker(jobId: string, contentHash: string): string {
  if (!/^[a-f0-9]{64}$/.test(contentHash)) throw new Error("contentHash must be a sha256 hex digest");
  return `<p><small>triage-ref job=${markerJobId(jobId)} hash=${contentHash}</small></p>`;
}

/**
 * The job id as it appears in a marker: only characters that cannot break the HTML or the
 * parser survive. Compare parsed markers against this, not the raw id.
 */
export function markerJobId(jobId: string): string {
  const safe = jobId
    .replace(/[^A-Za-z0-9:._-]/g, "_")
    .replace(/-{2,}/g, "-")
    .slice(0, 200);
  return safe || "_";
}

/** The marker in a note body, if it is one of ours. */
export function parseTriageMarker(noteBody: string): TriageMarker | undefined {
  const match = MARKER_PATTERN.exec(noteBody);
  return match?.[1] && match[2] ? { jobId: match[1], hash: match[2] } : undefined;
}

/** Markers of all triage notes among a ticket's note bodies, in the given order. */
export function findTriageMarkers(noteBodies: readonly string[]): TriageMarker[] {
  return noteBodies.map(parseTriageMarker).filter((m): m is TriageMarker => m !== undefined);
}

export function renderTriageNote(input: TriageNoteInput): string {
  const c = input.classification;
  const lines: string[] = [];
  lines.push(
    // No percentage here: the classifier's own score is not measured against anything; the
    // measured precision of each decided field is shown beside its change.
    `<p><b>Triage:</b> ${esc(input.categoryLabel)} · ` +
      `priority <b>${PRIORITY_LABELS[input.priority.value]}</b> · ${esc(c.sentiment.replace("_", " "))} · ` +
      `language ${esc(c.language)}${c.flag !== "none" ? ` · <b>${esc(c.flag.replace("_", "-"))}</b>` : ""}</p>`,
  );
  lines.push(`<p><b>Summary:</b> ${esc(c.summary)}</p>`);
  lines.push(`<p><b>Priority:</b> ${esc(input.priority.reason)}</p>`);
  lines.push(`<p><b>Routing:</b> ${esc(routingText(input.routing))}</p>`);
  lines.push(changesSection(input));
  if (input.articles.length > 0) {
    const items = input.articles.map((a) => `<li><a href="${esc(a.url)}">${esc(a.title)}</a></li>`).join("");
    lines.push(`<p><b>Help articles:</b></p><ul>${items}</ul>`);
  }
  lines.push(`<p><b>Suggested reply:</b></p><blockquote>${multiline(c.suggestedReply)}</blockquote>`);
  const engine =
    input.engine === "local" ? "built-in classifier" : `model ${input.engine.replace(/^openai:/, "")}`;
  const fallback = input.fallbackReason ? ` (language model unavailable: ${esc(input.fallbackReason)})` : "";
  lines.push(
    `<p><small>Classified by ${esc(engine)}${fallback}${esc(modelText(input.model))} · mode ${esc(input.mode)}</small></p>`,
  );
  lines.push(triageMarker(input.jobId, input.contentHash));
  return lines.join("\n");
}

function changesSection(input: TriageNoteInput): string {
  const parts: string[] = [];
  const describe = (change: FieldChange) => describeChange(change, input.names);
  const applied = input.plan.applied.map(describe);
  const suggested = input.plan.suggested.map((c) => `${describe(c)}${heldBackText(c)}`);
  parts.push(`<p><b>Applied:</b> ${applied.length > 0 ? esc(applied.join("; ")) : "nothing"}</p>`);
  if (suggested.length > 0) parts.push(`<p><b>Suggested only:</b> ${esc(suggested.join("; "))}</p>`);
  if (input.plan.skipped.length > 0) {
    parts.push(
      `<p><b>Not changed:</b> ${esc(input.plan.skipped.map((s) => `${s.field}: ${s.reason}`).join("; "))}</p>`,
    );
  }
  return parts.join("\n");
}

function describeChange(change: FieldChange, names: TriageNoteInput["names"]): string {
  const show = (v: string | number | null) => {
    if (typeof v !== "number") return String(v ?? "none");
    if (change.field === "priority") return PRIORITY_LABELS[v as 1 | 2 | 3 | 4] ?? String(v);
    if (change.field === "group") return names?.groups.get(v) ?? String(v);
    if (change.field === "agent") return names?.agents.get(v) ?? String(v);
    return String(v);
  };
  if (change.field === "tags") return `tag ${String(change.to)}`;
  return `${change.field} ${show(change.from)} → ${show(change.to)}${evidenceText(change)}`;
}

/** The percentage is always a measured precision, never a classifier's raw score. */
function evidenceText(change: FieldChange): string {
  const evidence = change.evidence;
  if (!evidence) return "";
  if (evidence.reason === "rule") return evidence.detail ? ` (rule: ${evidence.detail})` : " (rule)";
  if (evidence.precision !== null) return ` (measured precision ${percent(evidence.precision)})`;
  return "";
}

function heldBackText(change: FieldChange): string {
  switch (change.heldBack) {
    case "not_enough_history":
      return " — suggested: not enough history to measure";
    case "engines_disagree":
      return " — suggested: the language model and the learned model disagree";
    case "no_prediction":
      return " — suggested: nothing to measure it by";
    case "below_threshold":
      // The decision says when it knows more: too little text to measure, or a lower bound short.
      if (change.evidence?.reason === "below_threshold" && change.evidence.detail)
        return ` — suggested: ${change.evidence.detail}`;
      return change.evidence
        ? " — suggested: below the measured-precision target"
        : " — below the confidence bar";
    default:
      return "";
  }
}

function modelText(model: TriageNoteInput["model"]): string {
  if (model === undefined) return "";
  if (model === null) return " · no model learned from this account yet";
  return ` · learned model v${model.version} (from ${model.learnedFrom.toLocaleString("en-US")} tickets)`;
}

function routingText(routing: RoutingDecision): string {
  const target = routing.group ? `group ${routing.group.name}` : "no group";
  const agent = routing.agent ? `, agent ${routing.agent.name ?? routing.agent.id}` : "";
  return `${target}${agent} (${routing.reason})`;
}

function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

function multiline(text: string): string {
  return esc(text).replace(/\r?\n/g, "<br>");
}

/** HTML-escapes text for element content and double-quoted attributes. */
export function esc(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}
