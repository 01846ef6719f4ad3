import type { Redis } from "ioredis";
import type { TriageMode } from "../src/config.ts";
import {
  type Decisions,
  decideFields,
  type FieldDecision,
  type LabelledTicket,
  type LearnedField,
  type LearnedModel,
  type LlmCalibration,
  type TicketText,
} from "../src/learning/index.ts";
import type { FieldDecisionRecord, TriageRun } from "../src/queue/triage-results.ts";
import type { Evidence } from "../src/triage/apply-plan.ts";
import {
  type Classification,
  categoryTag,
  decidePriority,
  decideRouting,
  findCategory,
  planApply,
  rankSolutions,
  renderTriageNote,
  type Taxonomy,
  type TicketClassifier,
  type TicketPriority,
  type TicketSnapshot,
  ticketText,
} from "../src/triage/index.ts";
import type { AccountSnapshotCache } from "./account-snapshot.ts";
import type { CompanyLookup } from "./company-lookup.ts";

/**
 * The decision half of a triage job: classify, find articles, decide priority and routing, plan
 * which fields to change, and render the note. Pure with respect to Freshdesk writes; the
 * processor checkpoints its result before anything is written.
 *
 * Group, type and priority are decided by `decideFields` (src/learning/decide.ts) with the
 * account's current learned model: a field is applied only when that decision says so, i.e. its
 * confidence reached the threshold where held-out history showed the target precision. The
 * urgent-wording rule is part of that decision (measured on the account's history, so eval counts
 * it); the account-data rules eval cannot see (VIP, SLA) keep their own reasons.
 */

/** The account's learned model as the registry serves it. */
export type CurrentModel = {
  version: string | number;
  model: LearnedModel;
  learnedFrom: number;
  trainedAt?: string | undefined;
  /** How often the language model was right on a sample of history, when measured. */
  llmCalibration?: LlmCalibration | undefined;
};

export type ModelSource = { current(): Promise<CurrentModel | undefined> };

export type LearningDeps = {
  /** The account's model registry; undefined (or empty) means nothing has been learned. */
  models?: ModelSource | undefined;
  targetPrecision: number;
  /** TRIAGE_APPLY_UNMEASURED: apply values no history measured (off by default). */
  applyUnmeasured: boolean;
  /** The k labelled past tickets most like this one, for the language model's prompt. */
  similar?: ((ticket: TicketText, k: number) => Promise<LabelledTicket[]>) | undefined;
};

export type DecideDeps = {
  account: AccountSnapshotCache;
  companies: CompanyLookup;
  classifier: TicketClassifier;
  taxonomy: Taxonomy;
  learning: LearningDeps;
  /** Round-robin cursors live here (an ioredis client satisfies the store). */
  redis: Redis;
  keyPrefix: string;
  portalUrl: string;
};

export type Decision = Omit<TriageRun, "jobId" | "ticketId" | "at" | "durationMs" | "noteId" | "outcome"> & {
  update: Record<string, unknown>;
  noteHtml: string;
  /** Decided from the webhook's hint; the stored content hash is replaced by Freshdesk's. */
  fromHint: boolean;
};

export type DecideInput = {
  ticket: TicketSnapshot;
  fromHint: boolean;
  previous: TriageRun | undefined;
  /** The latest run that wrote fields (later runs may have been skips); what an agent may since have changed. */
  lastApplied?: TriageRun | undefined;
  jobId: string;
  contentHash: string;
  mode: TriageMode;
  now: Date;
};

/** How many similar past tickets the language model is shown. */
export const SIMILAR_TICKETS = 5;

