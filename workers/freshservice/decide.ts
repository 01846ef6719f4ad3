import {
  decideFields,
  type LearnedModel,
  learnedFieldsFor,
  type TicketText,
} from "../../src/learning/index.ts";
import type { FieldDecisionRecord, TriageRun } from "../../src/queue/triage-results.ts";
import {
  assetsMentioned,
  type FieldOutcome,
  type FieldVerdict,
  FRESHSERVICE_FIELDS,
  type FreshserviceField,
  formatCategoryPath,
  guessCategoryPath,
  type PlannedField,
  type PriorityMatrix,
  planFreshserviceUpdate,
  renderFreshserviceNote,
} from "../../src/triage/freshservice/index.ts";
import { rankSolutions, ticketText } from "../../src/triage/index.ts";
import type { DecideInput, Decision, LearningDeps } from "../decide.ts";
import type { FsAccountSnapshot } from "./account-snapshot.ts";
import type { FsTicketSnapshot } from "./snapshot.ts";

/**
 * The decision half of a Freshservice triage job: the account's learned model decides each
 * Freshservice field through the same `decideFields` eval measures (a field is applied only where
 * held-out history showed the target precision), the account's form decides which values exist,
 * and the note says what became of each. Nothing here calls Freshservice: the account data comes
 * from the cached snapshot, so a ticket costs only its read, its update and its note.
 */
export type FsDecideDeps = {
  account: { get(): Promise<FsAccountSnapshot> };
  learning: LearningDeps;
  /** TRIAGE_CONFIG's priorityMatrix; without it priority is decided directly. */
  priorityMatrix?: PriorityMatrix | undefined;
  portalUrl: string;
};

/** What the run record keeps per field, so a later run knows what it applied (the override loop). */
export type FsFieldRecord = Pick<FieldOutcome, "from" | "to" | "status" | "precision" | "reason">;

