import type { TriageMode } from "../../config.ts";
import { FRESHSERVICE_LEARNED_FIELDS, type FreshserviceLearnedField } from "../../learning/types.ts";
import { type CategoryPath, formatCategoryPath, type TicketForm, validCategoryPath } from "./form-fields.ts";
import { type Level, type Priority, type PriorityMatrix, priorityFromMatrix } from "./priority-matrix.ts";

/**
 * Turns the per-field decisions (src/learning's `decideFields` over the Freshservice fields)
 * into the smallest ticket update the account's own form allows, and says for every field what
 * became of it: applied, only suggested (and why), unchanged, or skipped (and why).
 *
 * - Category › sub-category › item is written only as a path of the account's tree: a level is
 *   applied when its own decision is and its parent is applied or already on the ticket; a
 *   sub-category that is not under the category never is. Changing the category clears the
 *   levels below it that are not decided, so the ticket never holds an impossible path.
 * - Priority is decided directly, or, with a priority matrix, read from it for the impact and
 *   urgency the ticket will have; it is applied only when both of those are settled.
 * - A value our earlier run applied and an agent has since changed is left alone.
 * - A Service Request stays one: those come from the catalog with requested items.
 */

/** The fields triage decides: the ones learning learns for Freshservice. */
export const FRESHSERVICE_FIELDS = FRESHSERVICE_LEARNED_FIELDS;
export type FreshserviceField = FreshserviceLearnedField;
export type PlannedField = FreshserviceField | "department";

/** One field's decision, as `decideFields` returns it. */
export type FieldVerdict = {
  value: string | number | null;
  /** Measured precision on held-out history at this confidence; null when not measured. */
  precision: number | null;
  applied: boolean;
  reason: string;
  source?: string | undefined;
  detail?: string | undefined;
};

