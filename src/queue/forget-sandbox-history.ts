import type { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { keysUnder } from "./account-keys.ts";
import type { TriageJob } from "./triage-queue.ts";

/**
 * The embedded sandbox keeps its helpdesk in memory, so every start begins with fresh tickets
 * that reuse the previous run's ticket ids. Triage history, hints and queued jobs stored in Redis
 * for the old tickets would make the new ones look already triaged, so they are dropped at start.
 * Only the sandbox's own account prefix (see account-keys.ts) is touched: real accounts' history
 * in the same Redis is kept.
 */
export async function forgetSandboxHistory(
  redis: Redis,
  queue: Queue<TriageJob>,
  accountPrefix: string,
): Promise<void> {
  if (!accountPrefix.includes(":account:sandbox:")) {
    throw new Error(`refusing to forget the history of a real Freshdesk account (${accountPrefix})`);
  }
  await queue.obliterate({ force: true });
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", keysUnder(accountPrefix), "COUNT", 500);
    if (keys.length > 0) await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== "0");
}
