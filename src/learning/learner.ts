import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { Redis } from "ioredis";
// The Freshservice pipeline's policy lives with its triage; it allows the reads learning needs.
import { freshservicePipelinePolicy } from "../../workers/freshservice/pipeline-policy.ts";
import type { Config } from "../config.ts";
import { createAccountDirectory, createFreshdeskClient } from "../freshdesk/index.ts";
import type { RateGovernor } from "../freshdesk/rate-governor.ts";
import type { FreshdeskCallReport } from "../freshdesk/transport.ts";
import { createFreshserviceDirectory } from "../freshservice/account-directory.ts";
import { createFreshserviceClient } from "../freshservice/index.ts";
import type { Logger } from "../logger.ts";
import type { McpServerDeps, SharedServerDeps } from "../mcp/deps.ts";
import { connectInProcessClient } from "../mcp/in-process-client.ts";
import { pipelinePolicy } from "../mcp/pipeline-policy.ts";
import type { Product } from "../product.ts";
import { createExamplesStore, type ExamplesStore } from "./examples-store.ts";
import { syncFreshserviceHistory } from "./freshservice-history-sync.ts";
import { type LearnerDeps, type LearnRunOutcome, lastLearnRun, learnOnce } from "./learn-run.ts";
import { createLearnerLock } from "./learner-lock.ts";
import { createLearningGovernor, type LearningGovernor } from "./learning-budget.ts";
import { createLlmCalibrator } from "./llm-calibrator.ts";
import { createModelRegistry, type ModelRegistry } from "./model-registry.ts";
import { createOverrideStore } from "./overrides.ts";
import { learnedFieldsFor } from "./types.ts";

/**
 * Learning's parts for one account, wired: its own client of the product (Freshdesk or
 * Freshservice, as config.product says) under the learning budget, an in-process MCP client
 * under the pipeline policy (caller "learning" in the audit) over the product's tools, the
 * product's history sync and learned fields, the examples, the registry and the lock.
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
  /** The service's MCP dependencies; learning swaps in its own client of the product. */
  mcp: McpServerDeps<Product>;
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
  const product = config.product;
  const clientOptions = {
    baseUrl: options.freshdeskBaseUrl,
    apiKey: config.freshdesk.target.apiKey,
    timeoutMs: config.freshdesk.timeoutMs,
    governor,
    // Learning is in no hurry: it waits its turn in the budget rather than failing.
    maxRateWaitMs: 15 * 60_000,
    ...(logger ? { logger: logger.child({ component: `learning-${product}` }) } : {}),
    ...(options.onResponse ? { onResponse: options.onResponse } : {}),
  };
  const { audit, cursorSecret, triage, portalUrl, limits } = options.mcp;
  const shared: SharedServerDeps = {
    audit,
    cursorSecret,
    ...(triage ? { triage } : {}),
    ...(portalUrl ? { portalUrl } : {}),
    limits: { ...limits, ...LEARNING_LIMITS },
    logger: logger ?? options.mcp.logger,
  };
  let deps: McpServerDeps<Product>;
  if (product === "freshservice") {
    const freshservice = createFreshserviceClient(clientOptions);
    deps = { ...shared, freshservice, directory: createFreshserviceDirectory(freshservice) };
  } else {
    const freshdesk = createFreshdeskClient(clientOptions);
    const toolSet = "freshdesk" in options.mcp ? options.mcp.toolSet : undefined;
    deps = {
      ...shared,
      freshdesk,
      directory: createAccountDirectory(freshdesk),
      ...(toolSet ? { toolSet } : {}),
    };
  }
  const policy =
    product === "freshservice" ? freshservicePipelinePolicy("learning") : pipelinePolicy("learning");
  const client: Client = await connectInProcessClient(deps, policy);
  const fields = learnedFieldsFor(product);
  const store = createExamplesStore({ redis, prefix, account, maxExamples: config.learning.maxTickets });
  const registry = createModelRegistry({ redis, prefix, account, fields });
  const lock = createLearnerLock({ redis, prefix, account });
  const overrides = createOverrideStore({ redis, prefix, account, fields });

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
      fields,
    },
    ...(product === "freshservice" ? { sync: syncFreshserviceHistory } : {}),
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
