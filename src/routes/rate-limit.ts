import type { Redis } from "ioredis";
import { RateLimitedError } from "../errors.ts";

/**
 * A fixed one-minute window per key, counted in Redis so every web process shares the budget.
 * `consume` counts `count` requests at once and throws RateLimitedError (with the seconds left
 * in the window) when they do not all fit; a refused request spends nothing, so a client may
 * retry a smaller batch. `check` throws the same without counting, for budgets that only
 * failures spend (sign-in attempts).
 */
export type RateLimiter = {
  consume(key: string, count?: number): Promise<void>;
  check(key: string): Promise<void>;
};

// Check and count in one step: concurrent requests of one token cannot overshoot together.
const CONSUME = `
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
local wanted = tonumber(ARGV[1])
if used + wanted > tonumber(ARGV[2]) then return used end
redis.call('INCRBY', KEYS[1], wanted)
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return -1
`;

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
  const keyOf = (key: string, time: number) => `${keyPrefix}:${key}:${windowOf(time)}`;
  const retryAfter = (time: number) =>
    Math.max(1, Math.ceil(((windowOf(time) + 1) * windowMs - time) / 1000));
  return {
    async consume(key, count = 1) {
      const time = now();
      const used = Number(await redis.eval(CONSUME, 1, keyOf(key, time), count, perMinute, windowMs * 2));
      if (used < 0) return;
      const seconds = retryAfter(time);
      if (count === 1) {
        throw new RateLimitedError(
          `Too many ${what}: the limit is ${perMinute} per minute; retry in ${seconds} s.`,
          seconds,
        );
      }
      const advice = count > perMinute ? `send at most ${perMinute} at once` : `retry in ${seconds} s`;
      throw new RateLimitedError(
        `Too many ${what}: this request holds ${count} messages but only ${Math.max(0, perMinute - used)} ` +
          `of the ${perMinute} per minute are left, so none was run; ${advice}.`,
        seconds,
      );
    },
    async check(key) {
      const time = now();
      const used = Number((await redis.get(keyOf(key, time))) ?? 0);
      if (used < perMinute) return;
      const seconds = retryAfter(time);
      throw new RateLimitedError(
        `Too many ${what}: the limit is ${perMinute} per minute; retry in ${seconds} s.`,
        seconds,
      );
    },
  };
}

/**
 * Failed sign-ins per client address, shared by /login and wrong bearer tokens on /mcp, so
 * guessing tokens by volume is slow whichever door is used.
 */
export function createFailedSignInLimiter(options: {
  redis: Redis;
  keyPrefix: string;
  now?: () => number;
}): RateLimiter {
  return createRateLimiter({
    redis: options.redis,
    keyPrefix: `${options.keyPrefix}:login-failures`,
    perMinute: FAILED_SIGN_INS_PER_MINUTE,
    what: "failed sign-ins from this address",
    ...(options.now ? { now: options.now } : {}),
  });
}

export const FAILED_SIGN_INS_PER_MINUTE = 10;
