import { describe, expect, it } from "vitest";
import type { TriageRun } from "../../src/queue/triage-results.ts";
import { summarizeActivity } from "../../src/ui/activity-summary.ts";

const NOW = new Date("2025-03-01T12:00:00Z");
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3600_000).toISOString();

function run(ticketId: number, at: string, patch: Partial<TriageRun> = {}): TriageRun {
  return {
    jobId: `job-${ticketId}-${at}`,
    ticketId,
    at,
    mode: "apply",
    outcome: "triaged",
    category: "billing",
    group: { id: 1, name: "Billing" },
    ...patch,
  };
}

describe("summarizeActivity", () => {
  it("shows each ticket's latest decision once, newest first, skipping skips", () => {
    const runs = [
      run(2, hoursAgo(0.1), { outcome: "skipped", category: undefined }),
      run(2, hoursAgo(0.2), { category: "outage" }),
      run(1, hoursAgo(1)),
      run(2, hoursAgo(2), { category: "billing" }),
    ];
    const summary = summarizeActivity(runs, { now: NOW, limit: 10, fetched: 500 });
    expect(summary.tickets.map((r) => [r.ticketId, r.category])).toEqual([
      [2, "outage"],
      [1, "billing"],
    ]);
    expect(summary.lastDay.skipped).toBe(1);
  });

  it("counts the last day's tickets per category and per group, largest first", () => {
    const runs = [
      run(1, hoursAgo(1), { category: "outage", group: { id: 2, name: "Ops" } }),
      run(2, hoursAgo(2), { category: "billing" }),
      run(3, hoursAgo(3), { category: "billing" }),
      run(4, hoursAgo(4), { category: "how_to", group: { id: null, name: null } }),
      run(5, hoursAgo(30), { category: "billing" }),
    ];
    const { lastDay } = summarizeActivity(runs, { now: NOW, limit: 10, fetched: 500 });
    expect(lastDay.triaged).toBe(4);
    expect(lastDay.byCategory).toEqual([
      { label: "billing", count: 2 },
      { label: "how_to", count: 1 },
      { label: "outage", count: 1 },
    ]);
    expect(lastDay.byGroup).toEqual([
      { label: "Billing", count: 2 },
      { label: "No group", count: 1 },
      { label: "Ops", count: 1 },
    ]);
  });

  it("limits the ticket list but not the counts", () => {
    const runs = Array.from({ length: 8 }, (_, i) => run(i + 1, hoursAgo(i)));
    const summary = summarizeActivity(runs, { now: NOW, limit: 3, fetched: 500 });
    expect(summary.tickets).toHaveLength(3);
    expect(summary.lastDay.triaged).toBe(8);
  });

  it("says when the runs read do not reach back a whole day", () => {
    const runs = [run(1, hoursAgo(1)), run(2, hoursAgo(2))];
    expect(summarizeActivity(runs, { now: NOW, limit: 10, fetched: 2 }).truncated).toBe(true);
    expect(summarizeActivity(runs, { now: NOW, limit: 10, fetched: 3 }).truncated).toBe(false);
    const old = [run(1, hoursAgo(1)), run(2, hoursAgo(25))];
    expect(summarizeActivity(old, { now: NOW, limit: 10, fetched: 2 }).truncated).toBe(false);
  });
});
