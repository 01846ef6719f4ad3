import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Cluster, Redis } from "ioredis";
import { RateLimitedError } from "../errors.ts";
import type { Logger } from "../logger.ts";
import { ACQUIRE, BLOCK, runScript, SETTLE, SNAPSHOT } from "./rate-governor-scripts.ts";

/**
 * One Freshdesk API budget per account, kept in Redis and shared by every process.
 *
 * A sliding-window log (a ZSET of credits scored by Redis time) admits a call only while the
 * credits of the last `windowMs` plus the new ones fit in floor(share × limit). No window of
 * that length ever holds more, so the budget holds whatever windowing Freshdesk itself uses.
 * Waiting callers sleep until the oldest credits leave the window. A 429 sets a shared
 * "blocked until" key that stops every process; a falling X-RateLimit-Remaining spaces calls out.
 *
 * Freshservice adds per-endpoint sub-limits inside the account's limit (reference freshservice
 * §10): with `subLimits`, a call naming a bucket also needs room in that bucket's own sliding
 * window of floor(share × sub-limit), and counts in both. Without `subLimits` (Freshdesk) the
 * bucket is ignored and the governor behaves exactly as it always has.
 */

/** A per-endpoint sub-limit: list calls, or single-record view/create/update calls. */
export const RATE_BUCKETS = ["list", "view_write"] as const;
export type RateBucket = (typeof RATE_BUCKETS)[number];

export type RateGovernorOptions = {
  redis: Redis | Cluster;
  /** Names the budget, e.g. the host of the Freshdesk base URL. */
  account: string;
  /** Fraction of the account's limit this installation may use (default 0.5). */
  share?: number;
  /** A fixed limit per window; unset means learn it from X-RateLimit-Total. */
  limitPerWindow?: number;
  /** Length of the window (default 60 000; tests compress it). */
  windowMs?: number;
  keyPrefix?: string;
  logger?: Logger;
  /** Limit assumed before X-RateLimit-Total is learnt (default 50, the trial plan). */
  defaultLimit?: number;
  /** Below this fraction of X-RateLimit-Total remaining, calls are spaced out (default 0.2). */
  lowRemainingFraction?: number;
  /**
   * Per-window limits of the per-endpoint buckets (before `share`); a bucket left out, or all
   * of them when unset, has no limit of its own beyond the account's.
   */
  subLimits?: Partial<Record<RateBucket, number>>;
};

export type AcquireOptions = {
  /** Give up with RateWaitTooLongError rather than wait longer than this. */
  maxWaitMs?: number;
  /** The sub-limit the call also counts against (only when the governor has one for it). */
  bucket?: RateBucket;
};

export type RatePermit = {
  /** Call when the response (or failure) arrived; never throws. */
  settle(): Promise<void>;
};

export type RateSnapshot = {
  account: string;
  windowMs: number;
  share: number;
  limit: number;
  limitSource: "fixed" | "learnt" | "default";
  budget: number;
  usedInWindow: number;
  blockedForMs: number;
  remaining: number | undefined;
  total: number | undefined;
  /** Only with `subLimits`: each bucket's limit, budget and credits in the current window. */
  buckets?: Partial<Record<RateBucket, { limit: number; budget: number; usedInWindow: number }>>;
};

export type RateHeaders = {
  total?: number | undefined;
  remaining?: number | undefined;
  used?: number | undefined;
};

export type RateGovernor = {
  /** Waits until `cost` credits fit in the budget, then takes them. */
  acquire(cost: number, options?: AcquireOptions): Promise<RatePermit>;
  /** Records X-RateLimit-* from a response. */
  observe(headers: RateHeaders): Promise<void>;
  /** After a 429: nobody in any process calls for `seconds`. */
  blockFor(seconds: number): Promise<void>;
  snapshot(): Promise<RateSnapshot>;
};

/** acquire() would have to wait longer than the caller allows. */
export class RateWaitTooLongError extends RateLimitedError {
  constructor(retryAfterSeconds: number) {
    super(`The Freshdesk API budget is used up; retry in ${retryAfterSeconds} s.`, retryAfterSeconds);
  }
}

const LEARNT_LIMIT_TTL_SECONDS = 24 * 60 * 60;

