// Rate-limit plans of the simulated account (reference §3.1). Sub-limits count inside the total.
import { ConfigError } from "../errors.ts";

export type SubBucket = "ticketCreate" | "ticketUpdate" | "ticketList" | "contactList";

export type RatePlan = {
  name: string;
  /** Credits allowed per window for the whole account. */
  total: number;
  windowMs: number;
  subLimits: Partial<Record<SubBucket, number>>;
};

const MINUTE_MS = 60_000;

const NAMED_PLANS: Record<string, Omit<RatePlan, "name" | "windowMs">> = {
  // Generous enough that the demo and ordinary tests never hit it.
  demo: { total: 5000, subLimits: {} },
  free: { total: 0, subLimits: {} },
  trial: { total: 50, subLimits: {} },
  growth: { total: 200, subLimits: { ticketCreate: 80, ticketUpdate: 80, ticketList: 20, contactList: 20 } },
  pro: { total: 400, subLimits: { ticketCreate: 160, ticketUpdate: 160, ticketList: 100, contactList: 100 } },
  enterprise: {
    total: 700,
    subLimits: { ticketCreate: 280, ticketUpdate: 280, ticketList: 200, contactList: 200 },
  },
  // Not a Freshdesk plan: a limit nobody reaches, so the headers still carry numbers.
  unlimited: { total: 1_000_000_000, subLimits: {} },
};

export const PLAN_NAMES = Object.keys(NAMED_PLANS);

/**
 * Accepts a plan name, `"<n>"` (credits per minute) or `"<n>/<windowMs>"` (credits per custom
 * window, which lets tests compress time). Throws a ConfigError listing what is accepted.
 */
export function parsePlan(spec: string | undefined): RatePlan {
  const text = (spec ?? "demo").trim().toLowerCase();
  const named = NAMED_PLANS[text];
  if (named) return { name: text, windowMs: MINUTE_MS, ...named };
  const custom = /^(\d+)(?:\/(\d+))?$/.exec(text);
  if (custom) {
    const total = Number(custom[1]);
    const windowMs = custom[2] === undefined ? MINUTE_MS : Number(custom[2]);
    if (windowMs > 0) return { name: text, total, windowMs, subLimits: {} };
  }
  throw new ConfigError([
    `Unknown sandbox plan "${spec}": use one of ${PLAN_NAMES.join(", ")}, "<n>" per minute or "<n>/<windowMs>".`,
  ]);
}
