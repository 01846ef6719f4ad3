import { type Config, FRESHSERVICE_PLANS, type FreshservicePlan } from "../config.ts";
import type { RateGovernorOptions } from "../freshdesk/rate-governor.ts";
import { freshserviceGovernorLimits } from "../freshservice/plan-limits.ts";

export type HelpdeskRateLimits = Pick<RateGovernorOptions, "limitPerWindow" | "subLimits">;

/**
 * The account-wide limits the rate governor keeps, for either product.
 * - Freshdesk: a fixed FRESHDESK_RATE_LIMIT, or learnt from X-RateLimit-Total.
 * - Freshservice: FRESHSERVICE_PLAN's per-minute limit and its list / view-write sub-limits (its
 *   X-RateLimit-Total is documented as hourly, so it is not learnt from); FRESHDESK_RATE_LIMIT
 *   overrides the overall figure. The embedded sandbox on a Freshservice plan (SANDBOX_PLAN=starter
 *   …) is held to that plan the same way; on its demo or custom plans it is learnt from headers.
 */
export function helpdeskRateLimits(config: Config, embeddedSandbox: boolean): HelpdeskRateLimits {
  const fixed = config.freshdesk.rateLimitPerMinute;
  const learnt: HelpdeskRateLimits = fixed === undefined ? {} : { limitPerWindow: fixed };
  if (config.product === "freshdesk") return learnt;
  const plan = embeddedSandbox ? config.sandbox.plan.trim().toLowerCase() : config.freshservice.plan;
  if (!(FRESHSERVICE_PLANS as readonly string[]).includes(plan)) return learnt;
  const limits = freshserviceGovernorLimits(plan as FreshservicePlan);
  return { limitPerWindow: fixed ?? limits.limitPerWindow, subLimits: limits.subLimits };
}