/** Everything triage decides, computed once per job and checkpointed before any write. */
export async function decide(deps: DecideDeps, input: DecideInput): Promise<Decision> {
  const { ticket, previous } = input;
  const { learning } = deps;
  const text: TicketText = { subject: ticket.subject, description: ticket.descriptionText };
  const [account, company, current, classified] = await Promise.all([
    deps.account.get(),
    ticket.companyId ? deps.companies.get(ticket.companyId) : Promise.resolve(undefined),
    learning.models?.current(),
    deps.classifier.classify(ticket, {
      similar: learning.similar ? () => learning.similar!(text, SIMILAR_TICKETS) : undefined,
    }),
  ]);
  const { classification } = classified;
  const category = findCategory(deps.taxonomy, classification.category);

  // What the classifier says in the learned fields' terms: the category's group and type.
  const engineValues: Partial<Record<LearnedField, { value: string | number; score: number }>> = {
    priority: { value: classification.priority.value, score: classification.confidence },
  };
  if (category?.group) engineValues.group = { value: category.group, score: classification.confidence };
  if (category?.type) engineValues.type = { value: category.type, score: classification.confidence };
  const llmAnswered = classified.engine !== "local";
  const decisions = decideFields(current?.model, text, {
    targetPrecision: learning.targetPrecision,
    applyUnmeasured: learning.applyUnmeasured,
    // The language model is a second engine beside the learned one; the local classifier only
    // stands in where no history measured anything.
    llm: llmAnswered ? engineValues : undefined,
    llmCalibration: current?.llmCalibration,
    unmeasured: llmAnswered ? undefined : engineValues,
  });

  // What our own earlier run applied is not a human decision; anything else set is.
  const ours = (field: string, value: unknown) =>
    previous?.applied?.includes(field) === true &&
    JSON.stringify(value) === JSON.stringify(appliedValue(previous, field));

  const learnedPriority = decisions.priority;
  const priority = decidePriority({
    current: ticket.priority,
    setByHuman: ours("priority", ticket.priority) ? false : undefined,
    suggestion:
      learnedPriority.value !== null
        ? {
            value: learnedPriority.value as TicketPriority,
            reason: priorityReason(learnedPriority, classification),
          }
        : classification.priority,
    confidence: classification.confidence,
    sentiment: classification.sentiment,
    text: ticketText(ticket),
    // Urgent wording is decideFields' measured rule (above), so eval counts what is applied;
    // only the account-data rules eval cannot see (VIP, SLA) are added here.
    textRules: false,
    companyId: ticket.companyId,
    companyName: company?.name ?? ticket.companyName,
    customFields: { ...company?.customFields, ...ticket.customFields },
    dueBy: ticket.dueBy,
    frDueBy: ticket.frDueBy,
    rules: deps.taxonomy,
    now: input.now,
  });
  const priorityEvidence: Evidence = priority.byRule
    ? {
        applied: priority.confidence >= deps.taxonomy.thresholds.priority,
        precision: null,
        reason: "rule",
        detail: priority.reason,
      }
    : evidenceOf(learnedPriority);

  const groupDecision = decisions.group;
  const routing = await decideRouting({
    category: classification.category,
    groupName: groupDecision.value !== null ? String(groupDecision.value) : undefined,
    groupSource: sourceText(groupDecision),
    taxonomy: deps.taxonomy,
    groups: account.groups,
    agents: account.agents,
    current: { groupId: ticket.groupId, responderId: ticket.responderId },
    groupSetByHuman: ours("group", ticket.groupId) ? false : undefined,
    responderSetByHuman: ours("agent", ticket.responderId) ? false : undefined,
    cursor: { store: deps.redis, keyPrefix: deps.keyPrefix },
  });
  const groupEvidence = evidenceOf(groupDecision);
  // The agent follows the group: round robin inside a group a person chose is the policy's
  // own decision; otherwise the agent stands or falls with the group decision.
  const agentEvidence: Evidence = routing.keptHumanGroup
    ? { applied: true, precision: null, reason: "rule", detail: "round robin in the group a person chose" }
    : groupEvidence;
  const tagEvidence = categoryTagEvidence(category?.group, groupDecision, learning.applyUnmeasured);

  const plan = planApply({
    current: ticket,
    decisions: {
      priority: { value: priority.value, confidence: priority.confidence, evidence: priorityEvidence },
      groupId: routing.group
        ? { value: routing.group.id, confidence: classification.confidence, evidence: groupEvidence }
        : undefined,
      responderId: routing.agent
        ? { value: routing.agent.id, confidence: classification.confidence, evidence: agentEvidence }
        : undefined,
      type:
        decisions.type.value !== null
          ? {
              value: String(decisions.type.value),
              confidence: classification.confidence,
              evidence: evidenceOf(decisions.type),
            }
          : undefined,
      categoryTag: {
        value: categoryTag(classification.category),
        confidence: classification.confidence,
        evidence: tagEvidence,
      },
    },
    thresholds: deps.taxonomy.thresholds,
    mode: input.mode,
    accountTypes: account.ticketTypes,
  });
  const articles = rankSolutions({
    index: account.solutions,
    query: ticketText(ticket),
    portalBaseUrl: deps.portalUrl,
  });
  const model = current
    ? { version: current.version, learnedFrom: current.learnedFrom, trainedAt: current.trainedAt }
    : null;
  const noteHtml = renderTriageNote({
    jobId: input.jobId,
    contentHash: input.contentHash,
    mode: input.mode,
    categoryLabel: category?.label ?? classification.category,
    classification,
    engine: classified.engine,
    fallbackReason: classified.fallbackReason,
    priority,
    routing,
    plan,
    articles,
    names: {
      groups: new Map(account.groups.map((g) => [g.id, g.name])),
      agents: new Map(account.agents.map((a) => [a.id, a.name ?? String(a.id)])),
    },
    model,
  });

  const typeValue = decisions.type.value !== null ? String(decisions.type.value) : null;
  return {
    mode: input.mode,
    subject: ticket.subject,
    contentHash: input.contentHash,
    engine: classified.engine,
    fallbackReason: classified.fallbackReason,
    category: classification.category,
    confidence: classification.confidence,
    sentiment: classification.sentiment,
    language: classification.language,
    summary: classification.summary,
    priority: { value: priority.value, reason: priority.reason },
    group: { id: routing.group?.id ?? ticket.groupId, name: routing.group?.name ?? null },
    responderId: routing.agent?.id ?? ticket.responderId,
    type: plan.update.type ?? typeValue ?? ticket.type,
    tags: plan.update.tags ?? ticket.tags,
    applied: [...new Set(plan.applied.map((c) => c.field))],
    suggested: [...new Set(plan.suggested.map((c) => c.field))],
    articles: articles.map(({ id, title, url }) => ({ id, title, url })),
    model,
    decisions: evidenceRecords(decisions, current?.version ?? null),
    update: { ...plan.update },
    noteHtml,
    fromHint: input.fromHint,
  };
}

