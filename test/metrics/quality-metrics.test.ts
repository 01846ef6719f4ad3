import { describe, expect, it } from "vitest";
import type { QualityReport } from "../../src/learning/quality.ts";
import { createMetrics } from "../../src/metrics/metrics.ts";
import { activityPage } from "../../src/ui/activity-page.ts";
import { parseExposition } from "./exposition.ts";

const none = { applied: 0, changed: 0, keptShare: null };
const unlearned: QualityReport = {
  at: "2026-03-01T12:00:00.000Z",
  targetPrecision: 0.9,
  applyUnmeasured: false,
  model: null,
  keptUnchanged: {
    group: { last7Days: none, last30Days: none },
    type: { last7Days: none, last30Days: none },
    priority: { last7Days: none, last30Days: none },
  },
};
const learned: QualityReport = {
  ...unlearned,
  model: {
    version: 3,
    trainedAt: "2026-03-01T06:00:00.000Z",
    learnedFrom: 1204,
    fields: {
      group: { precision: 0.934, coverage: 0.61, accuracy: 0.8, threshold: 0.7, heldOut: 240 },
      type: { precision: null, coverage: 0, accuracy: 0.5, threshold: null, heldOut: 240 },
      priority: null,
    },
  },
  keptUnchanged: {
    ...unlearned.keptUnchanged,
    group: {
      last7Days: { applied: 20, changed: 2, keptShare: 0.9 },
      last30Days: { applied: 50, changed: 4, keptShare: 0.92 },
    },
  },
};

const value = (text: string, name: string, labels: Record<string, string> = {}) =>
  parseExposition(text).find(
    (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  )?.value;

describe("quality figures in /metrics", () => {
  it("exports the model in use, each field's measured precision and coverage, and the kept-unchanged shares", async () => {
    const text = await createMetrics({ quality: async () => learned }).render();
    expect(value(text, "triage_model_version")).toBe(3);
    expect(value(text, "triage_model_learned_from_tickets")).toBe(1204);
    expect(value(text, "triage_model_precision", { field: "group" })).toBeCloseTo(0.934);
    expect(value(text, "triage_model_coverage", { field: "group" })).toBeCloseTo(0.61);
    // A field that applies nothing has no precision to show; one without history has no figures.
    expect(value(text, "triage_model_precision", { field: "type" })).toBeUndefined();
    expect(value(text, "triage_model_coverage", { field: "priority" })).toBeUndefined();
    expect(value(text, "triage_applied_kept_unchanged_ratio", { field: "group", window: "7d" })).toBeCloseTo(
      0.9,
    );
    expect(value(text, "triage_applied_values", { field: "group", window: "30d" })).toBe(50);
    expect(
      value(text, "triage_applied_kept_unchanged_ratio", { field: "type", window: "7d" }),
    ).toBeUndefined();
  });

  it("shows version 0 until a model is learned, and counts a failed read instead of failing the scrape", async () => {
    expect(
      value(await createMetrics({ quality: async () => unlearned }).render(), "triage_model_version"),
    ).toBe(0);
    const failing = createMetrics({
      quality: async () => {
        throw new Error("redis down");
      },
    });
    expect(
      value(await failing.render(), "triage_metrics_collect_failures_total", { source: "quality" }),
    ).toBe(1);
  });
});

describe("decision reasons in /metrics", () => {
  it("counts each learned field's decision by its reason, from the run's evidence", async () => {
    const metrics = createMetrics();
    const decision = (reason: string, applied: boolean) => ({
      value: "Billing",
      precision: applied ? 0.95 : null,
      applied,
      reason,
      modelVersion: 2,
    });
    metrics.triageRecorded({
      jobId: "j",
      ticketId: 1,
      at: "2026-03-01T12:00:00.000Z",
      mode: "apply",
      outcome: "triaged",
      decisions: {
        group: decision("calibrated", true),
        type: decision("not_enough_history", false),
        priority: decision("engines_disagree", false),
      },
    });
    const text = await metrics.render();
    expect(value(text, "triage_decisions_total", { field: "group", reason: "calibrated" })).toBe(1);
    expect(value(text, "triage_decisions_total", { field: "type", reason: "not_enough_history" })).toBe(1);
    expect(value(text, "triage_decisions_total", { field: "priority", reason: "engines_disagree" })).toBe(1);
  });
});

describe("quality section of the activity page", () => {
  const render = (quality: QualityReport) =>
    String(
      activityPage({
        summary: {
          tickets: [],
          lastDay: { triaged: 0, skipped: 0, byCategory: [], byGroup: [] },
          truncated: false,
        },
        viewerName: "admin",
        isAdmin: true,
        ticketUrl: (id) => `/t/${id}`,
        ticketLinkTarget: "the sandbox",
        quality,
      }),
    );

  it("shows the model, its measured precision and coverage, and what agents kept", () => {
    const page = render(learned);
    expect(page).toContain('data-testid="model-version">v3<');
    expect(page).toContain("1,204");
    expect(page).toContain('data-testid="precision-group">93%<');
    expect(page).toContain('data-testid="coverage-group">61%<');
    expect(page).toContain('data-testid="precision-type">applies none<');
    expect(page).toMatch(/data-testid="precision-priority"><span class="muted">not enough history/);
    expect(page).toContain('data-testid="kept-7d-group">90% of 20<');
  });

  it("says plainly when nothing has been learned yet", () => {
    const page = render(unlearned);
    expect(page).toContain("No model learned from this account yet");
    expect(page).toContain("not enough history to measure");
    expect(render({ ...unlearned, applyUnmeasured: true })).toContain("TRIAGE_APPLY_UNMEASURED");
  });
});
