import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { Redis } from "ioredis";
import type { Config } from "../config.ts";
import { createAccountDirectory, createFreshdeskClient } from "../freshdesk/index.ts";
import type { RateGovernor } from "../freshdesk/rate-governor.ts";
import type { FreshdeskCallReport } from "../freshdesk/transport.ts";
import type { Logger } from "../logger.ts";
import type { McpServerDeps } from "../mcp/deps.ts";
import { connectInProcessClient } from "../mcp/in-process-client.ts";
import { pipelinePolicy } from "../mcp/pipeline-policy.ts";
import { createExamplesStore, type ExamplesStore } from "./examples-store.ts";
import { type LearnerDeps, type LearnRunOutcome, lastLearnRun, learnOnce } from "./learn-run.ts";
import { createLearnerLock } from "./learner-lock.ts";
import { createLearningGovernor, type LearningGovernor } from "./learning-budget.ts";
import { createLlmCalibrator } from "./llm-calibrator.ts";
import { createModelRegistry, type ModelRegistry } from "./model-registry.ts";
import { createOverrideStore } from "./overrides.ts";

/**
 * Learning's parts for one account, wired: its own Freshdesk client under the learning budget,
 * an in-process MCP client under the pipeline policy (caller "learning" in the audit), the
 * examples, the registry and the lock.
 */
export type Learner = {
  learn(signal?: AbortSignal): Promise<LearnRunOutcome>;
  registry: ModelRegistry;
  store: ExamplesStore;
  governor: LearningGovernor;
  /** When the account last finished learning, and whether a model is in use. */
  lastRun(): Promise<{ at: Date | undefined; hasModel: boolean }>;
  close(): Promise<void>;
};

/** Results of list_tickets with 100 descriptions are larger than a chat client's cap, and stay in-process. */
const LEARNING_LIMITS = { maxResultChars: 1_000_000, maxTextChars: 1000 };

export async function createLearner(options: {
  config: Config;
  redis: Redis;
  /** Key prefix for the account's data (the examples, models, lock, budget). */
  prefix: string;
  account: string;
  freshdeskBaseUrl: string;
  /** The account-wide governor triage uses; learning's calls count in it too. */
  accountGovernor: RateGovernor;
  /** The service's MCP dependencies; learning swaps in its own Freshdesk client. */
  mcp: McpServerDeps;
  logger?: Logger | undefined;
  onResponse?: ((call: FreshdeskCallReport) => void) | undefined;
}): Promise<Learner> {
  const { config, redis, prefix, account, logger } = options;
  const governor = createLearningGovernor({
    redis,
    account,
    accountGovernor: options.accountGovernor,
    rateShare: config.learning.rateShare,
    limitPerWindow: config.freshdesk.rateLimitPerMinute,
    windowMs: config.freshdesk.rateWindowMs,
    keyPrefix: prefix,
    logger,
  });
  const freshdesk = createFreshdeskClient({
    baseUrl: options.freshdeskBaseUrl,
    apiKey: config.freshdesk.target.apiKey,
    timeoutMs: config.freshdesk.timeoutMs,
    governor,
    // Learning is in no hurry: it waits its turn in the budget rather than failing.
    maxRateWaitMs: 15 * 60_000,
    ...(logger ? { logger: logger.child({ component: "learning-freshdesk" }) } : {}),
    ...(options.onResponse ? { onResponse: options.onResponse } : {}),
  });
  const deps: McpServerDeps = {
    ...options.mcp,
    freshdesk,
    directory: createAccountDirectory(freshdesk),
    limits: { ...options.mcp.limits, ...LEARNING_LIMITS },
    ...(logger ? { logger } : {}),
  };
  const client: Client = await connectInProcessClient(deps, pipelinePolicy("learning"));
  const store = createExamplesStore({ redis, prefix, account, maxExamples: config.learning.maxTickets });
  const registry = createModelRegistry({ redis, prefix, account });
  const lock = createLearnerLock({ redis, prefix, account });
  const overrides = createOverrideStore({ redis, prefix, account });

  const base: Omit<LearnerDeps, "signal"> = {
    account,
    redis,
    prefix,
    client,
    store,
    registry,
    lock,
    overrides,
    creditsUsed: () => governor.creditsUsed(),
    settings: {
      days: config.learning.days,
      maxTickets: config.learning.maxTickets,
      targetPrecision: config.triage.targetPrecision,
      urgentSignals: config.triage.taxonomy.urgentSignals,
    },
    calibrateLlm: createLlmCalibrator(config),
    logger,
  };

  return {
    learn: (signal) => learnOnce({ ...base, signal }),
    registry,
    store,
    governor,
    async lastRun() {
      const [report, current] = await Promise.all([lastLearnRun(redis, prefix, account), registry.current()]);
      const at = report ? new Date(Date.parse(report.startedAt) + report.durationMs) : undefined;
      return { at, hasModel: current !== undefined };
    },
    close: () => client.close(),
  };
}