export function createRateGovernor(options: RateGovernorOptions): RateGovernor {
  const { redis, account, logger } = options;
  const share = options.share ?? 0.5;
  const windowMs = options.windowMs ?? 60_000;
  const defaultLimit = options.defaultLimit ?? 50;
  const low = options.lowRemainingFraction ?? 0.2;
  if (!(share > 0 && share <= 1)) throw new RangeError(`share must be in (0, 1], got ${share}`);
  if (!(windowMs > 0)) throw new RangeError(`windowMs must be positive, got ${windowMs}`);
  if (options.limitPerWindow !== undefined && !(options.limitPerWindow > 0)) {
    throw new RangeError(`limitPerWindow must be positive, got ${options.limitPerWindow}`);
  }
  const subLimits = options.subLimits ?? {};
  for (const [bucket, limit] of Object.entries(subLimits)) {
    if (!(RATE_BUCKETS as readonly string[]).includes(bucket)) {
      throw new RangeError(`subLimits has an unknown bucket "${bucket}"; known: ${RATE_BUCKETS.join(", ")}`);
    }
    if (!(limit > 0)) throw new RangeError(`subLimits.${bucket} must be positive, got ${limit}`);
  }
  const bucketBudget = (limit: number) => Math.max(1, Math.floor(share * limit));

  // The hash tag keeps every key of one account on one Redis Cluster slot, as Lua requires.
  const base = `${options.keyPrefix ?? ""}{fd:${account}}`;
  const keys = {
    log: `${base}:log`,
    blocked: `${base}:blocked`,
    limit: `${base}:limit`,
    observed: `${base}:observed`,
    last: `${base}:last`,
  };
  const bucketLog = (bucket: RateBucket) => `${base}:log:${bucket}`;

  async function acquire(cost: number, acquireOptions: AcquireOptions = {}): Promise<RatePermit> {
    const credits = Math.max(1, Math.ceil(cost));
    const member = randomUUID();
    const bucket = acquireOptions.bucket;
    const bucketLimit = bucket === undefined ? undefined : subLimits[bucket];
    const logKeys =
      bucket !== undefined && bucketLimit !== undefined ? [keys.log, bucketLog(bucket)] : [keys.log];
    const bucketArgs = bucketLimit === undefined ? [] : [bucketBudget(bucketLimit)];
    const deadline =
      acquireOptions.maxWaitMs === undefined ? undefined : Date.now() + acquireOptions.maxWaitMs;
    for (;;) {
      const [granted, waitMs, grantedCost] = (await runScript(
        redis,
        ACQUIRE,
        [keys.log, keys.blocked, keys.limit, keys.observed, keys.last, ...logKeys.slice(1)],
        [credits, options.limitPerWindow ?? 0, share, windowMs, defaultLimit, member, low, ...bucketArgs],
      )) as [number, number, number];
      if (granted === 1) return permit(member, grantedCost, logKeys);
      if (deadline !== undefined && Date.now() + waitMs > deadline) {
        throw new RateWaitTooLongError(Math.max(1, Math.ceil(waitMs / 1000)));
      }
      logger?.debug({ account, waitMs, bucket }, "waiting for API budget");
      // A little jitter so waiters woken by the same expiry do not all retry at once.
      await sleep(waitMs + Math.floor(Math.random() * Math.min(25, 1 + waitMs / 10)));
    }
  }

  function permit(member: string, cost: number, logKeys: string[]): RatePermit {
    let settled = false;
    return {
      async settle() {
        if (settled) return;
        settled = true;
        try {
          await runScript(redis, SETTLE, logKeys, [windowMs, member, cost]);
        } catch (error) {
          logger?.warn({ err: error, account }, "could not settle a Freshdesk rate permit");
        }
      },
    };
  }

  async function observe(headers: RateHeaders): Promise<void> {
    const { total, remaining } = headers;
    const pipeline = redis.multi();
    if (total !== undefined && total > 0) {
      pipeline.set(keys.limit, String(total), "EX", LEARNT_LIMIT_TTL_SECONDS);
    }
    if (remaining !== undefined && total !== undefined && total > 0) {
      pipeline.hset(keys.observed, { remaining: String(remaining), total: String(total) });
      pipeline.pexpire(keys.observed, windowMs);
    }
    await pipeline.exec();
  }

  async function blockFor(seconds: number): Promise<void> {
    if (!(seconds > 0)) return;
    await runScript(redis, BLOCK, [keys.blocked], [seconds]);
    logger?.warn({ account, seconds }, "Freshdesk calls paused after a 429");
  }

  async function snapshot(): Promise<RateSnapshot> {
    const [[used, blockedForMs], learnt, observed] = await Promise.all([
      runScript(redis, SNAPSHOT, [keys.log, keys.blocked], [windowMs]) as Promise<[number, number]>,
      redis.get(keys.limit),
      redis.hgetall(keys.observed),
    ]);
    const limitSource = options.limitPerWindow ? "fixed" : learnt ? "learnt" : "default";
    const limit = options.limitPerWindow ?? (learnt ? Number(learnt) : defaultLimit);
    const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));
    const buckets = await bucketSnapshots();
    return {
      account,
      windowMs,
      share,
      limit,
      limitSource,
      budget: Math.max(1, Math.floor(share * limit)),
      usedInWindow: used,
      blockedForMs,
      remaining: number(observed.remaining),
      total: number(observed.total),
      ...(buckets ? { buckets } : {}),
    };
  }

  async function bucketSnapshots(): Promise<RateSnapshot["buckets"]> {
    const entries = Object.entries(subLimits) as [RateBucket, number][];
    if (entries.length === 0) return undefined;
    const used = await Promise.all(
      entries.map(
        ([bucket]) =>
          runScript(redis, SNAPSHOT, [bucketLog(bucket), keys.blocked], [windowMs]) as Promise<
            [number, number]
          >,
      ),
    );
    return Object.fromEntries(
      entries.map(([bucket, limit], i) => [
        bucket,
        { limit, budget: bucketBudget(limit), usedInWindow: used[i]?.[0] ?? 0 },
      ]),
    );
  }

  return { acquire, observe, blockFor, snapshot };
}
