import { setTimeout as sleep } from "node:timers/promises";
import { freshdeskAccountName } from "../src/freshdesk/client.ts";
import { accountKeyPrefix } from "../src/queue/account-keys.ts";
import { createTriageQueue, defaultTriageJobOptions } from "../src/queue/triage-queue.ts";
import type { BenchOptions } from "./options.ts";
import type { MemorySnapshot } from "./support/child-ipc.ts";
import type { ClosedLoopResult, ClosedLoopRun } from "./support/load-generator.ts";
import { BENCH_SECRET_KEY, childEnv, forkChild, startSandboxProcess } from "./support/processes.ts";
import { startBenchRedis, usedMemory } from "./support/redis.ts";
import { type BenchResult, type Figure, figure } from "./support/report.ts";
import { ID_ONLY_TEMPLATE, WEBHOOK_HEADERS, WEBHOOK_SECRET } from "./support/webhook-bodies.ts";

const PREFIX = "bench-memory";
const MB = 1024 * 1024;

/**
 * Memory: the web and worker processes' RSS and heap (after a full GC) before and after 100,000
 * webhooks for distinct tickets, and Redis `used_memory` with the queue's retention settings,
 * while the worker drains the queue and after it has.
 */
export async function memoryBenchmark(options: BenchOptions): Promise<BenchResult> {
  const started = Date.now();
  const webhooks = options.quick ? 10_000 : 100_000;
  const drainWaitMs = options.quick ? 30_000 : 240_000;
  const redis = await startBenchRedis();
  const sandbox = await startSandboxProcess("unlimited");
  const env = childEnv({
    NODE_ENV: "production",
    SECRET_KEY: BENCH_SECRET_KEY,
    PORT: "0",
    REDIS_URL: redis.url,
    QUEUE_PREFIX: PREFIX,
    WEBHOOK_SECRET,
    FRESHDESK_DOMAIN: sandbox.baseUrl,
    FRESHDESK_API_KEY: "sandbox",
    LOG_LEVEL: "info",
  });
  const execArgv = ["--expose-gc"];
  const web = await forkChild("bench/support/service-process.ts", { args: ["--web"], env, execArgv });
  const worker = await forkChild("bench/support/service-process.ts", { args: ["--worker"], env, execArgv });
  const generator = await forkChild("bench/support/load-generator.ts", { env: childEnv({}) });
  const queue = createTriageQueue(
    redis.client,
    accountKeyPrefix(PREFIX, freshdeskAccountName(sandbox.baseUrl)),
  );
  const blast = (firstId: number, amount: number) => {
    const run: ClosedLoopRun = {
      url: `${web.ready.url}/webhooks/freshdesk`,
      headers: WEBHOOK_HEADERS,
      bodyTemplate: ID_ONLY_TEMPLATE,
      firstId,
      connections: 32,
      amount,
    };
    return generator.ask<ClosedLoopResult>("closed", { run });
  };
  const backlog = async () => {
    const counts = await queue.getJobCounts("waiting", "active", "delayed", "prioritized");
    return Object.values(counts).reduce((sum, n) => sum + n, 0);
  };
  const drain = async (timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while ((await backlog()) > 0 && Date.now() < deadline) await sleep(500);
    return backlog();
  };

  try {
    // Warm-up, so lazily built state (JIT, connection pools, account caches) is not counted as growth.
    await blast(50_000_000, 1000);
    await drain(60_000);
    const webBefore = await web.ask<MemorySnapshot>("memory");
    const workerBefore = await worker.ask<MemorySnapshot>("memory");
    const redisBefore = await usedMemory(redis.client);

    const intakeStart = Date.now();
    const result = await blast(60_000_000, webhooks);
    const intakeSeconds = (Date.now() - intakeStart) / 1000;
    const webAfter = await web.ask<MemorySnapshot>("memory");
    const redisAfterIntake = await usedMemory(redis.client);
    const backlogAfterIntake = await backlog();
    const left = await drain(drainWaitMs);
    const drainSeconds = (Date.now() - intakeStart) / 1000;
    const workerAfter = await worker.ask<MemorySnapshot>("memory");
    const redisAfterDrain = await usedMemory(redis.client);
    const retained = await queue.getJobCounts("completed", "failed");

    const mb = (name: string, after: number, before: number): Figure =>
      figure(name, after / MB, "MB", { baseline: { label: "before", value: before / MB } });
    const retention = defaultTriageJobOptions.removeOnComplete as { count: number };
    return {
      name: "memory",
      title: `Memory: before and after ${webhooks.toLocaleString("en-US")} webhooks`,
      figures: [
        mb("web process RSS", webAfter.rssBytes, webBefore.rssBytes),
        mb("web process heap used", webAfter.heapUsedBytes, webBefore.heapUsedBytes),
        mb("worker process RSS", workerAfter.rssBytes, workerBefore.rssBytes),
        mb("worker process heap used", workerAfter.heapUsedBytes, workerBefore.heapUsedBytes),
        mb("Redis used_memory right after the webhooks (workers draining)", redisAfterIntake, redisBefore),
        mb(
          left === 0 ? "Redis used_memory once drained" : "Redis used_memory at the end of the wait",
          redisAfterDrain,
          redisBefore,
        ),
        figure("completed jobs kept", retained.completed ?? 0, "jobs", {
          target: { atMost: retention.count },
        }),
      ],
      notes: [
        `Processes: redis-server (AOF everysec), the standalone sandbox (unlimited plan), one web process and one worker process (src/service.ts, production settings, info logging), the load generator (autocannon, 32 connections).`,
        `${result.ok.toLocaleString("en-US")} webhooks answered 202 (${result.non2xx} non-2xx, ${result.errors} errors) in ${Math.round(intakeSeconds)} s, each for a distinct ticket id after a 1,000-webhook warm-up. The tickets do not exist in the sandbox, so each job reads the ticket once, gets a 404 and completes as skipped: this measures the queue and its retention, not per-ticket triage results.`,
        `Heap figures are taken after a full GC (--expose-gc). Backlog right after the webhooks: ${backlogAfterIntake.toLocaleString("en-US")} jobs; ${left === 0 ? `drained ${Math.round(drainSeconds)} s after the first webhook` : `${left.toLocaleString("en-US")} jobs still queued after waiting ${Math.round(drainWaitMs / 1000)} s`}.`,
        `Retention (src/queue/triage-queue.ts): removeOnComplete ${JSON.stringify(defaultTriageJobOptions.removeOnComplete)}, removeOnFail ${JSON.stringify(defaultTriageJobOptions.removeOnFail)}; kept at the end: ${retained.completed} completed, ${retained.failed} failed.`,
      ],
      durationSeconds: (Date.now() - started) / 1000,
    };
  } finally {
    await queue.close();
    await generator.stop();
    await web.stop();
    await worker.stop();
    await sandbox.stop();
    await redis.stop();
  }
}
