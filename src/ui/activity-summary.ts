import type { TriageRun } from "../queue/triage-results.ts";

/**
 * What the activity page shows, computed from the result store's recent runs (newest first):
 * each ticket's latest triage decision, and counts per category and per group over the last
 * day. Skipped runs (our own update echoing back, redelivered webhooks) are not decisions.
 */

export type Count = { label: string; count: number };

export type ActivitySummary = {
  tickets: TriageRun[];
  lastDay: { triaged: number; skipped: number; byCategory: Count[]; byGroup: Count[] };
  /** True when the runs read may not reach back a whole day, so the counts may be low. */
  truncated: boolean;
};

const DAY_MS = 24 * 3600 * 1000;

export function summarizeActivity(
  runs: readonly TriageRun[],
  options: { now: Date; limit: number; fetched: number },
): ActivitySummary {
  const since = options.now.getTime() - DAY_MS;
  const latestPerTicket = new Map<number, TriageRun>();
  let skipped = 0;
  for (const run of runs) {
    const recent = Date.parse(run.at) >= since;
    if (run.outcome === "skipped") {
      if (recent) skipped += 1;
    } else if (!latestPerTicket.has(run.ticketId)) {
      latestPerTicket.set(run.ticketId, run);
    }
  }
  const decisions = [...latestPerTicket.values()];
  const lastDay = decisions.filter((run) => Date.parse(run.at) >= since);
  const oldest = runs.at(-1);
  return {
    tickets: decisions.slice(0, options.limit),
    lastDay: {
      triaged: lastDay.length,
      skipped,
      byCategory: countBy(lastDay, (run) => run.category ?? "unknown"),
      byGroup: countBy(lastDay, groupLabel),
    },
    truncated: runs.length >= options.fetched && oldest !== undefined && Date.parse(oldest.at) >= since,
  };
}

export function groupLabel(run: TriageRun): string {
  if (run.group?.name) return run.group.name;
  if (run.group?.id) return `Group ${run.group.id}`;
  return "No group";
}

function countBy(runs: readonly TriageRun[], key: (run: TriageRun) => string): Count[] {
  const counts = new Map<string, number>();
  for (const run of runs) counts.set(key(run), (counts.get(key(run)) ?? 0) + 1);
  return [...counts]
    .map(([label, count]) => ({ label, count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}