export async function decideFreshservice(deps: FsDecideDeps, input: DecideInput): Promise<Decision> {
  const ticket = input.ticket as FsTicketSnapshot;
  const { fs } = ticket;
  const text: TicketText = { subject: ticket.subject, description: ticket.descriptionText };
  const [account, current] = await Promise.all([deps.account.get(), deps.learning.models?.current()]);
  const fullText = ticketText(ticket);

  // With no history for a field, the category the ticket names stands in (never measured).
  const guess = guessCategoryPath(account.form.categories, fullText);
  const unmeasured: Partial<Record<FreshserviceField, { value: string; score: number }>> = {};
  if (guess) {
    unmeasured.category = { value: guess.category, score: 0 };
    if (guess.subCategory) unmeasured.sub_category = { value: guess.subCategory, score: 0 };
    if (guess.itemCategory) unmeasured.item_category = { value: guess.itemCategory, score: 0 };
  }
  const decisions = decideFreshserviceFields(current?.model, text, {
    targetPrecision: deps.learning.targetPrecision,
    applyUnmeasured: deps.learning.applyUnmeasured,
    unmeasured,
  });

  const requester = fs.requesterId !== null ? account.requesters.get(fs.requesterId) : undefined;
  const department =
    fs.departmentId === null && requester?.departmentIds.length === 1
      ? account.departments.find((d) => d.id === requester.departmentIds[0])
      : undefined;
  const plan = planFreshserviceUpdate({
    current: fs,
    decisions,
    form: account.form,
    groups: account.groups,
    matrix: deps.priorityMatrix,
    mode: input.mode,
    previous: previousValues(input.lastApplied ?? input.previous),
    requesterDepartment: department,
  });
  const assets = assetsMentioned(
    fullText,
    fs.requesterId !== null ? (account.assetsByUser.get(fs.requesterId) ?? []) : [],
  );
  const articles = rankSolutions({
    index: account.solutions,
    query: fullText,
    portalBaseUrl: deps.portalUrl,
  });
  const model = current
    ? { version: current.version, learnedFrom: current.learnedFrom, trainedAt: current.trainedAt }
    : null;
  const groupNames = new Map(account.groups.map((g) => [g.id, g.name]));
  const noteHtml = renderFreshserviceNote({
    jobId: input.jobId,
    contentHash: input.contentHash,
    mode: input.mode,
    plan,
    form: account.form,
    current: fs,
    groups: groupNames,
    departments: new Map(account.departments.map((d) => [d.id, d.name])),
    requester: requester
      ? {
          name: requester.name,
          email: requester.email,
          departments: requester.departmentIds.flatMap(
            (id) => account.departments.find((d) => d.id === id)?.name ?? [],
          ),
        }
      : { name: ticket.requesterName },
    assets,
    articles,
    model,
  });

  const outcome = (field: PlannedField) => plan.outcomes.find((o) => o.field === field);
  const landed = (field: PlannedField, currentValue: string | number | null) => {
    const o = outcome(field);
    return o && o.status !== "skipped" ? o.to : currentValue;
  };
  const groupId = landed("group", fs.groupId);
  const priority = outcome("priority");
  const path = formatCategoryPath({
    category: String(landed("category", fs.category) ?? "") || undefined,
    subCategory: String(landed("sub_category", fs.subCategory) ?? "") || undefined,
    itemCategory: String(landed("item_category", fs.itemCategory) ?? "") || undefined,
  });
  const modelVersion = current?.version ?? null;
  const records: Record<string, FieldDecisionRecord> = {};
  for (const field of FRESHSERVICE_FIELDS) {
    const d = decisions[field];
    if (!d) continue;
    records[field] = {
      value: d.value,
      precision: d.precision,
      applied: d.applied,
      reason: d.reason,
      ...(d.source ? { source: d.source } : {}),
      ...(d.detail ? { detail: d.detail } : {}),
      modelVersion,
    };
  }
  const fields: Record<string, FsFieldRecord> = {};
  for (const o of plan.outcomes) {
    fields[o.field] = { from: o.from, to: o.to, status: o.status, precision: o.precision, reason: o.reason };
  }

  const decision: Decision & { fields: Record<string, FsFieldRecord>; assets: typeof assets } = {
    mode: input.mode,
    subject: ticket.subject,
    contentHash: input.contentHash,
    engine: current ? "learned model" : "none",
    category: path,
    priority:
      typeof priority?.to === "number"
        ? { value: priority.to, reason: priority.detail ?? priorityReason(priority) }
        : undefined,
    group: {
      id: typeof groupId === "number" ? groupId : null,
      name: typeof groupId === "number" ? (groupNames.get(groupId) ?? null) : null,
    },
    type: (landed("type", fs.type) as string | null) ?? null,
    applied: plan.applied,
    suggested: plan.suggested,
    articles: articles.map((a) => ({ id: a.id, title: a.title, url: a.url })),
    model,
    decisions: records,
    fields,
    assets,
    update: plan.update,
    noteHtml,
    fromHint: input.fromHint,
  };
  return decision;
}

/** `decideFields` over the Freshservice fields (`learnedFieldsFor("freshservice")`). */
export function decideFreshserviceFields(
  model: LearnedModel | undefined,
  text: TicketText,
  options: {
    targetPrecision: number;
    applyUnmeasured: boolean;
    unmeasured: Partial<Record<FreshserviceField, { value: string | number; score: number }>>;
  },
): Partial<Record<FreshserviceField, FieldVerdict>> {
  const decided = decideFields(model, text, { ...options, fields: learnedFieldsFor("freshservice") });
  const verdicts: Partial<Record<FreshserviceField, FieldVerdict>> = {};
  for (const field of FRESHSERVICE_FIELDS) {
    const d = decided[field];
    if (d && d.value !== null) verdicts[field] = d;
  }
  return verdicts;
}

function previousValues(run: TriageRun | undefined) {
  const fields = (run as (TriageRun & { fields?: Record<string, FsFieldRecord> }) | undefined)?.fields;
  if (!run || !fields) return undefined;
  const values: Partial<Record<PlannedField, string | number | null>> = {};
  for (const [field, record] of Object.entries(fields)) {
    if (record.status === "applied") values[field as PlannedField] = record.to;
  }
  return { applied: run.applied ?? [], values };
}

function priorityReason(outcome: FieldOutcome): string {
  if (outcome.reason === "calibrated") return "learned from this account's tickets";
  if (outcome.reason === "not_enough_history") return "not enough history to measure";
  return outcome.reason;
}