export type FsCurrent = {
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

export type OutcomeStatus = "applied" | "suggested" | "unchanged" | "skipped";

export type FieldOutcome = {
  field: PlannedField;
  from: string | number | null;
  to: string | number | null;
  status: OutcomeStatus;
  precision: number | null;
  /** For suggested: the decision's reason (below_threshold, not_enough_history, mode, …); for skipped: why, in words. */
  reason: string;
  detail?: string | undefined;
};

export type FsPlanInput = {
  current: FsCurrent;
  decisions: Partial<Record<FreshserviceField, FieldVerdict>>;
  form: TicketForm;
  groups: ReadonlyArray<{ id: number; name: string }>;
  matrix?: PriorityMatrix | undefined;
  mode: TriageMode;
  /** What our previous run applied: a field the ticket no longer holds was changed by an agent. */
  previous?:
    | { applied: readonly string[]; values: Partial<Record<PlannedField, string | number | null>> }
    | undefined;
  /** The requester's department (from the account's requesters), set when the ticket has none. */
  requesterDepartment?: { id: number; name: string } | undefined;
};

export type FsPlan = {
  update: Record<string, unknown>;
  outcomes: FieldOutcome[];
  priorityVia: "direct" | "matrix";
  applied: PlannedField[];
  suggested: PlannedField[];
};

const TYPES_WITHOUT_FORM = ["Incident", "Service Request"];
const SERVICE_REQUEST = "service request";

export function planFreshserviceUpdate(input: FsPlanInput): FsPlan {
  const { current, decisions, mode } = input;
  const update: Record<string, unknown> = {};
  const outcomes: FieldOutcome[] = [];
  const byField = new Map<PlannedField, FieldOutcome>();
  const push = (outcome: FieldOutcome) => {
    outcomes.push(outcome);
    byField.set(outcome.field, outcome);
    return outcome;
  };
  const changedByAgent = (field: PlannedField, now: string | number | null) =>
    input.previous?.applied.includes(field) === true &&
    field in input.previous.values &&
    !sameValue(input.previous.values[field] ?? null, now);

  /** The common path: a valid value against the ticket's current one. */
  const consider = (
    field: PlannedField,
    from: string | number | null,
    to: string | number,
    verdict: Pick<FieldVerdict, "applied" | "precision" | "reason" | "detail">,
    write: () => void,
  ): FieldOutcome => {
    const base = { field, from, to, precision: verdict.precision, detail: verdict.detail };
    if (sameValue(from, to)) return push({ ...base, status: "unchanged", reason: verdict.reason });
    if (changedByAgent(field, from))
      return push({ ...base, status: "skipped", reason: "an agent changed it after our earlier triage" });
    if (mode !== "apply") return push({ ...base, status: "suggested", reason: "mode" });
    if (!verdict.applied) return push({ ...base, status: "suggested", reason: verdict.reason });
    write();
    return push({ ...base, status: "applied", reason: verdict.reason });
  };
  const skip = (
    field: PlannedField,
    from: string | number | null,
    verdict: FieldVerdict | undefined,
    reason: string,
  ) =>
    push({
      field,
      from,
      to: verdict?.value ?? null,
      status: "skipped",
      precision: verdict?.precision ?? null,
      reason,
    });

  planCategory(input, consider, skip, update);

  for (const field of ["urgency", "impact"] as const) {
    const verdict = decisions[field];
    if (!verdict || verdict.value === null) continue;
    const level = asLevel(verdict.value);
    const offered = input.form[field].length === 0 || input.form[field].some((c) => Number(c.id) === level);
    if (level === undefined || !offered) {
      skip(field, current[field], verdict, `the account's form offers no ${field} ${String(verdict.value)}`);
      continue;
    }
    consider(field, current[field], level, verdict, () => {
      update[field] = level;
    });
  }

  const priorityVia = input.matrix ? "matrix" : "direct";
  if (input.matrix) planMatrixPriority(input, input.matrix, byField, consider, update);
  else {
    const verdict = decisions.priority;
    if (verdict && verdict.value !== null) {
      const priority = asPriority(verdict.value);
      if (priority === undefined)
        skip("priority", current.priority, verdict, `priority ${String(verdict.value)} is not 1–4`);
      else
        consider("priority", current.priority, priority, verdict, () => {
          update.priority = priority;
        });
    }
  }

  const group = decisions.group;
  if (group && group.value !== null) {
    const found = findGroup(input.groups, group.value);
    if (!found)
      skip("group", current.groupId, group, `the account has no agent group "${String(group.value)}"`);
    else
      consider("group", current.groupId, found.id, group, () => {
        update.group_id = found.id;
      });
  }

  const type = decisions.type;
  if (type && type.value !== null) {
    const offered = input.form.types.length > 0 ? input.form.types : TYPES_WITHOUT_FORM;
    const accountType = offered.find((t) => t.toLowerCase() === String(type.value).toLowerCase());
    if (!accountType)
      skip("type", current.type, type, `the account's form has no ticket type "${String(type.value)}"`);
    else if (current.type?.toLowerCase() === SERVICE_REQUEST && accountType.toLowerCase() !== SERVICE_REQUEST)
      skip("type", current.type, type, "a service request stays one (it came from the catalog)");
    else
      consider("type", current.type, accountType, type, () => {
        update.type = accountType;
      });
  }

  const department = input.requesterDepartment;
  if (department && current.departmentId === null) {
    consider(
      "department",
      null,
      department.id,
      { applied: true, precision: null, reason: "rule", detail: "the requester's department" },
      () => {
        update.department_id = department.id;
      },
    );
  }

  return {
    update,
    outcomes,
    priorityVia,
    applied: outcomes.filter((o) => o.status === "applied").map((o) => o.field),
    suggested: outcomes.filter((o) => o.status === "suggested").map((o) => o.field),
  };
}

type Consider = (
  field: PlannedField,
  from: string | number | null,
  to: string | number,
  verdict: Pick<FieldVerdict, "applied" | "precision" | "reason" | "detail">,
  write: () => void,
) => FieldOutcome;
type Skip = (
  field: PlannedField,
  from: string | number | null,
  verdict: FieldVerdict | undefined,
  reason: string,
) => FieldOutcome;

const LEVEL_FIELDS = [
  { field: "category", key: "category", wire: "category" },
  { field: "sub_category", key: "subCategory", wire: "sub_category" },
  { field: "item_category", key: "itemCategory", wire: "item_category" },
] as const;

function planCategory(
  input: FsPlanInput,
  consider: Consider,
  skip: Skip,
  update: Record<string, unknown>,
): void {
  const { decisions, current } = input;
  const wanted = {
    category: stringValue(decisions.category),
    subCategory: stringValue(decisions.sub_category),
    itemCategory: stringValue(decisions.item_category),
  };
  if (!wanted.category && !wanted.subCategory && !wanted.itemCategory) return;
  if (input.form.categories.length === 0) {
    for (const level of LEVEL_FIELDS) {
      const verdict = decisions[level.field];
      if (verdict?.value != null)
        skip(level.field, current[level.key], verdict, "the account's form has no category field");
    }
    return;
  }
  // A decided sub-category or item hangs under the decided category, or under the ticket's own
  // when no category was decided.
  const path: Partial<CategoryPath> =
    validCategoryPath(input.form.categories, {
      category: wanted.category ?? current.category,
      subCategory: wanted.subCategory ?? current.subCategory,
      itemCategory: wanted.itemCategory ?? current.itemCategory,
    }) ?? {};

  let parentSettled = true;
  let cleared = false;
  // A lower level the ticket holds that would no longer fit under a changed parent. Writing null
  // to clear it is not something update_ticket takes, so the change is then only suggested.
  let orphaned = false;
  const appliedLevels: Array<{ outcome: FieldOutcome; wire: string }> = [];
  for (const [index, level] of LEVEL_FIELDS.entries()) {
    const verdict = decisions[level.field];
    const from = current[level.key];
    if (!verdict || verdict.value === null) {
      // A changed parent makes this level's old value impossible under it.
      if (cleared && from !== null) orphaned = true;
      parentSettled &&= from !== null && sameValue(from, path[level.key] ?? null);
      continue;
    }
    const valid = path[level.key];
    if (!valid || !sameValue(valid, verdict.value)) {
      const parent =
        index === 0 ? "" : ` under ${formatCategoryPath(path.category ? pathUpTo(path, index) : undefined)}`;
      skip(
        level.field,
        from,
        verdict,
        `"${String(verdict.value)}" is not a ${level.field.replace("_", "-")}${parent} in the account's form`,
      );
      if (cleared && from !== null) orphaned = true;
      parentSettled = false;
      continue;
    }
    const settled = parentSettled;
    const outcome = consider(
      level.field,
      from,
      valid,
      settled
        ? verdict
        : { ...verdict, applied: false, reason: verdict.applied ? "parent_not_applied" : verdict.reason },
      () => {
        update[level.wire] = valid;
      },
    );
    if (outcome.status === "applied") {
      cleared = true;
      appliedLevels.push({ outcome, wire: level.wire });
    } else if (cleared && from !== null && !sameValue(from, valid)) orphaned = true;
    parentSettled = outcome.status === "applied" || outcome.status === "unchanged";
  }
  if (!orphaned) return;
  for (const { outcome, wire } of appliedLevels) {
    outcome.status = "suggested";
    outcome.reason = "orphans_lower_level";
    delete update[wire];
  }
}

function pathUpTo(path: Partial<CategoryPath>, levels: number): Partial<CategoryPath> {
  return levels >= 2 ? path : { category: path.category };
}

function planMatrixPriority(
  input: FsPlanInput,
  matrix: PriorityMatrix,
  byField: ReadonlyMap<PlannedField, FieldOutcome>,
  consider: Consider,
  update: Record<string, unknown>,
): void {
  const { current } = input;
  const side = (field: "impact" | "urgency") => {
    const outcome = byField.get(field);
    const verdict = input.decisions[field];
    const value = asLevel(outcome && outcome.status !== "skipped" ? outcome.to : current[field]) ?? 1;
    // Settled: what triage applies now, or a value the ticket already holds that triage agrees with.
    const settled =
      outcome?.status === "applied" || (outcome?.status === "unchanged" && verdict?.applied === true);
    return { value, settled, precision: outcome?.precision ?? null };
  };
  const impact = side("impact");
  const urgency = side("urgency");
  if (!input.decisions.impact && !input.decisions.urgency) return;
  const priority: Priority = priorityFromMatrix(matrix, impact.value, urgency.value);
  const precisions = [impact.precision, urgency.precision].filter((p): p is number => p !== null);
  const detail = `impact ${LEVEL_TEXT[impact.value]} × urgency ${LEVEL_TEXT[urgency.value]} in the account's priority matrix`;
  const settled = impact.settled && urgency.settled;
  consider(
    "priority",
    current.priority,
    priority,
    {
      applied: settled,
      precision: precisions.length === 2 ? Math.min(...precisions) : null,
      reason: settled ? "matrix" : "matrix_inputs_not_applied",
      detail,
    },
    () => {
      update.priority = priority;
    },
  );
}

const LEVEL_TEXT: Record<Level, string> = { 1: "Low", 2: "Medium", 3: "High" };

function findGroup(groups: FsPlanInput["groups"], value: string | number) {
  if (typeof value === "number") return groups.find((g) => g.id === value);
  const wanted = value.trim().toLowerCase();
  return (
    groups.find((g) => g.name.trim().toLowerCase() === wanted) ?? groups.find((g) => String(g.id) === wanted)
  );
}

function stringValue(verdict: FieldVerdict | undefined): string | undefined {
  return verdict && verdict.value !== null && String(verdict.value).trim()
    ? String(verdict.value)
    : undefined;
}

function asLevel(value: string | number | null | undefined): Level | undefined {
  const n = typeof value === "string" ? Number(value) : value;
  return n === 1 || n === 2 || n === 3 ? n : undefined;
}

function asPriority(value: string | number): Priority | undefined {
  const n = typeof value === "string" ? Number(value) : value;
  return n === 1 || n === 2 || n === 3 || n === 4 ? n : undefined;
}

function sameValue(a: string | number | null, b: string | number | null): boolean {
  if (a === null || b === null) return a === b;
  return String(a).trim().toLowerCase() === String(b).trim().toLowerCase();
}
