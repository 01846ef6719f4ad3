import type { Job } from "bullmq";
import type { TriageMode } from "../src/config.ts";
import { BadRequestError } from "../src/errors.ts";
import { type AppliedValues, findOverrides, type OverrideStore } from "../src/learning/overrides.ts";
import { LEARNED_FIELDS, type LearnedField } from "../src/learning/types.ts";
import { type TriageJob, triageJobSchema } from "../src/queue/triage-queue.ts";
import type { TriageResultStore, TriageRun } from "../src/queue/triage-results.ts";
import {
  contentHash,
  guardTicket,
  markerJobId,
  type TicketSnapshot,
  type TriageMarker,
} from "../src/triage/index.ts";
import { type DecideDeps, type DecideInput, type Decision, decide } from "./decide.ts";
import { readHint, snapshotFromHint } from "./hint-snapshot.ts";
import type { LoadedTicket } from "./pipeline-tools.ts";
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
type CoreDeps = {
  tools: TriageTools;
  results: TriageResultStore;
  mode: TriageMode;
  /** The override loop: applied values, and agents' later changes to them. */
  overrides?: OverrideStore | undefined;
  now?: () => Date;
};

/**
 * Freshdesk jobs need only the decide deps (the Freshdesk triage is built from them); another
 * product brings its own triage object.
 */
export type ProcessorDeps = CoreDeps & ((DecideDeps & { product?: undefined }) | { product: ProductTriage });

/** The writes the processor makes, and the reads a retry needs; every product's pipeline tools have them. */
export type TriageTools = {
  loadTicket(ticketId: number, withConversations: boolean): Promise<LoadedTicket>;
  /** Returns the ticket as the helpdesk stored it. */
  updateTicket(ticketId: number, update: Record<string, unknown>): Promise<TicketSnapshot>;
  addPrivateNote(ticketId: number, html: string): Promise<number>;
  findNoteOfJob(ticketId: number, markerJobId: string): Promise<number | undefined>;
};

/** What differs per product around the shared job flow: how a ticket is loaded and decided, and how agents' overrides are seen. */
export type ProductTriage = {
  /** The fields whose applied values feed the override loop. */
  learnedFields: readonly string[];
  load(data: TriageJob, mode: TriageMode): Promise<LoadedForTriage>;
  decide(input: DecideInput): Promise<Decision>;
  /** Records each learned field an agent changed since `run` applied it. */
  recordOverrides(overrides: OverrideStore, run: TriageRun, ticket: TicketSnapshot, at: Date): Promise<void>;
};

export type LoadedForTriage = { snapshot: TicketSnapshot; markers: TriageMarker[]; fromHint: boolean };

type Checkpoint = { decision?: Decision; applied?: boolean; notePosting?: boolean; noteId?: number };
type JobWithCheckpoint = TriageJob & { checkpoint?: Checkpoint };

