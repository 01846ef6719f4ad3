import { type Job, UnrecoverableError, Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { Logger } from "../src/logger.ts";
import { TRIAGE_QUEUE, type TriageJob } from "../src/queue/triage-queue.ts";
import { decideFailure } from "./failure-policy.ts";

export type JobOutcome = { outcome: "triaged" | "skipped"; reason?: string | undefined };
export type TriageProcessor = (job: Job<TriageJob>) => Promise<JobOutcome>;

export type TriageWorkerOptions = {
  connection: Redis;
  prefix: string;
  concurrency: number;
  process: TriageProcessor;
  logger: Logger;
  /** How long a job may go without a lock renewal before another worker takes it over. */
  lockDurationMs?: number;
};

/**
 * Runs the triage processor under BullMQ and applies the failure policy: this is the only place
 * where errors become job control (skip, fail for good, queue-wide rate limit, retry).
 */
export function createTriageWorker(options: TriageWorkerOptions): Worker<TriageJob, JobOutcome> {
  const { logger } = options;
  const worker: Worker<TriageJob, JobOutcome> = new Worker<TriageJob, JobOutcome>(
    TRIAGE_QUEUE,
    async (job) => {
      try {
        return await options.process(job);
      } catch (error) {
        const decision = decideFailure(error);
        const context = { jobId: job.id, ticketId: job.data.ticketId, attempt: job.attemptsMade + 1 };
        switch (decision.kind) {
          case "skip":
            logger.info({ ...context, reason: decision.reason }, "triage skipped");
            return { outcome: "skipped", reason: decision.reason };
          case "fail":
            logger.warn({ ...context, reason: decision.reason }, "triage failed for good");
            throw new UnrecoverableError(decision.reason);
          case "rate_limit":
            logger.warn({ ...context, delayMs: decision.delayMs }, "Freshdesk rate limit: pausing the queue");
            await worker.rateLimit(decision.delayMs);
            throw Worker.RateLimitError();
          case "retry":
            if (decision.expected) logger.warn({ ...context, reason: decision.reason }, "triage will retry");
            else logger.error({ ...context, err: error }, "triage hit an unexpected error; will retry");
            throw error;
        }
      }
    },
    {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.concurrency,
      // A job whose worker died (kill -9) is taken over once its lock expires and the next
      // stalled check runs: at most lockDuration + stalledInterval, about 15 s by default.
      lockDuration: options.lockDurationMs ?? 10_000,
      stalledInterval: 5_000,
      maxStalledCount: 3,
      autorun: true,
    },
  );
  worker.on("error", (error) => logger.error({ err: error }, "triage worker error"));
  return worker;
}
