import type { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { ServiceUnavailableError } from "../errors.ts";
import type { WebhookEvent } from "../routes/webhook-payload.ts";
import { type EnqueueResult, enqueueTriage, type TriageJob } from "./triage-queue.ts";

export type IntakeOptions = {
  queue: Queue<TriageJob>;
  /** The queue's own fail-fast connection (see redis-connection.ts), for the hint write. */
  redis: Redis;
  keyPrefix: string;
  /** Answer 503 after this long so Freshdesk retries instead of timing out on us. */
  redisTimeoutMs?: number;
  hintTtlSeconds?: number;
  now?: () => Date;
};

/** Where webhook hints (ticket fields the rule sent) wait for the worker; never the job itself. */
export function hintKey(prefix: string, ticketId: number): string {
  return `${prefix}:hint:${ticketId}`;
}

export function createIntake(options: IntakeOptions) {
  const timeoutMs = options.redisTimeoutMs ?? 80;
  const now = options.now ?? (() => new Date());
  return {
    async accept(event: WebhookEvent): Promise<EnqueueResult> {
      // Both commands go out at once, one round trip: on the queue's own connection Redis runs
      // them in order, so the hint is stored before the job that may read it exists.
      const hintStored =
        Object.keys(event.hint).length > 0
          ? options.redis.set(
              hintKey(options.keyPrefix, event.ticketId),
              JSON.stringify(event.hint),
              "EX",
              options.hintTtlSeconds ?? 900,
            )
          : undefined;
      const enqueued = enqueueTriage(options.queue, {
        ticketId: event.ticketId,
        event: event.event,
        receivedAt: now().toISOString(),
      });
      const work = Promise.all([hintStored, enqueued]).then(([, result]) => result);
      return withDeadline(work, timeoutMs);
    },
  };
}

async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    // When the event loop was busy, the timer and Redis's answer can both be due at once and
    // timers run first. Deferring the rejection to the check phase lets an answer that already
    // arrived win, so a stored job is not reported as a 503.
    timer = setTimeout(
      () =>
        setImmediate(() => reject(new ServiceUnavailableError("The queue is unavailable; retry later.", 30))),
      ms,
    );
  });
  try {
    return await Promise.race([
      work.catch((error: unknown) => {
        throw new ServiceUnavailableError("The queue is unavailable; retry later.", 30, { cause: error });
      }),
      deadline,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
