// The account's per-window credit buckets (reference §3): one for the whole account plus
// sub-buckets for ticket create/update/list and contact list, each a fixed window that starts
// with its first request.
import type { SubBucket } from "../plans.ts";

/** The limits a limiter enforces; sub-bucket names are the product's (Freshdesk's by default). */
export type LimitPlan<S extends string = SubBucket> = {
  total: number;
  windowMs: number;
  subLimits: Partial<Record<S, number>>;
};

type Bucket = { limit: number; windowStart: number; used: number };

export type TakeResult =
  | { ok: true; total: number; remaining: number }
  | { ok: false; retryAfterSeconds: number; total: number; remaining: number };

export class RateLimiter<S extends string = SubBucket> {
  readonly #plan: LimitPlan<S>;
  readonly #now: () => number;
  readonly #total: Bucket;
  readonly #sub = new Map<S, Bucket>();

  constructor(plan: LimitPlan<S>, now: () => number) {
    this.#plan = plan;
    this.#now = now;
    this.#total = { limit: plan.total, windowStart: Number.NEGATIVE_INFINITY, used: 0 };
    for (const [name, limit] of Object.entries(plan.subLimits) as [S, number][]) {
      this.#sub.set(name, { limit, windowStart: Number.NEGATIVE_INFINITY, used: 0 });
    }
  }

  /** Spends `credits` from the account bucket (and `sub`, if the plan limits it) or refuses. */
  take(credits: number, sub: S | undefined): TakeResult {
    const now = this.#now();
    const buckets = [this.#total];
    const subBucket = sub ? this.#sub.get(sub) : undefined;
    if (subBucket) buckets.push(subBucket);
    for (const bucket of buckets) this.#roll(bucket, now);
    const full = buckets.filter((bucket) => bucket.used + credits > bucket.limit);
    if (full.length > 0) {
      const waitMs = Math.max(...full.map((bucket) => bucket.windowStart + this.#plan.windowMs - now));
      return {
        ok: false,
        retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
        total: this.#total.limit,
        remaining: Math.max(0, this.#total.limit - this.#total.used),
      };
    }
    for (const bucket of buckets) bucket.used += credits;
    return {
      ok: true,
      total: this.#total.limit,
      remaining: Math.max(0, this.#total.limit - this.#total.used),
    };
  }

  #roll(bucket: Bucket, now: number): void {
    if (now >= bucket.windowStart + this.#plan.windowMs) {
      bucket.windowStart = now;
      bucket.used = 0;
    }
  }
}

const SUB_BUCKET_OF_ROUTE: Record<string, SubBucket> = {
  "POST /tickets": "ticketCreate",
  "PUT /tickets/:id": "ticketUpdate",
  "GET /tickets": "ticketList",
  "GET /contacts": "contactList",
};

export function subBucketOf(routeKey: string): SubBucket | undefined {
  return SUB_BUCKET_OF_ROUTE[routeKey];
}

/** Credits a call uses (reference §3.3): view +1 per include value, ticket list +2 per value. */
export function creditCost(routeKey: string, query: URLSearchParams): number {
  const includes = new Set(
    query
      .getAll("include")
      .flatMap((value) => value.split(","))
      .map((value) => value.trim())
      .filter(Boolean),
  ).size;
  if (routeKey === "GET /tickets/:id") return 1 + includes;
  if (routeKey === "GET /tickets") return 1 + 2 * includes;
  return 1;
}
