import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { Redis } from "ioredis";
import type { TriageMode } from "../../src/config.ts";
import type { OverrideStore } from "../../src/learning/overrides.ts";
import { timeSteps } from "../../src/metrics/instrument.ts";
import type { Metrics } from "../../src/metrics/metrics.ts";
import type { TriageResultStore } from "../../src/queue/triage-results.ts";
import type { PriorityMatrix } from "../../src/triage/freshservice/index.ts";
import type { LearningDeps } from "../decide.ts";
import { createTriageProcessor } from "../triage.processor.ts";
import type { TriageProcessor } from "../triage-worker.ts";
import { createFsAccountSnapshotCache } from "./account-snapshot.ts";
import { createFreshservicePipelineTools } from "./pipeline-tools.ts";
import { createFreshserviceTriage } from "./triage.ts";

/**
 * The shared triage processor with Freshservice's triage in it, over an in-process MCP client
 * connected to the Freshservice tool set under `freshservicePipelinePolicy()`.
 */
export function createFreshserviceProcessor(options: {
  client: Client;
  redis: Redis;
  keyPrefix: string;
  mode: TriageMode;
  portalUrl: string;
  results: TriageResultStore;
  learning: LearningDeps;
  priorityMatrix?: PriorityMatrix | undefined;
  overrides?: OverrideStore | undefined;
  metrics: Pick<Metrics, "step">;
  now?: () => Date;
}): { processor: TriageProcessor; warmUp(): Promise<void> } {
  const account = createFsAccountSnapshotCache(options.client);
  const tools = timeSteps(
    createFreshservicePipelineTools(options.client, { redis: options.redis, keyPrefix: options.keyPrefix }),
    { loadTicket: "load", updateTicket: "apply", addPrivateNote: "note" },
    options.metrics.step,
  );
  const timedAccount = timeSteps(account, { get: "account" }, options.metrics.step);
  const product = createFreshserviceTriage({
    tools,
    account: timedAccount,
    redis: options.redis,
    keyPrefix: options.keyPrefix,
    learning: options.learning,
    priorityMatrix: options.priorityMatrix,
    portalUrl: options.portalUrl,
  });
  const processor = createTriageProcessor({
    tools,
    product,
    results: options.results,
    mode: options.mode,
    overrides: options.overrides,
    now: options.now,
  });
  return {
    processor,
    async warmUp() {
      await account.get();
    },
  };
}
