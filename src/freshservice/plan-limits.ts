import type { FreshservicePlan } from "../config.ts";
import type { RateGovernorOptions } from "../freshdesk/rate-governor.ts";

/** Per-minute limits of one Freshservice plan: the account's, and its two per-endpoint sub-limits. */
export type FreshservicePlanLimits = {
  overall: number;
  /** List tickets / assets / agents / requesters. */
  list: number;
  /** View / create / update ticket, update asset. */
  view_write: number;
};

/**
 * The rate-limit table of the API reference [DOC rate-limit; freshservice-api.md §10], for accounts
 * created on or after 1 Sep 2020 (older ones keep hourly limits until migrated). The add-on
 * columns (Pro/Enterprise only) are left out: they are known from one third-party note only.
 */
const PLAN_LIMITS: Record<FreshservicePlan, FreshservicePlanLimits> = {
  starter: { overall: 100, list: 40, view_write: 50 },
  growth: { overall: 200, list: 70, view_write: 80 },
  pro: { overall: 400, list: 120, view_write: 140 },
  enterprise: { overall: 500, list: 140, view_write: 160 },
};

export function freshservicePlanLimits(plan: FreshservicePlan): FreshservicePlanLimits {
  const limits = PLAN_LIMITS[plan];
  if (!limits) {
    throw new RangeError(
      `Unknown Freshservice plan "${String(plan)}"; expected one of ${Object.keys(PLAN_LIMITS).join(", ")}.`,
    );
  }
  return { ...limits };
}

/**
 * The governor settings for a plan: its overall limit as the fixed per-minute limit, and its
 * sub-limits. A fixed limit rather than one learnt from X-RateLimit-Total, because the docs still
 * describe that header as hourly (sample `Total: 3000`) [DOC; inferred: may be a per-minute figure
 * on real accounts].
 */
export function freshserviceGovernorLimits(
  plan: FreshservicePlan,
): Required<Pick<RateGovernorOptions, "limitPerWindow" | "subLimits">> {
  const { overall, list, view_write } = freshservicePlanLimits(plan);
  return { limitPerWindow: overall, subLimits: { list, view_write } };
}
