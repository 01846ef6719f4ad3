import { randomUUID } from "node:crypto";
import { type JobsOptions, Queue } from "bullmq";
import type { Redis } from "ioredis";
import { z } from "zod";

export const TRIAGE_QUEUE = "triage";

export const triageEvents = ["created", "updated", "reprocess", "other"] as const;
export type TriageEvent = (typeof triageEvents)[number];

/** Jobs carry ids, never ticket content: the worker reads the ticket when it runs. */
export const triageJobSchema = z.object({
  ticketId: z.number().int().positive(),
  event: z.enum(triageEvents),
  receivedAt: z.string(),
  /** Set by reprocess: run even if the content hash is unchanged, in this mode. */
  force: z.boolean().optional(),
  mode: z.enum(["apply", "suggest", "dry-run"]).optional(),
});
export type TriageJob = z.infer<typeof triageJobSchema>;

export type EnqueueResult = { jobId: string; deduplicated: boolean };

/**
 * Retention keeps Redis bounded; attempts with exponential backoff cover transient failures.
 * Rate-limit waits do not use attempts (see workers/failure-policy.ts).
 */
export const defaultTriageJobOptions: JobsOptions = {
  attempts: 6,
  backoff: { type: "exponential", delay: 2000 },
  removeOnComplete: { age: 24 * 3600, count: 5000 },
  removeOnFail: { age: 14 * 24 * 3600, count: 20000 },
};

export function createTriageQueue(connection: Redis, prefix: string): Queue<TriageJob> {
  return new Queue<TriageJob>(TRIAGE_QUEUE, {
    connection,
    prefix,
    defaultJobOptions: defaultTriageJobOptions,
  });
}

/**
 * One job per ticket at a time: while a ticket's job waits, further webhooks collapse into it;
 * while it runs, the latest one is kept and runs after it (`keepLastIfActive`), so a customer's
 * follow-up is never dropped and two jobs never triage the same ticket at once.
 */
export async function enqueueTriage(queue: Queue<TriageJob>, job: TriageJob): Promise<EnqueueResult> {
  const jobId = `t${job.ticketId}-${randomUUID()}`;
  const added = await queue.add(`ticket-${job.ticketId}`, job, {
    jobId,
    deduplication: { id: `ticket-${job.ticketId}`, keepLastIfActive: true },
  });
  const existingId = added.id ?? jobId;
  if (existingId !== jobId && job.force) await carryForceOnto(queue, existingId, job);
  return { jobId: existingId, deduplicated: existingId !== jobId };
}

/** A reprocess request that collapsed into a waiting job must still force that job. */
async function carryForceOnto(queue: Queue<TriageJob>, jobId: string, job: TriageJob): Promise<void> {
  const existing = await queue.getJob(jobId);
  if (!existing) return;
  const state = await existing.getState();
  if (state === "waiting" || state === "delayed" || state === "prioritized") {
    await existing.updateData({ ...existing.data, force: true, mode: job.mode ?? existing.data.mode });
  }
}
