import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { Job, Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { Config } from "../src/config.ts";
import type { OverrideStore } from "../src/learning/overrides.ts";
import type { LabelledTicket } from "../src/learning/types.ts";
import type { Logger } from "../src/logger.ts";
import type { McpServerDeps } from "../src/mcp/deps.ts";
import { connectInProcessClient } from "../src/mcp/in-process-client.ts";
import { pipelinePolicy } from "../src/mcp/pipeline-policy.ts";
import { observeClassifier, observeTriageResults, timeSteps } from "../src/metrics/instrument.ts";
import { createMetrics, type Metrics } from "../src/metrics/metrics.ts";
import type { Product } from "../src/product.ts";
import { SANDBOX_PRIORITY_MATRIX } from "../src/products/freshservice.ts";
import { createRedisConnection } from "../src/queue/redis-connection.ts";
import type { TriageJob } from "../src/queue/triage-queue.ts";
import type { TriageResultStore } from "../src/queue/triage-results.ts";
import { createConfiguredClassifier } from "../src/triage/index.ts";
import { createAccountSnapshotCache } from "./account-snapshot.ts";
import { createCompanyLookup } from "./company-lookup.ts";
import type { ModelSource } from "./decide.ts";
import { freshservicePipelinePolicy } from "./freshservice/pipeline-policy.ts";
import { createFreshserviceProcessor } from "./freshservice/processor.ts";
import { createPipelineTools } from "./pipeline-tools.ts";
import { createSimilarTickets } from "./similar-tickets.ts";
import { createTriageProcessor } from "./triage.processor.ts";
import { createTriageWorker, type JobOutcome, type TriageProcessor } from "./triage-worker.ts";

export type TriageWorkerRuntime = {
  worker: Worker;
  /** Loads the account-wide data now, so the first ticket does not pay for it. */
  warmUp(): Promise<void>;
  close(): Promise<void>;
};

/**
 * Everything a worker process runs: the in-process MCP client under the pipeline policy, the
 * account cache, the classifier, and the BullMQ worker executing the triage processor.
 */
export async function createTriageWorkerRuntime(options: {
  config: Config;
  logger: Logger;
  redisUrl: string;
  /** The Freshdesk account's own key prefix (src/queue/account-keys.ts): its queue, hints, cursors. */
  accountPrefix: string;
  /** The tool server's deps for the deployment's product (config.product). */
  mcp: McpServerDeps<Product>;
  results: TriageResultStore;
  redis: Redis;
  portalUrl: string;
  /** Where job, step, model and outcome figures go; a private registry when not given. */
  metrics?: Metrics;
  /** The account's learning: its model registry, override store and labelled examples. */
  learning?: {
    models?: ModelSource | undefined;
    overrides?: OverrideStore | undefined;
    examples?: { all(): Promise<LabelledTicket[]> } | undefined;
  };
}): Promise<TriageWorkerRuntime> {
  const { config, logger } = options;
  const metrics = options.metrics ?? createMetrics();
  const { taxonomy } = config.triage;
  const { product } = config;
  const client = await connectInProcessClient(
    options.mcp,
    product === "freshservice" ? freshservicePipelinePolicy() : pipelinePolicy(),
  );
  // Only the deployment's product is built: its processor and the account data it preloads.
  const pipeline =
    product === "freshservice"
      ? createFreshserviceProcessor({
          client,
          redis: options.redis,
          keyPrefix: options.accountPrefix,
          mode: config.triage.mode,
          portalUrl: options.portalUrl,
          results: observeTriageResults(options.results, metrics),
          learning: {
            models: options.learning?.models,
            targetPrecision: config.triage.targetPrecision,
            applyUnmeasured: config.triage.applyUnmeasured,
          },
          // TRIAGE_CONFIG's priorityMatrix (src/triage/freshservice/priority-matrix.ts).
          priorityMatrix:
            taxonomy.priorityMatrix ??
            (config.freshdesk.target.kind === "sandbox" ? SANDBOX_PRIORITY_MATRIX : undefined),
          overrides: options.learning?.overrides,
          metrics,
        })
      : createFreshdeskPipeline(options, client, metrics);
  const connection = createRedisConnection(options.redisUrl, "worker", "triage-worker");
  connection.on("error", () => {});
  const worker = createTriageWorker({
    connection,
    prefix: options.accountPrefix,
    concurrency: config.triage.concurrency,
    process: pipeline.processor,
    logger,
  });
  // Same fields as the processor's own lines (triage-worker.ts); attemptsMade now includes this attempt.
  const jobFields = (job: Job<TriageJob>) => ({
    jobId: job.id,
    ticketId: job.data.ticketId,
    attempt: job.attemptsMade,
  });
  worker.on("completed", (job, outcome: JobOutcome) => {
    metrics.jobFinished(outcome.outcome, job);
    logger.info({ ...jobFields(job), ...outcome }, "triage job done");
  });
  worker.on("failed", (job, error) => {
    if (job) metrics.jobFinished("failed", job);
    logger.warn({ ...(job ? jobFields(job) : {}), reason: error.message }, "triage job failed");
  });
  await worker.waitUntilReady();
  return {
    worker,
    async warmUp() {
      await pipeline.warmUp();
    },
    async close() {
      await worker.close();
      await client.close();
      connection.disconnect();
    },
  };
}

/** Freshdesk's triage: the taxonomy's classifier, the learned model, and cached account data. */
function createFreshdeskPipeline(
  options: Parameters<typeof createTriageWorkerRuntime>[0],
  client: Client,
  metrics: Metrics,
): { processor: TriageProcessor; warmUp(): Promise<unknown> } {
  const { config, logger } = options;
  const { taxonomy } = config.triage;
  const classifier = createConfiguredClassifier({
    openai: config.openai,
    taxonomy,
    logger,
    onLlmCall: metrics.llmCall,
  });
  const account = createAccountSnapshotCache(client);
  const processor = createTriageProcessor({
    tools: timeSteps(
      createPipelineTools(client),
      { loadTicket: "load", updateTicket: "apply", addPrivateNote: "note" },
      metrics.step,
    ),
    account: timeSteps(account, { get: "account" }, metrics.step),
    companies: timeSteps(createCompanyLookup(client), { get: "company" }, metrics.step),
    classifier: observeClassifier(classifier, metrics),
    taxonomy,
    results: observeTriageResults(options.results, metrics),
    redis: options.redis,
    keyPrefix: options.accountPrefix,
    mode: config.triage.mode,
    portalUrl: options.portalUrl,
    learning: {
      models: options.learning?.models,
      targetPrecision: config.triage.targetPrecision,
      applyUnmeasured: config.triage.applyUnmeasured,
      // Only the language model reads similar tickets; without one, the index is never built.
      similar:
        config.openai.apiKey && options.learning?.examples
          ? createSimilarTickets({ examples: options.learning.examples, models: options.learning.models })
          : undefined,
    },
    overrides: options.learning?.overrides,
  });
  return { processor, warmUp: () => account.get() };
}
