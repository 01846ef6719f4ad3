import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { FreshdeskCallReport } from "../freshdesk/transport.ts";
import type { QualityReport } from "../learning/quality.ts";
import type { LlmCallReport } from "../llm/structured-call.ts";
import type { TriageRun } from "../queue/triage-results.ts";
import type { WebhookOutcome } from "../routes/webhooks.ts";
import { freshdeskEndpoint } from "./freshdesk-endpoint.ts";
import { estimateCostUsd } from "./llm-pricing.ts";

/**
 * Every Prometheus series the service exports, in one registry per service instance (never
 * prom-client's global one, so several services can share a process). Instrumented code calls
 * the recording functions below; values that live in Redis (queue depth, the shared Freshdesk
 * budget) are read when Prometheus scrapes.
 */

export type MetricsSources = {
  /** Job counts by BullMQ state, e.g. `queue.getJobCounts()`. */
  queueCounts?: () => Promise<Record<string, number>>;
  /** The account-wide Freshdesk budget as last seen by any process. */
  rateBudget?: () => Promise<{ remaining: number | undefined; total: number | undefined }>;
  /** The learned model in use and the kept-unchanged shares (src/learning/quality.ts). */
  quality?: () => Promise<QualityReport>;
};

export type Metrics = ReturnType<typeof createMetrics>;

/** A BullMQ job's timestamps; `finishedOn` is unset for an attempt that will be retried. */
export type JobTimes = {
  timestamp: number;
  processedOn?: number | null | undefined;
  finishedOn?: number | null | undefined;
};

const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
const PRIORITY_NAMES: Record<number, string> = { 1: "low", 2: "medium", 3: "high", 4: "urgent" };

