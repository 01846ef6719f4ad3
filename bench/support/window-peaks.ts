import { freshserviceBucketOf, freshserviceCreditCost } from "../../src/freshservice-sandbox/http/credits.ts";
import type { SandboxCall } from "./sandbox-calls.ts";

export type Peak = {
  credits: number;
  /** Arrival time of the first call of the busiest window; undefined when nothing was charged. */
  from: number | undefined;
};

/**
 * The most credits whose arrival times fall within one window [s, s + windowMs), over every
 * start s: stricter than the sandbox's fixed windows (which start with their first request), so a
 * peak at or below a limit means no window of any alignment held more.
 */
export function peakPerWindow(calls: readonly { at: number; credits: number }[], windowMs: number): Peak {
  const sorted = calls.filter((call) => call.credits > 0).sort((a, b) => a.at - b.at);
  let best: Peak = { credits: 0, from: undefined };
  let end = 0;
  let sum = 0;
  for (let start = 0; start < sorted.length; start++) {
    while (end < sorted.length && sorted[end]!.at < sorted[start]!.at + windowMs)
      sum += sorted[end++]!.credits;
    if (sum > best.credits) best = { credits: sum, from: sorted[start]!.at };
    sum -= sorted[start]!.credits;
  }
  return best;
}

/** `/tickets/12/notes` → `/tickets/:id/notes`, the sandbox's route keys. */
export function routeKeyOf(method: string, path: string): string {
  return `${method} ${path.replace(/\/\d+(?=\/|$)/g, "/:id")}`;
}

export type FsChargedCall = {
  at: number;
  routeKey: string;
  credits: number;
  bucket: "list" | "view_write" | undefined;
};

/** What the Freshservice sandbox charged a call, by its own rules: a 429 charges nothing. */
export function freshserviceCharge(call: SandboxCall): FsChargedCall {
  const routeKey = routeKeyOf(call.method, call.path);
  return {
    at: call.at,
    routeKey,
    credits: call.status === 429 ? 0 : freshserviceCreditCost(routeKey, new URLSearchParams(call.query)),
    bucket: freshserviceBucketOf(routeKey),
  };
}

export type FsBucketPeaks = Record<"overall" | "list" | "view_write", Peak>;

/** The busiest window of the account's overall limit and of each per-endpoint sub-limit. */
export function freshserviceBucketPeaks(calls: readonly SandboxCall[], windowMs: number): FsBucketPeaks {
  const charged = calls.map(freshserviceCharge);
  return {
    overall: peakPerWindow(charged, windowMs),
    list: peakPerWindow(
      charged.filter((call) => call.bucket === "list"),
      windowMs,
    ),
    view_write: peakPerWindow(
      charged.filter((call) => call.bucket === "view_write"),
      windowMs,
    ),
  };
}
