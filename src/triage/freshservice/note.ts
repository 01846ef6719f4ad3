import type { TriageMode } from "../../config.ts";
import { esc, triageMarker } from "../note.ts";
import type { SuggestedArticle } from "../solutions.ts";
import type { MentionedAsset } from "./assets.ts";
import { type Choice, choiceName, type TicketForm } from "./form-fields.ts";
import type { FieldOutcome, FsPlan, PlannedField } from "./plan.ts";
import { LEVEL_NAMES, PRIORITY_NAMES } from "./priority-matrix.ts";

/**
 * The one private note triage writes on a Freshservice ticket: the outcome at a glance (category
 * path, type, urgency, impact, priority, group), who asked (their department) and which of their
 * assets it is about, then every field with what became of it (applied or only suggested, and
 * the precision measured on this account's history), help articles, and the same reference line
 * (marker) as the Freshdesk note, so retries and the loop guard recognise it.
 */

export type FsNoteInput = {
  jobId: string;
  contentHash: string;
  mode: TriageMode;
  plan: FsPlan;
  form: Pick<TicketForm, "urgency" | "impact" | "priority">;
  groups: ReadonlyMap<number, string>;
  departments: ReadonlyMap<number, string>;
  /** The ticket's values before triage, for the summary of what it holds now. */
  current: {
    category: string | null;
    subCategory: string | null;
    itemCategory: string | null;
    urgency: number | null;
    impact: number | null;
    priority: number | null;
    groupId: number | null;
    type: string | null;
    departmentId: number | null;
  };
  /** `departments`: the requester's own, named when the ticket has none set. */
  requester?:
    | { name?: string | undefined; email?: string | undefined; departments?: readonly string[] | undefined }
    | undefined;
  assets: readonly MentionedAsset[];
  articles: readonly SuggestedArticle[];
  model: { version: string | number; learnedFrom: number } | null;
};

const FIELD_LABELS: Record<PlannedField, string> = {
  category: "category",
  sub_category: "sub-category",
  item_category: "item",
  urgency: "urgency",
  impact: "impact",
  priority: "priority",
  group: "group",
  type: "type",
  department: "department",
};

export function renderFreshserviceNote(input: FsNoteInput): string {
  const lines: string[] = [];
  lines.push(`<p><b>Triage:</b> ${esc(summary(input))}</p>`);
  lines.push(`<p><b>Requester:</b> ${esc(requesterText(input))}</p>`);
  if (input.assets.length > 0) {
    const items = input.assets
      .map((a) => {
        // Names often carry the tag already ("MacBook Pro 14 (LAP-0042)").
        const tag = a.assetTag && !a.name.includes(a.assetTag) ? `, tag ${esc(a.assetTag)}` : "";
        return `<li>${esc(a.name)} (asset #${a.displayId}${tag}): ${esc(a.why)}</li>`;
      })
      .join("");
    lines.push(`<p><b>Their assets this is about:</b></p><ul>${items}</ul>`);
  }
  lines.push(`<p><b>Priority:</b> ${esc(priorityText(input))}</p>`);
  const fields = input.plan.outcomes.map((o) => `<li>${esc(outcomeText(o, input))}</li>`).join("");
  lines.push(`<p><b>Fields:</b></p><ul>${fields || "<li>nothing decided</li>"}</ul>`);
  if (input.articles.length > 0) {
    const items = input.articles.map((a) => `<li><a href="${esc(a.url)}">${esc(a.title)}</a></li>`).join("");
    lines.push(`<p><b>Help articles:</b></p><ul>${items}</ul>`);
  }
  const model = input.model
    ? `learned model v${input.model.version} (from ${input.model.learnedFrom.toLocaleString("en-US")} tickets)`
    : "no model learned from this account yet";
  lines.push(`<p><small>${esc(model)} · mode ${esc(input.mode)}</small></p>`);
  lines.push(triageMarker(input.jobId, input.contentHash));
  return lines.join("\n");
}

