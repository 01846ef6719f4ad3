import type { Redis } from "ioredis";
import { LEARNED_FIELDS, type LearnedField } from "./types.ts";

/**
 * The override loop's memory, per account: every value triage applied to a learned field (the
 * product's: Freshdesk's group, type, priority by default), and every time an agent later changed one. From the two come
 * the "kept unchanged" shares (how many applied values agents left alone over the last 7 and 30
 * days); the overrides themselves are read back by the history sync as the agents' corrections.
 *
 * Keys: a sorted set per field of tickets whose value was applied (scored by when), a sorted set
 * per field of tickets whose applied value an agent changed (scored by when it was applied, so
 * both sets count the same window), and a capped stream of the overrides' details.
 */

export const KEPT_WINDOWS = { last7Days: 7, last30Days: 30 } as const;
export type KeptWindow = keyof typeof KEPT_WINDOWS;

export type OverrideValue = string | number | null;

export type Override = {
  /** A learned field of the account's product. */
  field: string;
  ticketId: number;
  /** The value triage applied. */
  from: OverrideValue;
  /** What the agent changed it to. */
  to: OverrideValue;
  /** When the agent's change was seen (ISO 8601). */
  at: string;
  /** When triage had applied `from` (ISO 8601). */
  appliedAt: string;
  /** Seen on an update webhook, or when the ticket was resolved or closed. */
  seen: "update" | "close";
};

export type KeptShare = {
  /** Values applied in the window. */
  applied: number;
  /** Of those, how many an agent changed since. */
  changed: number;
  /** (applied − changed) / applied; null when nothing was applied in the window. */
  keptShare: number | null;
};

export type KeptShares<F extends string = LearnedField> = Record<F, Record<KeptWindow, KeptShare>>;

const DAY_MS = 24 * 3600 * 1000;
/** Older applications no longer count in any window. */
const KEEP_MS = (KEPT_WINDOWS.last30Days + 1) * DAY_MS;
const LOG_LENGTH = 10_000;

export function createOverrideStore<F extends string = LearnedField>(options: {
  redis: Redis;
  prefix: string;
  account: string;
  /** The product's learned fields (Freshdesk's by default): the fields kept shares are counted for. */
  fields?: readonly F[] | undefined;
}) {
  const { redis } = options;
  const fields = options.fields ?? (LEARNED_FIELDS as readonly string[] as readonly F[]);
  const base = `${options.prefix}:overrides:${options.account}`;
  const appliedKey = (field: string) => `${base}:applied:${field}`;
  const changedKey = (field: string) => `${base}:changed:${field}`;
  const logKey = `${base}:log`;

  return {
    /** Triage wrote these fields to a ticket at `at`. */
    async recordApplied(ticketId: number, applied: readonly string[], at: Date): Promise<void> {
      if (applied.length === 0) return;
      const tx = redis.multi();
      for (const field of applied) {
        tx.zadd(appliedKey(field), at.getTime(), String(ticketId));
        // A new application starts afresh: an earlier override of this ticket was about an older value.
        tx.zrem(changedKey(field), String(ticketId));
        tx.zremrangebyscore(appliedKey(field), "-inf", at.getTime() - KEEP_MS);
      }
      await tx.exec();
    },

    /**
     * An agent changed a value triage had applied. Counted once per applied value: later events
     * for the same ticket (more edits, the close) find it already recorded. False when it was.
     */
    async record(override: Override): Promise<boolean> {
      const appliedAt = Date.parse(override.appliedAt);
      const [[, added] = []] =
        (await redis
          .multi()
          .zadd(changedKey(override.field), "NX", appliedAt, String(override.ticketId))
          .zremrangebyscore(changedKey(override.field), "-inf", appliedAt - KEEP_MS)
          .exec()) ?? [];
      if (Number(added) !== 1) return false;
      await redis.xadd(logKey, "MAXLEN", "~", String(LOG_LENGTH), "*", "override", JSON.stringify(override));
      return true;
    },

    /** Overrides seen at or after `since`, oldest first: corrections for the next training. */
    async since(since: Date, limit = LOG_LENGTH): Promise<Override[]> {
      const entries = await redis.xrange(logKey, String(since.getTime()), "+", "COUNT", limit);
      return entries.flatMap(([, fields]) => {
        const json = fields[fields.indexOf("override") + 1];
        return json ? [JSON.parse(json) as Override] : [];
      });
    },

    /** Per field, how many applied values agents left unchanged over the last 7 and 30 days. */
    async keptShares(now: Date): Promise<KeptShares<F>> {
      const tx = redis.multi();
      for (const field of fields) {
        for (const days of Object.values(KEPT_WINDOWS)) {
          const from = now.getTime() - days * DAY_MS;
          tx.zcount(appliedKey(field), from, "+inf");
          tx.zcount(changedKey(field), from, "+inf");
        }
      }
      const counts = ((await tx.exec()) ?? []).map(([error, value]) => {
        if (error) throw error;
        return Number(value);
      });
      let i = 0;
      const shares = {} as KeptShares<F>;
      for (const field of fields) {
        const windows = {} as Record<KeptWindow, KeptShare>;
        for (const window of Object.keys(KEPT_WINDOWS) as KeptWindow[]) {
          const applied = counts[i++] ?? 0;
          const changed = Math.min(applied, counts[i++] ?? 0);
          windows[window] = {
            applied,
            changed,
            keptShare: applied > 0 ? (applied - changed) / applied : null,
          };
        }
        shares[field] = windows;
      }
      return shares;
    },
  };
}

export type OverrideStore<F extends string = LearnedField> = ReturnType<typeof createOverrideStore<F>>;

/** What triage applied on a ticket's latest run, per learned field, and when. */
export type AppliedValues = {
  at: string;
  values: Partial<Record<string, OverrideValue>>;
};

/**
 * The fields an agent changed: those triage applied whose current value differs. A field the
 * ticket no longer carries (the agent cleared it) counts as changed to null.
 */
export function findOverrides(
  applied: AppliedValues,
  current: Partial<Record<string, OverrideValue>>,
  seen: { ticketId: number; at: Date; kind: Override["seen"] },
  /** The product's learned fields (Freshdesk's by default). */
  fields: readonly string[] = LEARNED_FIELDS,
): Override[] {
  const overrides: Override[] = [];
  for (const field of fields) {
    if (!(field in applied.values)) continue;
    const from = applied.values[field] ?? null;
    const to = current[field] ?? null;
    if (sameValue(from, to)) continue;
    overrides.push({
      field,
      ticketId: seen.ticketId,
      from,
      to,
      at: seen.at.toISOString(),
      appliedAt: applied.at,
      seen: seen.kind,
    });
  }
  return overrides;
}

function sameValue(a: OverrideValue, b: OverrideValue): boolean {
  if (typeof a === "string" && typeof b === "string") return a.toLowerCase() === b.toLowerCase();
  return a === b;
}
