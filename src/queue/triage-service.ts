import type { Queue, QueueEvents } from "bullmq";
import type { TriageMode } from "../config.ts";
import { ServiceUnavailableError } from "../errors.ts";
import { enqueueTriage, type TriageJob } from "./triage-queue.ts";
import type { TriageResultStore } from "./triage-results.ts";

/**
 * Triage on demand for the MCP tools: queue a forced run and wait for a worker to finish it, so
 * it goes through the same pipeline, policy and checkpoints as webhook-driven triage.
 */
export function createTriageService(options: {
  queue: Queue<TriageJob>;
  /**
   * Opens the queue-events stream. Called on first use only: a web process that never runs
   * triage on demand should not read the event of every job the intake adds.
   */
  openEvents: () => QueueEvents;
  results: TriageResultStore;
  waitMs?: number;
  now?: () => Date;
}) {
  const waitMs = options.waitMs ?? 30_000;
  let events: Promise<QueueEvents> | undefined;
  const eventsReady = () => {
    events ??= (async () => {
      const opened = options.openEvents();
      await opened.waitUntilReady();
      return opened;
    })();
    return events;
  };
  const now = options.now ?? (() => new Date());

  async function latest(ticketId: number) {
    const report = await options.results.report(ticketId);
    return report && { latest: report.latest, changes: report.changes };
  }

  return {
    async run(ticketId: number, { mode }: { mode: TriageMode }) {
      const stream = await eventsReady();
      const { jobId } = await enqueueTriage(options.queue, {
        ticketId,
        event: "reprocess",
        receivedAt: now().toISOString(),
        force: true,
        mode,
      });
      const job = await options.queue.getJob(jobId);
      if (!job) throw new ServiceUnavailableError("The triage job disappeared before it ran; try again.");
      try {
        await job.waitUntilFinished(stream, waitMs);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new ServiceUnavailableError(
          `Triage of ticket ${ticketId} did not finish: ${reason}`,
          undefined,
          {
            cause: error,
          },
        );
      }
      return { jobId, ...(await latest(ticketId)) };
    },
    latest,
  };
}
