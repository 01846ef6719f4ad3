import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";

/**
 * One learner at a time per account, across every process: a Redis key set only if absent,
 * with a lease the holder renews while it works, so a crashed holder frees it within the lease.
 * Only the holder (its token) can renew or release it.
 */
export type LearnerLock = {
  /** Runs `work` while holding the lock; undefined (without running it) when another learner has it. */
  withLock<T>(work: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>;
};

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;

export function createLearnerLock(options: {
  redis: Redis;
  prefix: string;
  account: string;
  leaseMs?: number;
}): LearnerLock {
  const { redis } = options;
  const key = `${options.prefix}:learning:${options.account}:lock`;
  const leaseMs = options.leaseMs ?? 60_000;

  return {
    async withLock(work) {
      const token = randomUUID();
      const taken = await redis.set(key, token, "PX", leaseMs, "NX");
      if (taken !== "OK") return { ran: false };
      const renew = setInterval(() => {
        redis.eval(RENEW, 1, key, token, String(leaseMs)).catch(() => {
          // The next renewal tries again; the lease outlives a short Redis hiccup.
        });
      }, leaseMs / 3);
      renew.unref();
      try {
        return { ran: true, value: await work() };
      } finally {
        clearInterval(renew);
        await redis.eval(RELEASE, 1, key, token).catch(() => undefined);
      }
    },
  };
}
