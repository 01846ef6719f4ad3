import type { FdTimestamp } from "./types.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Formats epoch milliseconds as Freshdesk does: UTC, second precision, trailing `Z`. */
export function toFdTimestamp(epochMs: number): FdTimestamp {
  return `${new Date(epochMs).toISOString().slice(0, 19)}Z`;
}

export type Offset = { days?: number; hours?: number; minutes?: number };

export function offsetMs(offset: Offset): number {
  return (offset.days ?? 0) * DAY + (offset.hours ?? 0) * HOUR + (offset.minutes ?? 0) * MINUTE;
}

/**
 * Every seed timestamp is expressed as "this long before now", so the demo data always looks
 * fresh. `now` is truncated to whole seconds so the same input always gives the same output.
 */
export type SeedClock = {
  nowMs: number;
  /** Epoch ms of the moment `offset` before now. */
  agoMs(offset: Offset): number;
  /** Timestamp of the moment `offset` before now. */
  ago(offset: Offset): FdTimestamp;
  /** Timestamp of `seconds` after the epoch-ms moment `fromMs`. */
  after(fromMs: number, seconds: number): FdTimestamp;
};

export function createSeedClock(now: number): SeedClock {
  if (!Number.isFinite(now)) {
    throw new RangeError(`buildSeed: now must be a finite epoch-millisecond number, got ${now}`);
  }
  const nowMs = Math.floor(now / 1000) * 1000;
  const agoMs = (offset: Offset) => nowMs - offsetMs(offset);
  return {
    nowMs,
    agoMs,
    ago: (offset) => toFdTimestamp(agoMs(offset)),
    after: (fromMs, seconds) => toFdTimestamp(fromMs + seconds * 1000),
  };
}
