import type { TriageMode } from "../config.ts";
import { type ConfidenceThresholds, type TicketPriority, TRIAGED_TAG } from "./taxonomy.ts";
import type { TicketSnapshot } from "./ticket-snapshot.ts";

/**
 * Turns decisions into the smallest ticket update: only fields that would change, and only
 * those whose confidence clears the field's threshold. Everything else is listed as a
 * suggestion for the note. In `suggest` and `dry-run` modes nothing is applied.
 *
 * The agent (responder) uses the group threshold: it follows from the routing decision.
 * A decision that carries evidence (a measured decision or a rule) is applied exactly when its
 * evidence says so; the thresholds only judge decisions without it.
 */

export type TicketUpdate = {
  priority?: TicketPriority;
  group_id?: number;
  responder_id?: number;
  type?: string;
  tags?: string[];
};

export type PlanField = "priority" | "group" | "agent" | "type" | "tags";

/**
 * Why a value may be applied, when a measured decision (src/learning/decide.ts) or a rule made
 * it: then `applied` decides, not the raw confidence against a threshold.
 */
export type Evidence = {
  applied: boolean;
  /** Measured precision at this confidence on held-out history; null when not measured. */
  precision: number | null;
  /** `calibrated`, `below_threshold`, `not_enough_history`, `engines_disagree`, `rule`, … */
  reason: string;
  /** For a rule: what it saw, e.g. `mentions "outage"`. */
  detail?: string | undefined;
};

export type HeldBack =
  | "below_threshold"
  | "mode"
  | "not_enough_history"
  | "engines_disagree"
  | "no_prediction";

export type FieldChange = {
  field: PlanField;
  from: string | number | null;
  to: string | number;
  confidence: number;
  /** Why it is only suggested: below its bar, not measured, engines disagree, or the mode forbids changes. */
  heldBack?: HeldBack | undefined;
  evidence?: Evidence | undefined;
};

export type SkippedField = { field: PlanField; reason: string };

export type Decision<T> = { value: T; confidence: number; evidence?: Evidence | undefined };

export type PlanInput = {
  current: Pick<TicketSnapshot, "priority" | "groupId" | "responderId" | "type" | "tags">;
  decisions: {
    priority?: Decision<TicketPriority> | undefined;
    groupId?: Decision<number> | undefined;
    responderId?: Decision<number> | undefined;
    type?: Decision<string> | undefined;
    /** The category tag; `ai-triaged` is added whenever anything is applied or tagged. */
    categoryTag?: Decision<string> | undefined;
  };
  thresholds: ConfidenceThresholds;
  mode: TriageMode;
  /** The account's ticket types (`default_ticket_type` choices). */
  accountTypes: readonly string[];
};

export type ApplyPlan = {
  update: TicketUpdate;
  applied: FieldChange[];
  suggested: FieldChange[];
  skipped: SkippedField[];
};

export function planApply(input: PlanInput): ApplyPlan {
  const { current, decisions, thresholds } = input;
  const plan: ApplyPlan = { update: {}, applied: [], suggested: [], skipped: [] };
  const consider = (change: FieldChange, threshold: number, write: () => void) => {
    if (input.mode !== "apply") {
      plan.suggested.push({ ...change, heldBack: "mode" });
    } else if (change.evidence) {
      if (change.evidence.applied) {
        plan.applied.push(change);
        write();
      } else plan.suggested.push({ ...change, heldBack: heldBackFor(change.evidence) });
    } else if (change.confidence < threshold) {
      plan.suggested.push({ ...change, heldBack: "below_threshold" });
    } else {
      plan.applied.push(change);
      write();
    }
  };

  const priority = decisions.priority;
  if (priority && priority.value !== current.priority) {
    consider(change("priority", current.priority, priority), thresholds.priority, () => {
      plan.update.priority = priority.value;
    });
  }
  const group = decisions.groupId;
  if (group && group.value !== current.groupId) {
    consider(change("group", current.groupId, group), thresholds.group, () => {
      plan.update.group_id = group.value;
    });
  }
  const responder = decisions.responderId;
  if (responder && responder.value !== current.responderId) {
    consider(change("agent", current.responderId, responder), thresholds.group, () => {
      plan.update.responder_id = responder.value;
    });
  }
  const type = decisions.type;
  if (type) {
    const accountType = input.accountTypes.find((t) => t.toLowerCase() === type.value.toLowerCase());
    if (!accountType) {
      plan.skipped.push({ field: "type", reason: `the account has no ticket type "${type.value}"` });
    } else if (accountType !== current.type) {
      consider(change("type", current.type, { ...type, value: accountType }), thresholds.type, () => {
        plan.update.type = accountType;
      });
    }
  }
  planTags(input, plan);
  return plan;
}

function planTags(input: PlanInput, plan: ApplyPlan): void {
  const existing = input.current.tags;
  const tag = input.decisions.categoryTag;
  if (tag && !hasTag(existing, tag.value)) {
    const tagChange = change("tags", null, tag);
    if (input.mode !== "apply") plan.suggested.push({ ...tagChange, heldBack: "mode" });
    else if (tag.evidence && !tag.evidence.applied)
      plan.suggested.push({ ...tagChange, heldBack: heldBackFor(tag.evidence) });
    else if (!tag.evidence && tag.confidence < input.thresholds.tags)
      plan.suggested.push({ ...tagChange, heldBack: "below_threshold" });
    else plan.applied.push(tagChange);
  }
  if (input.mode !== "apply") return;
  const additions = plan.applied.filter((c) => c.field === "tags").map((c) => String(c.to));
  if (!hasTag(existing, TRIAGED_TAG)) additions.push(TRIAGED_TAG);
  if (additions.length === 0) return;
  // Freshdesk replaces the whole tag list on update, so send the merged list.
  plan.update.tags = [...existing, ...additions];
  if (additions.includes(TRIAGED_TAG)) {
    plan.applied.push({ field: "tags", from: null, to: TRIAGED_TAG, confidence: 1 });
  }
}

function hasTag(tags: readonly string[], tag: string): boolean {
  const wanted = tag.toLowerCase();
  return tags.some((t) => t.toLowerCase() === wanted);
}

function change<T extends string | number>(
  field: PlanField,
  from: string | number | null,
  decision: Decision<T>,
): FieldChange {
  const made: FieldChange = { field, from, to: decision.value, confidence: decision.confidence };
  if (decision.evidence) made.evidence = decision.evidence;
  return made;
}

function heldBackFor(evidence: Evidence): HeldBack {
  const known: readonly string[] = ["not_enough_history", "engines_disagree", "no_prediction"];
  return known.includes(evidence.reason) ? (evidence.reason as HeldBack) : "below_threshold";
}
