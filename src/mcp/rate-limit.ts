import type { Redis } from "ioredis";
import { RateLimitedError } from "../errors.ts";

/**
 * A fixed one-minute window per key, counted in Redis so every web process shares the budget.
 * Throws RateLimitedError (with the seconds left in the window) once `perMinute` is used up.
 */
export type RateLimiter = { consume(key: string): Promise<void> };

export function createRateLimiter(options: {
  redis: Redis;
  keyPrefix: string;
  perMinute: number;
  now?: () => number;
}): RateLimiter {
  const { redis, keyPrefix, perMinute } = options;
  const now = options.now ?? Date.now;
  const windowMs = 60_000;
  return {
    async consume(key) {
      const time = now();
      const window = Math.floor(time / windowMs);
      const redisKey = `${keyPrefix}:${key}:${window}`;
      const [[incrError, count] = [], [expireError] = []] =
        (await redis
          .multi()
          .incr(redisKey)
          .pexpire(redisKey, windowMs * 2)
          .exec()) ?? [];
      if (incrError || expireError) throw incrError ?? expireError;
      if (Number(count) > perMinute) {
        const retryAfterSeconds = Math.max(1, Math.ceil(((window + 1) * windowMs - time) / 1000));
        throw new RateLimitedError(
          `Too many requests for this token: the limit is ${perMinute} per minute; retry in ${retryAfterSeconds} s.`,
          retryAfterSeconds,
        );
      }
    },
  };
}
