import type { Redis } from "ioredis";
import type { TriageMode } from "../src/config.ts";
import type { TriageRun } from "../src/queue/triage-results.ts";
import {
  categoryTag,
  decidePriority,
  decideRouting,
  findCategory,
  planApply,
  rankSolutions,
  renderTriageNote,
  type Taxonomy,
  type TicketClassifier,
  type TicketSnapshot,
  ticketText,
} from "../src/triage/index.ts";
import type { AccountSnapshotCache } from "./account-snapshot.ts";
import type { CompanyLookup } from "./company-lookup.ts";

/**
 * The decision half of a triage job: classify, find articles, decide priority and routing, plan
 * which fields to change, and render the note. Pure with respect to Freshdesk writes; the
 * processor checkpoints its result before anything is written.
 */
export type DecideDeps = {
  account: AccountSnapshotCache;
  companies: CompanyLookup;
  classifier: TicketClassifier;
  taxonomy: Taxonomy;
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
  jobId: string;
  contentHash: string;
  mode: TriageMode;
  now: Date;
};

/** Everything triage decides, computed once per job and checkpointed before any write. */
export async function decide(deps: DecideDeps, input: DecideInput): Promise<Decision> {
  const { ticket, previous } = input;
  const [account, company, classified] = await Promise.all([
    deps.account.get(),
    ticket.companyId ? deps.companies.get(ticket.companyId) : Promise.resolve(undefined),
    deps.classifier.classify(ticket),
  ]);
  const { classification } = classified;
  const text = ticketText(ticket);
  const category = findCategory(deps.taxonomy, classification.category);

  // What our own earlier run applied is not a human decision; anything else set is.
  const ours = (field: string, value: unknown) =>
    previous?.applied?.includes(field) === true &&
    JSON.stringify(value) === JSON.stringify(appliedValue(previous, field));

  const priority = decidePriority({
    current: ticket.priority,
    setByHuman: ours("priority", ticket.priority) ? false : undefined,
    suggestion: classification.priority,
    confidence: classification.confidence,
    sentiment: classification.sentiment,
    text,
    companyId: ticket.companyId,
    companyName: company?.name ?? ticket.companyName,
    customFields: { ...company?.customFields, ...ticket.customFields },
    dueBy: ticket.dueBy,
    frDueBy: ticket.frDueBy,
    rules: deps.taxonomy,
    now: input.now,
  });
  const routing = await decideRouting({
    category: classification.category,
    taxonomy: deps.taxonomy,
    groups: account.groups,
    agents: account.agents,
    current: { groupId: ticket.groupId, responderId: ticket.responderId },
    groupSetByHuman: ours("group", ticket.groupId) ? false : undefined,
    responderSetByHuman: ours("agent", ticket.responderId) ? false : undefined,
    cursor: { store: deps.redis, keyPrefix: `${deps.keyPrefix}:round-robin` },
  });
  const plan = planApply({
    current: ticket,
    decisions: {
      priority: { value: priority.value, confidence: priority.confidence },
      groupId: routing.group ? { value: routing.group.id, confidence: classification.confidence } : undefined,
      responderId: routing.agent
        ? { value: routing.agent.id, confidence: classification.confidence }
        : undefined,
      type: category ? { value: category.type, confidence: classification.confidence } : undefined,
      categoryTag: { value: categoryTag(classification.category), confidence: classification.confidence },
    },
    thresholds: deps.taxonomy.thresholds,
    mode: input.mode,
    accountTypes: account.ticketTypes,
  });
  const articles = rankSolutions({ index: account.solutions, query: text, portalBaseUrl: deps.portalUrl });
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
  });

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
    type: category?.type ?? ticket.type,
    tags: plan.update.tags ?? ticket.tags,
    applied: [...new Set(plan.applied.map((c) => c.field))],
    suggested: [...new Set(plan.suggested.map((c) => c.field))],
    articles: articles.map(({ id, title, url }) => ({ id, title, url })),
    update: { ...plan.update },
    noteHtml,
    fromHint: input.fromHint,
  };
}

function appliedValue(run: TriageRun, field: string): unknown {
  if (field === "priority") return run.priority?.value;
  if (field === "group") return run.group?.id;
  if (field === "agent") return run.responderId;
  return undefined;
}
