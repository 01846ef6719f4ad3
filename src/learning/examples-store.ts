import type { Redis } from "ioredis";
import type { LabelledTicket } from "./types.ts";

/**
 * The account's labelled examples in Redis, read from its resolved and closed tickets: one hash
 * of JSON rows by ticket id, a sorted set of the same ids by last update (newest kept when the
 * cap is reached, oldest dropped when they leave the LEARN_DAYS window), and the sync's state
 * (its high-water mark). Every key carries the account.
 */
export type StoredExample = LabelledTicket & {
  id: number;
  /** The ticket's updated_at when it was read. */
  updatedAt: string;
};

export type SyncState = {
  /** updated_at of the newest ticket read so far; the next run asks for tickets updated since. */
  highWater?: string | undefined;
  /** LEARN_DAYS the examples were read with; a change starts a full read. */
  days?: number | undefined;
  lastRunAt?: string | undefined;
  /** Overrides seen up to here have been read into examples. */
  overridesUntil?: string | undefined;
};

export type ExamplesStore = {
  upsert(examples: readonly StoredExample[]): Promise<void>;
  remove(ids: readonly number[]): Promise<number>;
  has(ids: readonly number[]): Promise<boolean[]>;
  /** Drops examples last updated before `cutoff`; returns how many. */
  removeOlderThan(cutoff: Date): Promise<number>;
  /** Every example, oldest first. */
  all(): Promise<StoredExample[]>;
  count(): Promise<number>;
  syncState(): Promise<SyncState>;
  saveSyncState(state: Partial<SyncState>): Promise<void>;
  /** Forgets the examples and the sync state (a full read follows). */
  clear(): Promise<void>;
};

export function createExamplesStore(options: {
  redis: Redis;
  prefix: string;
  account: string;
  /** LEARN_MAX_TICKETS: the newest this many are kept. */
  maxExamples: number;
}): ExamplesStore {
  const { redis, maxExamples } = options;
  const base = `${options.prefix}:learning:${options.account}`;
  const rows = `${base}:examples`;
  const order = `${base}:examples:by-update`;
  const state = `${base}:sync`;

  return {
    async upsert(examples) {
      if (examples.length === 0) return;
      const tx = redis.multi();
      for (const example of examples) {
        tx.hset(rows, String(example.id), JSON.stringify(example));
        tx.zadd(order, Date.parse(example.updatedAt) || 0, String(example.id));
      }
      await tx.exec();
      const excess = (await redis.zcard(order)) - maxExamples;
      if (excess > 0) {
        const oldest = await redis.zrange(order, "0", String(excess - 1));
        await redis
          .multi()
          .hdel(rows, ...oldest)
          .zrem(order, ...oldest)
          .exec();
      }
    },

    async remove(ids) {
      if (ids.length === 0) return 0;
      const keys = ids.map(String);
      const result = await redis
        .multi()
        .hdel(rows, ...keys)
        .zrem(order, ...keys)
        .exec();
      return Number(result?.[0]?.[1] ?? 0);
    },

    async has(ids) {
      if (ids.length === 0) return [];
      const scores = await redis.zmscore(order, ...ids.map(String));
      return scores.map((score) => score !== null);
    },

    async removeOlderThan(cutoff) {
      const old = await redis.zrangebyscore(order, "-inf", `(${cutoff.getTime()}`);
      if (old.length === 0) return 0;
      await redis
        .multi()
        .hdel(rows, ...old)
        .zrem(order, ...old)
        .exec();
      return old.length;
    },

    async all() {
      const ids = await redis.zrange(order, "0", "-1");
      if (ids.length === 0) return [];
      const values = await redis.hmget(rows, ...ids);
      return values.flatMap((value) => (value ? [JSON.parse(value) as StoredExample] : []));
    },

    count: () => redis.zcard(order),

    async syncState() {
      const raw = await redis.hgetall(state);
      return {
        highWater: raw.highWater,
        days: raw.days === undefined ? undefined : Number(raw.days),
        lastRunAt: raw.lastRunAt,
        overridesUntil: raw.overridesUntil,
      };
    },

    async saveSyncState(next) {
      const fields = Object.entries(next).filter(([, value]) => value !== undefined);
      if (fields.length > 0)
        await redis.hset(state, Object.fromEntries(fields.map(([k, v]) => [k, String(v)])));
    },

    async clear() {
      await redis.del(rows, order, state);
    },
  };
}
