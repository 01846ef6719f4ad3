import type { Redis } from "ioredis";
import type { TriageMode } from "../config.ts";

/**
 * What a triage run did to a ticket, kept per ticket in Redis: the latest run drives the
 * "already triaged for this content" guard, the history feeds reprocess diffs and the dashboard.
 */
export type TriageRun = {
  jobId: string;
  ticketId: number;
  at: string;
  mode: TriageMode;
  outcome: "triaged" | "skipped";
  /** The ticket's subject when it was triaged, so pages can show it without asking Freshdesk. */
  subject?: string | undefined;
  skipReason?: string | undefined;
  contentHash?: string | undefined;
  engine?: string | undefined;
  fallbackReason?: string | undefined;
  category?: string | undefined;
  confidence?: number | undefined;
  sentiment?: string | undefined;
  language?: string | undefined;
  summary?: string | undefined;
  priority?: { value: number; reason: string } | undefined;
  group?: { id: number | null; name: string | null } | undefined;
  responderId?: number | null | undefined;
  type?: string | null | undefined;
  tags?: string[] | undefined;
  applied?: string[] | undefined;
  suggested?: string[] | undefined;
  articles?: Array<{ id: number; title: string; url: string }> | undefined;
  noteId?: number | null | undefined;
  durationMs?: number | undefined;
};

export type FieldChange = { field: string; from: unknown; to: unknown };
export type TriageReport = {
  ticketId: number;
  latest: TriageRun | null;
  changes: FieldChange[];
  history: TriageRun[];
};

const HISTORY_LENGTH = 20;
const RECENT_LENGTH = 500;
const COMPARED: ReadonlyArray<keyof TriageRun> = [
  "category",
  "priority",
  "group",
  "responderId",
  "type",
  "tags",
  "applied",
  "suggested",
  "engine",
];

export function createTriageResultStore(redis: Redis, prefix: string) {
  const perTicket = (ticketId: number) => `${prefix}:results:${ticketId}`;
  const recentKey = `${prefix}:results:recent`;
  const parse = (raw: string) => JSON.parse(raw) as TriageRun;

  return {
    async record(run: TriageRun): Promise<void> {
      const json = JSON.stringify(run);
      await redis
        .multi()
        .lpush(perTicket(run.ticketId), json)
        .ltrim(perTicket(run.ticketId), 0, HISTORY_LENGTH - 1)
        .lpush(recentKey, json)
        .ltrim(recentKey, 0, RECENT_LENGTH - 1)
        .exec();
    },
    async history(ticketId: number, limit = HISTORY_LENGTH): Promise<TriageRun[]> {
      return (await redis.lrange(perTicket(ticketId), 0, limit - 1)).map(parse);
    },
    async latest(ticketId: number): Promise<TriageRun | undefined> {
      const raw = await redis.lindex(perTicket(ticketId), 0);
      return raw ? parse(raw) : undefined;
    },
    /** The content hash of the last run that actually triaged (skips do not count). */
    async lastTriagedHash(ticketId: number): Promise<string | undefined> {
      for (const run of await this.history(ticketId)) {
        if (run.outcome === "triaged" && run.mode !== "dry-run") return run.contentHash;
      }
      return undefined;
    },
    /**
     * The latest run that decided something, what changed since the one before, and the full
     * history. Skipped runs (echoes of our own update, redelivered webhooks) stay in the history
     * but are not results. Undefined when the ticket was never seen.
     */
    async report(ticketId: number): Promise<TriageReport | undefined> {
      const history = await this.history(ticketId);
      if (history.length === 0) return undefined;
      const [latest, previous] = history.filter((run) => run.outcome === "triaged");
      return { ticketId, latest: latest ?? null, changes: diffRuns(previous, latest), history };
    },
    async recent(limit = 100): Promise<TriageRun[]> {
      return (await redis.lrange(recentKey, 0, limit - 1)).map(parse);
    },
  };
}

export type TriageResultStore = ReturnType<typeof createTriageResultStore>;

/** What changed between two runs, field by field, for operators comparing a reprocess. */
export function diffRuns(previous: TriageRun | undefined, latest: TriageRun | undefined): FieldChange[] {
  if (!previous || !latest) return [];
  const changes: FieldChange[] = [];
  for (const field of COMPARED) {
    const from = previous[field];
    const to = latest[field];
    if (JSON.stringify(from ?? null) !== JSON.stringify(to ?? null)) changes.push({ field, from, to });
  }
  return changes;
}
