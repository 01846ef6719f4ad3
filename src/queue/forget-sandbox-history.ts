import type { Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { TriageJob } from "./triage-queue.ts";

/**
 * The embedded sandbox keeps its helpdesk in memory, so every start begins with fresh tickets
 * that reuse the previous run's ticket ids. Triage history, hints and queued jobs stored in Redis
 * for the old tickets would make the new ones look already triaged, so they are dropped at start.
 * Only used in sandbox mode; with a real Freshdesk account, history is kept.
 */
export async function forgetSandboxHistory(
  redis: Redis,
  queue: Queue<TriageJob>,
  prefix: string,
): Promise<void> {
  await queue.obliterate({ force: true });
  for (const pattern of [`${prefix}:results:*`, `${prefix}:hint:*`, `${prefix}:round-robin*`]) {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 500);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== "0");
  }
}
