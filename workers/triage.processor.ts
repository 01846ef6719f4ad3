import type { Job } from "bullmq";
import type { Redis } from "ioredis";
import type { TriageMode } from "../src/config.ts";
import type { TriageJob } from "../src/queue/triage-queue.ts";
import type { TriageResultStore, TriageRun } from "../src/queue/triage-results.ts";
import {
  categoryTag,
  contentHash,
  decidePriority,
  decideRouting,
  findCategory,
  guardTicket,
  markerJobId,
  planApply,
  rankSolutions,
  renderTriageNote,
  type Taxonomy,
  type TicketClassifier,
  type TicketSnapshot,
  type TriageMarker,
  ticketText,
} from "../src/triage/index.ts";
import type { AccountSnapshotCache } from "./account-snapshot.ts";
import type { CompanyLookup } from "./company-lookup.ts";
import { readHint, snapshotFromHint } from "./hint-snapshot.ts";
import type { PipelineTools } from "./pipeline-tools.ts";
import type { JobOutcome, TriageProcessor } from "./triage-worker.ts";

/**
 * One triage job: load → guard → classify → solutions → priority → route → apply → note → record.
 *
 * Everything decided is checkpointed on the job before the first write, and each write is
 * checkpointed after it lands, so a retried job (a crash, a timeout, a 5xx) resumes: it never
 * re-classifies into a different answer, never repeats an applied update and never posts a
 * second note. If a crash hit between posting the note and checkpointing it, the note's marker
 * (job id + content hash) is looked up before posting again.
 */
export type ProcessorDeps = {
  tools: PipelineTools;
  account: AccountSnapshotCache;
  companies: CompanyLookup;
  classifier: TicketClassifier;
  taxonomy: Taxonomy;
  results: TriageResultStore;
  /** Round-robin cursors live here (an ioredis client satisfies the store). */
  redis: Redis;
  keyPrefix: string;
  mode: TriageMode;
  portalUrl: string;
  now?: () => Date;
};

type Decision = Omit<TriageRun, "jobId" | "ticketId" | "at" | "durationMs" | "noteId" | "outcome"> & {
  update: Record<string, unknown>;
  noteHtml: string;
  /** Decided from the webhook's hint; the stored content hash is replaced by Freshdesk's. */
  fromHint: boolean;
};

type Checkpoint = { decision?: Decision; applied?: boolean; notePosting?: boolean; noteId?: number };
type JobWithCheckpoint = TriageJob & { checkpoint?: Checkpoint };

export function createTriageProcessor(deps: ProcessorDeps): TriageProcessor {
  const now = deps.now ?? (() => new Date());

  return async (job: Job<TriageJob>): Promise<JobOutcome> => {
    const started = Date.now();
    const data = job.data as JobWithCheckpoint;
    const { ticketId } = data;
    const mode = data.mode ?? deps.mode;
    const jobId = job.id ?? `ticket-${ticketId}`;
    let checkpoint: Checkpoint = data.checkpoint ?? {};
    const save = async (patch: Checkpoint) => {
      checkpoint = { ...checkpoint, ...patch };
      await job.updateData({ ...job.data, checkpoint } as TriageJob);
    };

    let decision = checkpoint.decision;
    if (!decision) {
      const lastTriagedHash = await deps.results.lastTriagedHash(ticketId);
      const skip = async (reason: string, detail: string, contentHash?: string) => {
        await deps.results.record({
          jobId,
          ticketId,
          at: now().toISOString(),
          mode,
          outcome: "skipped",
          skipReason: `${reason}: ${detail}`,
          contentHash,
          durationMs: Date.now() - started,
        });
        return { outcome: "skipped" as const, reason };
      };
      // A ticket is created once: another "created" webhook for a triaged ticket is Freshdesk
      // redelivering it, and costs no Freshdesk call to recognise.
      if (data.event === "created" && lastTriagedHash !== undefined && !data.force) {
        return skip("already_triaged", "a redelivered creation webhook");
      }
      const loaded = await loadForTriage(deps, data, mode);
      const verdict = guardTicket({
        ticket: loaded.snapshot,
        event: data.event === "other" ? "updated" : data.event,
        markers: loaded.markers,
        lastTriagedHash,
        force: data.force === true,
      });
      if (!verdict.proceed) return skip(verdict.reason, verdict.detail, verdict.contentHash);
      decision = await decide(deps, {
        ticket: loaded.snapshot,
        previous: await deps.results.latest(ticketId),
        jobId,
        contentHash: verdict.contentHash,
        fromHint: loaded.fromHint,
        mode,
        now: now(),
      });
      await save({ decision });
    }

    if (mode === "apply" && !checkpoint.applied && Object.keys(decision.update).length > 0) {
      const stored = await deps.tools.updateTicket(ticketId, decision.update);
      // The hash that guards later events must come from Freshdesk's own copy of the ticket, the
      // same data a later read returns, not from the webhook's rendering of it.
      if (decision.fromHint) decision = { ...decision, contentHash: contentHash(stored), fromHint: false };
      await save({ applied: true, decision });
    }
    if (decision.fromHint) {
      const { snapshot } = await deps.tools.loadTicket(ticketId, false);
      decision = { ...decision, contentHash: contentHash(snapshot), fromHint: false };
      await save({ decision });
    }

    let noteId = checkpoint.noteId;
    if (mode !== "dry-run" && noteId === undefined) {
      if (checkpoint.notePosting) noteId = await deps.tools.findNoteOfJob(ticketId, markerJobId(jobId));
      if (noteId === undefined) {
        await save({ notePosting: true });
        noteId = await deps.tools.addPrivateNote(ticketId, decision.noteHtml);
      }
      await save({ noteId });
    }

    const { update: _update, noteHtml: _noteHtml, fromHint: _fromHint, ...summary } = decision;
    await deps.results.record({
      ...summary,
      jobId,
      ticketId,
      at: now().toISOString(),
      outcome: "triaged",
      noteId: noteId ?? null,
      durationMs: Date.now() - started,
    });
    return { outcome: "triaged" };
  };
}

/**
 * The ticket to triage: from a complete webhook hint for new tickets in apply mode (one credit
 * saved), otherwise read through get_ticket (with conversations unless the ticket is new).
 */
async function loadForTriage(
  deps: ProcessorDeps,
  data: TriageJob,
  mode: TriageMode,
): Promise<{ snapshot: TicketSnapshot; markers: TriageMarker[]; fromHint: boolean }> {
  if (data.event === "created" && mode === "apply" && !data.force) {
    const hint = await readHint(deps.redis, deps.keyPrefix, data.ticketId);
    const snapshot = hint && snapshotFromHint(data.ticketId, hint, await deps.account.get(), data.receivedAt);
    if (snapshot) return { snapshot, markers: [], fromHint: true };
  }
  const loaded = await deps.tools.loadTicket(data.ticketId, data.event !== "created");
  return { ...loaded, fromHint: false };
}

type DecideInput = {
  ticket: TicketSnapshot;
  fromHint: boolean;
  previous: TriageRun | undefined;
  jobId: string;
  contentHash: string;
  mode: TriageMode;
  now: Date;
};

/** Everything triage decides, computed once per job and checkpointed before any write. */
async function decide(deps: ProcessorDeps, input: DecideInput): Promise<Decision> {
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