export function createMetrics(sources: MetricsSources = {}) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const webhooksReceived = new Counter({
    name: "triage_webhooks_received_total",
    help: "Webhook requests received at /webhooks/freshdesk, whatever their outcome.",
    registers,
  });
  const webhooksDeduplicated = new Counter({
    name: "triage_webhooks_deduplicated_total",
    help: "Accepted webhooks that collapsed into a job already queued for the same ticket.",
    registers,
  });
  const webhooksRejected = new Counter({
    name: "triage_webhooks_rejected_total",
    help: "Webhooks refused, by reason (the error code answered).",
    labelNames: ["reason"] as const,
    registers,
  });

  const collectFailures = new Counter({
    name: "triage_metrics_collect_failures_total",
    help: "Scrapes where a value kept in Redis could not be read.",
    labelNames: ["source"] as const,
    registers,
  });
  const queueJobs = new Gauge({
    name: "triage_queue_jobs",
    help: "Triage jobs in the queue, by state.",
    labelNames: ["state"] as const,
    registers,
  });

  const jobDuration = new Histogram({
    name: "triage_job_duration_seconds",
    help: "Time a worker spent on one triage job attempt, by outcome (triaged, skipped, failed).",
    labelNames: ["outcome"] as const,
    buckets: SECONDS_BUCKETS,
    registers,
  });
  const jobWait = new Histogram({
    name: "triage_job_wait_seconds",
    help: "Time from a job entering the queue to a worker starting the attempt that finished.",
    buckets: SECONDS_BUCKETS,
    registers,
  });
  const stepDuration = new Histogram({
    name: "triage_step_duration_seconds",
    help: "Duration of the triage pipeline's steps (load, account, classify, apply, note, record).",
    labelNames: ["step"] as const,
    buckets: SECONDS_BUCKETS,
    registers,
  });

  const freshdeskRequests = new Counter({
    name: "triage_freshdesk_requests_total",
    help: "HTTP requests to Freshdesk, by method, endpoint and status (or timeout/network).",
    labelNames: ["method", "endpoint", "status"] as const,
    registers,
  });
  const freshdeskDuration = new Histogram({
    name: "triage_freshdesk_request_duration_seconds",
    help: "Duration of HTTP requests to Freshdesk, by method and endpoint.",
    labelNames: ["method", "endpoint"] as const,
    buckets: SECONDS_BUCKETS,
    registers,
  });
  const rateRemaining = new Gauge({
    name: "triage_freshdesk_rate_limit_remaining",
    help: "Freshdesk's X-RateLimit-Remaining: API calls left in the account's current minute.",
    registers,
  });
  const rateTotal = new Gauge({
    name: "triage_freshdesk_rate_limit_total",
    help: "Freshdesk's X-RateLimit-Total: the account's API calls per minute.",
    registers,
  });

  const llmCalls = new Counter({
    name: "triage_llm_calls_total",
    help: "Language-model calls, by model and outcome (ok or the failure reason).",
    labelNames: ["model", "outcome"] as const,
    registers,
  });
  const llmDuration = new Histogram({
    name: "triage_llm_call_duration_seconds",
    help: "Duration of language-model calls, retries included, by model.",
    labelNames: ["model"] as const,
    buckets: SECONDS_BUCKETS,
    registers,
  });
  const llmTokens = new Counter({
    name: "triage_llm_tokens_total",
    help: "Language-model tokens used, by model and kind (input, output).",
    labelNames: ["model", "kind"] as const,
    registers,
  });
  const llmCost = new Counter({
    name: "triage_llm_cost_usd_total",
    help: "Estimated language-model cost in USD from list prices; models without a known price are not counted.",
    labelNames: ["model"] as const,
    registers,
  });
  const classifications = new Counter({
    name: "triage_classifications_total",
    help: "Tickets classified, by the engine that answered (local or openai:<model>).",
    labelNames: ["engine"] as const,
    registers,
  });
  const fallbacks = new Counter({
    name: "triage_classifier_fallbacks_total",
    help: "Classifications that fell back to the local classifier because the language model failed.",
    registers,
  });

  const outcomes = new Counter({
    name: "triage_outcomes_total",
    help: "Tickets triaged, by category, priority, group and mode.",
    labelNames: ["category", "priority", "group", "mode"] as const,
    registers,
  });
  const skips = new Counter({
    name: "triage_skips_total",
    help: "Triage runs that decided to leave the ticket alone, by reason.",
    labelNames: ["reason"] as const,
    registers,
  });
  const fields = new Counter({
    name: "triage_fields_total",
    help: "Ticket fields triage changed (applied) or only proposed in its note (suggested).",
    labelNames: ["field", "disposition"] as const,
    registers,
  });

  const modelVersion = new Gauge({
    name: "triage_model_version",
    help: "Version of the learned model in use for this account; 0 while none has been learned.",
    registers,
  });
  const modelLearnedFrom = new Gauge({
    name: "triage_model_learned_from_tickets",
    help: "Labelled tickets the learned model in use learned from.",
    registers,
  });
  const modelPrecision = new Gauge({
    name: "triage_model_precision",
    help: "Per field, the share right among values the model applies, measured on held-out history.",
    labelNames: ["field"] as const,
    registers,
  });
  const modelCoverage = new Gauge({
    name: "triage_model_coverage",
    help: "Per field, the share of held-out tickets on which the model applies a value.",
    labelNames: ["field"] as const,
    registers,
  });
  const appliedValues = new Gauge({
    name: "triage_applied_values",
    help: "Values triage applied to a learned field (group, type, priority), by field and window (7d, 30d).",
    labelNames: ["field", "window"] as const,
    registers,
  });
  const keptUnchanged = new Gauge({
    name: "triage_applied_kept_unchanged_ratio",
    help: "Share of applied values agents left unchanged, by field and window (7d, 30d); absent when none were applied.",
    labelNames: ["field", "window"] as const,
    registers,
  });

  /** Read at each scrape from Redis, like the queue: any process shows the account's figures. */
  async function readQuality(): Promise<void> {
    if (!sources.quality) return;
    try {
      const report = await sources.quality();
      for (const gauge of [modelPrecision, modelCoverage, appliedValues, keptUnchanged]) gauge.reset();
      modelVersion.set(
        typeof report.model?.version === "number" ? report.model.version : report.model ? 1 : 0,
      );
      modelLearnedFrom.set(report.model?.learnedFrom ?? 0);
      for (const [field, figures] of Object.entries(report.model?.fields ?? {})) {
        if (!figures) continue;
        if (figures.precision !== null) modelPrecision.set({ field }, figures.precision);
        modelCoverage.set({ field }, figures.coverage);
      }
      for (const [field, windows] of Object.entries(report.keptUnchanged)) {
        for (const [window, share] of [
          ["7d", windows.last7Days],
          ["30d", windows.last30Days],
        ] as const) {
          appliedValues.set({ field, window }, share.applied);
          if (share.keptShare !== null) keptUnchanged.set({ field, window }, share.keptShare);
        }
      }
    } catch {
      collectFailures.inc({ source: "quality" });
    }
  }

  const decisionReasons = new Counter({
    name: "triage_decisions_total",
    help: "Decisions on the learned fields (group, type, priority) by field and reason: calibrated, below_threshold, not_enough_history, engines_disagree, no_prediction or rule.",
    labelNames: ["field", "reason"] as const,
    registers,
  });

  async function readQueue(): Promise<void> {
    if (!sources.queueCounts) return;
    queueJobs.reset();
    try {
      for (const [state, count] of Object.entries(await sources.queueCounts()))
        queueJobs.set({ state }, count);
    } catch {
      collectFailures.inc({ source: "queue" });
    }
  }

  /** The shared view wins; without one (it expires after a quiet minute) the last headers seen stay. */
  async function readRateBudget(): Promise<void> {
    if (!sources.rateBudget) return;
    try {
      const budget = await sources.rateBudget();
      if (budget.remaining !== undefined) rateRemaining.set(budget.remaining);
      if (budget.total !== undefined) rateTotal.set(budget.total);
    } catch {
      collectFailures.inc({ source: "freshdesk_budget" });
    }
  }

  return {
    registry,
    contentType: registry.contentType,

    /**
     * The exposition text for one scrape. Values kept in Redis are read first, so a failed
     * read shows in the same scrape and never fails it.
     */
    async render(): Promise<string> {
      await Promise.all([readQueue(), readRateBudget(), readQuality()]);
      return registry.metrics();
    },

    /** The same figures as `render`, as prom-client JSON, to combine with another thread's. */
    async json() {
      await Promise.all([readQueue(), readRateBudget(), readQuality()]);
      return registry.getMetricsAsJSON();
    },

    webhook(outcome: WebhookOutcome): void {
      webhooksReceived.inc();
      if (outcome.result === "deduplicated") webhooksDeduplicated.inc();
      if (outcome.result === "rejected") webhooksRejected.inc({ reason: outcome.reason });
    },

    freshdeskCall(call: FreshdeskCallReport): void {
      const endpoint = freshdeskEndpoint(call.path);
      freshdeskRequests.inc({ method: call.method, endpoint, status: String(call.status) });
      freshdeskDuration.observe({ method: call.method, endpoint }, call.durationMs / 1000);
      if (call.rateLimit?.remaining !== undefined) rateRemaining.set(call.rateLimit.remaining);
      if (call.rateLimit?.total !== undefined) rateTotal.set(call.rateLimit.total);
    },

    llmCall(call: LlmCallReport): void {
      llmCalls.inc({ model: call.model, outcome: call.outcome });
      llmDuration.observe({ model: call.model }, call.durationMs / 1000);
      if (!call.usage) return;
      const { inputTokens, outputTokens } = call.usage;
      llmTokens.inc({ model: call.model, kind: "input" }, inputTokens);
      llmTokens.inc({ model: call.model, kind: "output" }, outputTokens);
      const cost = estimateCostUsd(call.model, inputTokens, outputTokens);
      if (cost !== undefined) llmCost.inc({ model: call.model }, cost);
    },

    classified(outcome: { engine: string; fallbackReason?: string | undefined }): void {
      classifications.inc({ engine: outcome.engine });
      if (outcome.fallbackReason !== undefined) fallbacks.inc();
    },

    step(step: string, seconds: number): void {
      stepDuration.observe({ step }, seconds);
    },

    /** One finished attempt of a job, from the queue's own timestamps (epoch ms). */
    jobFinished(outcome: string, job: JobTimes): void {
      if (!job.processedOn) return;
      jobDuration.observe({ outcome }, Math.max(0, (job.finishedOn ?? Date.now()) - job.processedOn) / 1000);
      jobWait.observe(Math.max(0, job.processedOn - job.timestamp) / 1000);
    },

    triageRecorded(run: TriageRun): void {
      if (run.outcome === "skipped") {
        // skipReason is "<reason>: <detail>"; only the reason is a bounded label.
        skips.inc({ reason: (run.skipReason ?? "unknown").split(":")[0]!.trim() || "unknown" });
        return;
      }
      outcomes.inc({
        category: run.category ?? "unknown",
        priority: PRIORITY_NAMES[run.priority?.value ?? 0] ?? "unknown",
        group: run.group?.name ?? "none",
        mode: run.mode,
      });
      for (const [field, decision] of Object.entries(run.decisions ?? {})) {
        if (decision) decisionReasons.inc({ field, reason: decision.reason });
      }
      for (const field of run.applied ?? []) fields.inc({ field, disposition: "applied" });
      for (const field of run.suggested ?? []) fields.inc({ field, disposition: "suggested" });
    },
  };
}