/** What the ticket holds once the applied values land (suggestions are not counted). */
function summary(input: FsNoteInput): string {
  const now = (field: PlannedField, current: string | number | null) => {
    const o = input.plan.outcomes.find((x) => x.field === field);
    return o?.status === "applied" ? o.to : current;
  };
  const c = input.current;
  const path = [
    now("category", c.category),
    now("sub_category", c.subCategory),
    now("item_category", c.itemCategory),
  ].filter((v) => v !== null && v !== "");
  const parts = [
    path.length > 0 ? path.join(" › ") : "no category",
    String(now("type", c.type) ?? "no type"),
    `urgency ${show("urgency", now("urgency", c.urgency), input)}`,
    `impact ${show("impact", now("impact", c.impact), input)}`,
    `priority ${show("priority", now("priority", c.priority), input)}`,
    `group ${show("group", now("group", c.groupId), input)}`,
  ];
  return parts.join(" · ");
}

function requesterText(input: FsNoteInput): string {
  const who = input.requester?.name ?? input.requester?.email ?? "the requester";
  const departmentId =
    (input.plan.outcomes.find((o) => o.field === "department" && o.status === "applied")?.to as
      | number
      | undefined) ?? input.current.departmentId;
  const department =
    departmentId !== null && departmentId !== undefined ? input.departments.get(departmentId) : undefined;
  if (department) return `${who}, department ${department}`;
  const theirs = input.requester?.departments ?? [];
  return theirs.length > 0
    ? `${who}, departments ${theirs.join(", ")} (none set on the ticket)`
    : `${who}, department unknown`;
}

function priorityText(input: FsNoteInput): string {
  const o = input.plan.outcomes.find((x) => x.field === "priority");
  if (!o)
    return input.plan.priorityVia === "matrix"
      ? "no impact or urgency decided for the priority matrix"
      : "not decided";
  const value = show("priority", o.to, input);
  if (input.plan.priorityVia === "matrix")
    return `${value} from ${o.detail ?? "the account's priority matrix"}`;
  const why = o.detail
    ? ` (${o.detail})`
    : o.reason === "calibrated"
      ? " (learned from this account's tickets)"
      : "";
  return `${value}, decided directly${why}`;
}

function outcomeText(o: FieldOutcome, input: FsNoteInput): string {
  const label = FIELD_LABELS[o.field];
  const change = `${label} ${show(o.field, o.from, input)} → ${show(o.field, o.to, input)}`;
  const measured = o.precision !== null ? ` (measured precision ${percent(o.precision)}%)` : "";
  switch (o.status) {
    case "applied":
      return `${change}: applied${measured}${o.reason === "rule" && o.detail ? ` (${o.detail})` : ""}`;
    case "unchanged":
      return `${label} ${show(o.field, o.to, input)}: already set${measured}`;
    case "skipped":
      return `${label}: not changed, ${o.reason}`;
    default: {
      // A held-back model value says what held it back when the decision knows more than
      // "below the target": too little text to measure, or a lower bound that fell short.
      const why = o.reason === "below_threshold" && o.detail ? o.detail : heldBack(o.reason);
      return `${change}: suggested, ${why}${measured}`;
    }
  }
}

/** Rounded down: 89.7 % shown as 90 % beside "below the target" of 90 % would contradict itself. */
function percent(precision: number): number {
  return Math.floor(precision * 100 + 1e-9);
}

function heldBack(reason: string): string {
  switch (reason) {
    case "mode":
      return "this mode writes nothing";
    case "not_enough_history":
      return "not enough history to measure";
    case "engines_disagree":
      return "the language model and the learned model disagree";
    case "no_prediction":
      return "nothing to measure it by";
    case "parent_not_applied":
      return "the level above it was not applied";
    case "orphans_lower_level":
      return "the ticket's lower category levels would no longer fit under it";
    case "matrix_inputs_not_applied":
      return "impact and urgency were not both applied";
    default:
      return "below the measured-precision target";
  }
}

function show(field: PlannedField, value: string | number | null, input: FsNoteInput): string {
  if (value === null || value === "") return "none";
  if (typeof value !== "number") return value;
  if (field === "group") return input.groups.get(value) ?? `group ${value}`;
  if (field === "department") return input.departments.get(value) ?? `department ${value}`;
  if (field === "urgency" || field === "impact") return named(input.form[field], value, LEVEL_NAMES);
  if (field === "priority") return named(input.form.priority, value, PRIORITY_NAMES);
  return String(value);
}

function named(choices: readonly Choice[], value: number, defaults: Record<number, string>): string {
  return choiceName(choices, value, defaults[value] ?? String(value));
}