function evidenceOf(decision: FieldDecision): Evidence {
  return {
    applied: decision.applied,
    precision: decision.precision,
    reason: decision.reason,
    detail: decision.detail,
  };
}

/**
 * The category tag is the classifier's own word, so it is applied only where a measured group
 * decision backs it (same group, applied), or when the operator opted into unmeasured values.
 */
function categoryTagEvidence(
  categoryGroup: string | undefined,
  group: FieldDecision,
  applyUnmeasured: boolean,
): Evidence {
  if (applyUnmeasured) return { applied: true, precision: null, reason: "not_enough_history" };
  const backed =
    group.applied &&
    categoryGroup !== undefined &&
    String(group.value).toLowerCase() === categoryGroup.toLowerCase();
  if (backed) return { applied: true, precision: group.precision, reason: group.reason };
  if (group.reason === "not_enough_history" || group.reason === "no_prediction")
    return { applied: false, precision: null, reason: "not_enough_history" };
  return { applied: false, precision: null, reason: group.applied ? "engines_disagree" : "below_threshold" };
}

function priorityReason(decision: FieldDecision, classification: Classification): string {
  if (decision.source === "rule" && decision.detail) return decision.detail;
  if (decision.source === "model" && decision.reason !== "not_enough_history")
    return "learned from this account's tickets";
  if (decision.source === "both")
    return `learned model and language model agree: ${classification.priority.reason}`;
  return classification.priority.reason;
}

function sourceText(decision: FieldDecision): string {
  if (decision.source === "llm") return "language model";
  if (decision.source === "both") return "learned model and language model";
  if (decision.source === "rule") return decision.detail ?? "rule";
  if (decision.reason === "not_enough_history") return "classifier (not measured)";
  return "learned model";
}

function evidenceRecords(
  decisions: Decisions,
  modelVersion: string | number | null,
): Record<LearnedField, FieldDecisionRecord> {
  const record = (d: FieldDecision): FieldDecisionRecord => ({
    value: d.value,
    precision: d.precision,
    applied: d.applied,
    reason: d.reason,
    source: d.source,
    ...(d.detail ? { detail: d.detail } : {}),
    modelVersion,
  });
  return {
    group: record(decisions.group),
    type: record(decisions.type),
    priority: record(decisions.priority),
  };
}

function appliedValue(run: TriageRun, field: string): unknown {
  if (field === "priority") return run.priority?.value;
  if (field === "group") return run.group?.id;
  if (field === "agent") return run.responderId;
  return undefined;
}
