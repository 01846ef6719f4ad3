// Rate plans of the simulated Freshservice account (reference §10): per minute, account-wide,
// with two per-endpoint sub-limits that count inside the overall limit.
import { FRESHSERVICE_PLANS, type FreshservicePlan } from "../config.ts";
import { ConfigError } from "../errors.ts";
import { freshservicePlanLimits } from "../freshservice/plan-limits.ts";
import type { LimitPlan } from "../sandbox/http/rate-limit.ts";

/** `list`: list tickets/assets/agents/requesters; `view_write`: view/create/update ticket, update asset. */
export type FsSubBucket = "list" | "view_write";

export type FsRatePlan = LimitPlan<FsSubBucket> & { name: string };

const MINUTE_MS = 60_000;

type Limits = { total: number; subLimits: Partial<Record<FsSubBucket, number>> };

/** The documented plans come from the client's table (one copy of §10's figures). */
function documented(plan: FreshservicePlan): Limits {
  const { overall, list, view_write } = freshservicePlanLimits(plan);
  return { total: overall, subLimits: { list, view_write } };
}

const NAMED_PLANS: Record<string, Limits> = {
  // Generous enough that the demo and ordinary tests never hit it (not a Freshservice plan).
  demo: { total: 5000, subLimits: {} },
  ...Object.fromEntries(FRESHSERVICE_PLANS.map((plan) => [plan, documented(plan)])),
  unlimited: { total: 1_000_000_000, subLimits: {} },
};

export const FRESHSERVICE_SANDBOX_PLANS = Object.keys(NAMED_PLANS);

/**
 * A plan name, `"<n>"` (credits per minute, no sub-limits) or `"<n>/<windowMs>"` (per custom
 * window, so tests can compress time). Throws a ConfigError naming what is accepted.
 */
export function parseFreshservicePlan(spec: string | undefined): FsRatePlan {
  const text = (spec ?? "demo").trim().toLowerCase();
  const named = NAMED_PLANS[text];
  if (named)
    return { name: text, windowMs: MINUTE_MS, total: named.total, subLimits: { ...named.subLimits } };
  const custom = /^(\d+)(?:\/(\d+))?$/.exec(text);
  if (custom) {
    const windowMs = custom[2] === undefined ? MINUTE_MS : Number(custom[2]);
    if (windowMs > 0) return { name: text, total: Number(custom[1]), windowMs, subLimits: {} };
  }
  throw new ConfigError([
    `Unknown Freshservice sandbox plan "${spec}": use one of ${FRESHSERVICE_SANDBOX_PLANS.join(", ")}, "<n>" per minute or "<n>/<windowMs>".`,
  ]);
}
