import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { Redis } from "ioredis";
import type { Logger } from "../logger.ts";
import type { ExamplesStore, StoredExample } from "./examples-store.ts";
import { type SyncOptions, type SyncReport, syncHistory } from "./history-sync.ts";
import type { LearnerLock } from "./learner-lock.ts";
import type { ModelRegistry, PromotionResult } from "./model-registry.ts";
import type { Override } from "./overrides.ts";
import { trainOnThread } from "./train-thread.ts";
import type { LabelledTicket, LearnedModel, LlmCalibration } from "./types.ts";

/**
 * One learning run for one account: read the new history (history-sync), train a candidate on
 * the examples outside the held-out split, and promote it if it is no worse there than the model
 * in use. The held-out split is fixed by ticket id, so no model in the registry was trained on
 * the rows the next candidate is compared on.
 */

export const HELD_OUT_SHARE = 0.2;

export type LearnSettings = {
  days: number;
  maxTickets: number;
  targetPrecision: number;
  /** The taxonomy's urgent wording, measured against this history's priorities. */
  urgentSignals?: readonly string[] | undefined;
  /** The product's learned fields (Freshdesk's by default). */
  fields?: readonly string[] | undefined;
};

/**
 * Measures the configured language model on a budgeted sample of the training examples
 * (calibrateLlmOnHistory); the result is stored with the model version the worker reads.
 */
export type LlmCalibrator = (
  examples: readonly LabelledTicket[],
  signal?: AbortSignal,
) => Promise<{ calibration: LlmCalibration; spend: LlmCalibrationSpend }>;

export type LlmCalibrationSpend = {
  /** Tickets asked, answers received, calls refused because the budget was spent, US dollars. */
  asked: number;
  answered: number;
  skipped: number;
  usd: number;
};

export type LearnerDeps = {
  account: string;
  redis: Redis;
  prefix: string;
  /** In-process MCP client under the pipeline policy, whose Freshdesk calls use the learning budget. */
  client: Client;
  store: ExamplesStore;
  registry: ModelRegistry;
  lock: LearnerLock;
  overrides?: { since(since: Date): Promise<Override[]> } | undefined;
  /** Credits the learning budget has spent so far (for the report). */
  creditsUsed?: (() => number) | undefined;
  settings: LearnSettings;
  /** Reads the product's history into the examples; Freshdesk's (list_tickets) by default. */
  sync?: ((options: SyncOptions) => Promise<SyncReport>) | undefined;
  /** Trains a model; a separate thread by default. */
  train?: (
    examples: readonly LabelledTicket[],
    options: {
      targetPrecision: number;
      urgentSignals?: readonly string[] | undefined;
      fields?: readonly string[] | undefined;
    },
  ) => Promise<LearnedModel>;
  /** Set when a language model is configured. */
  calibrateLlm?: LlmCalibrator | undefined;
  logger?: Logger | undefined;
  signal?: AbortSignal | undefined;
};

export type LearnRunReport = {
  account: string;
  startedAt: string;
  durationMs: number;
  /** Freshdesk credits this run spent. */
  credits: number | undefined;
  sync: SyncReport;
  trainedOn: number;
  heldOutCount: number;
  promotion: PromotionResult;
  /** Milliseconds spent reading history and training. */
  timings: { syncMs: number; trainMs: number };
  /** The language model's calibration on this history, when one is configured. */
  llm?: { calibration: LlmCalibration; spend: LlmCalibrationSpend } | undefined;
};

export type LearnRunOutcome =
  | { ran: true; report: LearnRunReport; candidate: LearnedModel; heldOut: StoredExample[] }
  | { ran: false; reason: string };

export async function learnOnce(deps: LearnerDeps): Promise<LearnRunOutcome> {
  const outcome = await deps.lock.withLock(() => run(deps));
  if (!outcome.ran) return { ran: false, reason: "another process is learning this account now" };
  return outcome.value;
}

async function run(deps: LearnerDeps): Promise<LearnRunOutcome> {
  const started = Date.now();
  const creditsBefore = deps.creditsUsed?.();
  const sync = await (deps.sync ?? syncHistory)({
    client: deps.client,
    store: deps.store,
    days: deps.settings.days,
    maxTickets: deps.settings.maxTickets,
    overrides: deps.overrides,
    signal: deps.signal,
  });
  const syncMs = Date.now() - started;
  deps.signal?.throwIfAborted();

  const examples = await deps.store.all();
  const heldOut = examples.filter((example) => isHeldOut(example.id));
  const training = examples.filter((example) => !isHeldOut(example.id));
  const trainStarted = Date.now();
  const train = deps.train ?? ((rows, options) => trainOnThread(rows, { ...options, seed: 1 }, deps.signal));
  const candidate = await train(training, {
    targetPrecision: deps.settings.targetPrecision,
    urgentSignals: deps.settings.urgentSignals,
    ...(deps.settings.fields ? { fields: deps.settings.fields } : {}),
  });
  const trainMs = Date.now() - trainStarted;
  deps.signal?.throwIfAborted();
  const llm = deps.calibrateLlm ? await calibrateLlm(deps, training) : undefined;
  deps.signal?.throwIfAborted();

  const promotion = await deps.registry.promote({
    model: candidate,
    learnedFrom: training.length,
    heldOut,
    targetPrecision: deps.settings.targetPrecision,
    llmCalibration: llm?.calibration,
  });
  const creditsAfter = deps.creditsUsed?.();
  const report: LearnRunReport = {
    account: deps.account,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    credits:
      creditsBefore === undefined || creditsAfter === undefined ? undefined : creditsAfter - creditsBefore,
    sync,
    trainedOn: training.length,
    heldOutCount: heldOut.length,
    promotion,
    timings: { syncMs, trainMs },
    ...(llm ? { llm } : {}),
  };
  await deps.redis.set(lastRunKey(deps.prefix, deps.account), JSON.stringify(report));
  deps.logger?.info(
    {
      account: deps.account,
      examples: examples.length,
      read: sync.listed,
      credits: report.credits,
      promoted: promotion.promoted,
      version: promotion.version,
      reasons: promotion.reasons,
      durationMs: report.durationMs,
    },
    promotion.promoted ? "learned a new model from the account's history" : "kept the model in use",
  );
  return { ran: true, report, candidate, heldOut };
}

/**
 * A language model that cannot be measured now does not hold back the learned model: it is
 * promoted without a calibration, and the worker then never trusts the language model alone.
 */
async function calibrateLlm(deps: LearnerDeps, training: readonly LabelledTicket[]) {
  try {
    return await deps.calibrateLlm?.(training, deps.signal);
  } catch (error) {
    deps.signal?.throwIfAborted();
    deps.logger?.warn({ err: error, account: deps.account }, "could not calibrate the language model");
    return undefined;
  }
}

/** The report of the account's last learning run, for pages and metrics. */
export async function lastLearnRun(
  redis: Redis,
  prefix: string,
  account: string,
): Promise<LearnRunReport | undefined> {
  const raw = await redis.get(lastRunKey(prefix, account));
  return raw ? (JSON.parse(raw) as LearnRunReport) : undefined;
}

function lastRunKey(prefix: string, account: string): string {
  return `${prefix}:learning:${account}:last-run`;
}

/** About one ticket in five, fixed by its id (FNV-1a), is held out of training. */
export function isHeldOut(id: number | string): boolean {
  let hash = 0x811c9dc5;
  for (const char of String(id)) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % 1000 < HELD_OUT_SHARE * 1000;
}