export function createTriageProcessor(deps: ProcessorDeps): TriageProcessor {
  const now = deps.now ?? (() => new Date());
  const product = deps.product ?? freshdeskTriage(deps);

  return async (job: Job<TriageJob>): Promise<JobOutcome> => {
    const started = Date.now();
    // Jobs may come from another version of the intake during a rolling deploy: check the shape
    // once, here; a job that does not fit fails for good with the reason (a 400 in the policy).
    const parsed = triageJobSchema.loose().safeParse(job.data);
    if (!parsed.success) {
      throw new BadRequestError(
        `The job's data is not a triage job: ${parsed.error.issues[0]?.message ?? "invalid"}.`,
      );
    }
    const data = parsed.data as JobWithCheckpoint;
    const { ticketId } = data;
    const mode = data.mode ?? deps.mode;
    const jobId = job.id ?? `ticket-${ticketId}`;
    /** What an earlier attempt of this job left behind; empty on the first attempt. */
    const resumed: Checkpoint = data.checkpoint ?? {};
    let checkpoint: Checkpoint = resumed;
    const save = async (patch: Checkpoint) => {
      checkpoint = { ...checkpoint, ...patch };
      await job.updateData({ ...job.data, checkpoint } as TriageJob);
    };

    let decision = checkpoint.decision;
    if (!decision) {
      const { latest: previous, lastTriagedHash, lastApplied } = await deps.results.prior(ticketId);
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
      const loaded = await product.load(data, mode);
      // An update (or the close) of a ticket we wrote to: did an agent change what we applied?
      if (deps.overrides && lastApplied && !loaded.fromHint && data.event !== "created") {
        await product.recordOverrides(deps.overrides, lastApplied, loaded.snapshot, now());
      }
      const verdict = guardTicket({
        ticket: loaded.snapshot,
        event: data.event === "other" ? "updated" : data.event,
        markers: loaded.markers,
        lastTriagedHash,
        force: data.force === true,
      });
      if (!verdict.proceed) return skip(verdict.reason, verdict.detail, verdict.contentHash);
      decision = await product.decide({
        ticket: loaded.snapshot,
        previous,
        lastApplied,
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
      // The note follows at once, so its "posting" mark shares this write (one round trip less).
      await save({ applied: true, decision, notePosting: true });
    }
    if (decision.fromHint) {
      const { snapshot } = await deps.tools.loadTicket(ticketId, false);
      decision = { ...decision, contentHash: contentHash(snapshot), fromHint: false };
      await save({ decision });
    }

    let noteId = checkpoint.noteId;
    if (mode !== "dry-run" && noteId === undefined) {
      // Only an earlier attempt can have posted the note without recording its id.
      if (resumed.notePosting) noteId = await deps.tools.findNoteOfJob(ticketId, markerJobId(jobId));
      if (noteId === undefined) {
        if (!checkpoint.notePosting) await save({ notePosting: true });
        noteId = await deps.tools.addPrivateNote(ticketId, decision.noteHtml);
      }
      await save({ noteId });
    }

    const { update: _update, noteHtml: _noteHtml, fromHint: _fromHint, ...summary } = decision;
    const at = now();
    await deps.results.record({
      ...summary,
      jobId,
      ticketId,
      at: at.toISOString(),
      outcome: "triaged",
      noteId: noteId ?? null,
      durationMs: Date.now() - started,
    });
    if (mode === "apply" && deps.overrides) {
      const learned = (decision.applied ?? []).filter((f): f is LearnedField =>
        product.learnedFields.includes(f),
      );
      await deps.overrides.recordApplied(ticketId, learned, at);
    }
    return { outcome: "triaged" };
  };
}

/** Freshdesk's triage: the hint or get_ticket, the taxonomy and learned model, group/type/priority overrides. */
function freshdeskTriage(deps: CoreDeps & DecideDeps): ProductTriage {
  return {
    learnedFields: LEARNED_FIELDS,
    load: (data, mode) => loadForTriage(deps, data, mode),
    decide: (input) => decide(deps, input),
    recordOverrides: (overrides, run, ticket, at) => recordOverrides(deps, overrides, run, ticket, at),
  };
}

/** Records each learned field an agent changed since `run` applied it (once per applied value). */
async function recordOverrides(
  deps: DecideDeps,
  overrides: OverrideStore,
  run: TriageRun,
  ticket: TicketSnapshot,
  at: Date,
): Promise<void> {
  const applied: AppliedValues = { at: run.at, values: {} };
  const applies = (field: string) => run.applied?.includes(field) === true;
  if (applies("group")) applied.values.group = run.group?.name ?? run.group?.id ?? null;
  if (applies("type")) applied.values.type = run.type ?? null;
  if (applies("priority")) applied.values.priority = run.priority?.value ?? null;
  if (Object.keys(applied.values).length === 0) return;
  let group: string | number | null = ticket.groupId;
  if (ticket.groupId !== null && typeof applied.values.group === "string") {
    const groups = (await deps.account.get()).groups;
    group = groups.find((g) => g.id === ticket.groupId)?.name ?? ticket.groupId;
  }
  const found = findOverrides(
    applied,
    { group, type: ticket.type, priority: ticket.priority },
    { ticketId: ticket.id, at, kind: CLOSED_STATUSES.has(ticket.status) ? "close" : "update" },
  );
  for (const override of found) await overrides.record(override);
}

const CLOSED_STATUSES = new Set([4, 5]);

/**
 * The ticket to triage: from a complete webhook hint for new tickets in apply mode (one credit
 * saved), otherwise read through get_ticket (with conversations unless the ticket is new).
 */
async function loadForTriage(
  deps: CoreDeps & DecideDeps,
  data: TriageJob,
  mode: TriageMode,
): Promise<LoadedForTriage> {
  if (data.event === "created" && mode === "apply" && !data.force) {
    const hint = await readHint(deps.redis, deps.keyPrefix, data.ticketId);
    const snapshot = hint && snapshotFromHint(data.ticketId, hint, await deps.account.get(), data.receivedAt);
    if (snapshot) return { snapshot, markers: [], fromHint: true };
  }
  const loaded = await deps.tools.loadTicket(data.ticketId, data.event !== "created");
  return { ...loaded, fromHint: false };
}
