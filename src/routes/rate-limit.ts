import type { Redis } from "ioredis";
import { RateLimitedError } from "../errors.ts";

/**
 * A fixed one-minute window per key, counted in Redis so every web process shares the budget.
 * `consume` counts one request and throws RateLimitedError (with the seconds left in the window)
 * once `perMinute` is used up; `check` throws the same without counting, for budgets that only
 * failures spend (sign-in attempts).
 */
export type RateLimiter = { consume(key: string): Promise<void>; check(key: string): Promise<void> };

export function createRateLimiter(options: {
  redis: Redis;
  keyPrefix: string;
  perMinute: number;
  /** What is limited, for the error message, e.g. "requests for this token". */
  what?: string;
  now?: () => number;
}): RateLimiter {
  const { redis, keyPrefix, perMinute } = options;
  const what = options.what ?? "requests for this token";
  const now = options.now ?? Date.now;
  const windowMs = 60_000;
  const windowOf = (time: number) => Math.floor(time / windowMs);
  const refuseOver = (count: number, time: number) => {
    if (count <= perMinute) return;
    const retryAfterSeconds = Math.max(1, Math.ceil(((windowOf(time) + 1) * windowMs - time) / 1000));
    throw new RateLimitedError(
      `Too many ${what}: the limit is ${perMinute} per minute; retry in ${retryAfterSeconds} s.`,
      retryAfterSeconds,
    );
  };
  return {
    async consume(key) {
      const time = now();
      const redisKey = `${keyPrefix}:${key}:${windowOf(time)}`;
      const [[incrError, count] = [], [expireError] = []] =
        (await redis
          .multi()
          .incr(redisKey)
          .pexpire(redisKey, windowMs * 2)
          .exec()) ?? [];
      if (incrError || expireError) throw incrError ?? expireError;
      refuseOver(Number(count), time);
    },
    async check(key) {
      const time = now();
      const count = Number((await redis.get(`${keyPrefix}:${key}:${windowOf(time)}`)) ?? 0);
      refuseOver(count + 1, time);
    },
  };
}
