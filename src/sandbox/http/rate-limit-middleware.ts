// Charges each API request to the account's buckets (reference §3). Refused requests get 429 +
// Retry-After and no X-RateLimit-* headers; every other response reports the bucket.
import type { MiddlewareHandler } from "hono";
import type { SandboxEnv } from "./context.ts";
import { MessageWireError } from "./errors.ts";
import { type RateLimiter, subBucketOf } from "./rate-limit.ts";

export const DEFAULT_RATE_LIMIT_MESSAGE = "You have exceeded the limit of requests per minute";

export function rateLimit<S extends string>(
  limiter: RateLimiter<S>,
  message: string,
  /** Which sub-limit a route counts against; Freshdesk's table by default. */
  bucketOf: (routeKey: string) => S | undefined = subBucketOf as (routeKey: string) => S | undefined,
  /** Also report the budget on a 429 (a refused request uses no credits); Freshdesk's does not. */
  options: { headersOnRefusal?: boolean } = {},
): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const credits = c.get("credits");
    const result = limiter.take(credits, bucketOf(c.get("routeKey")));
    if (!result.ok) {
      const budget: Record<string, string> = options.headersOnRefusal
        ? {
            "X-RateLimit-Total": String(result.total),
            "X-RateLimit-Remaining": String(result.remaining),
            "X-RateLimit-Used-CurrentRequest": "0",
          }
        : {};
      throw new MessageWireError(429, message, {
        ...budget,
        "Retry-After": String(result.retryAfterSeconds),
      });
    }
    await next();
    c.res.headers.set("X-RateLimit-Total", String(result.total));
    c.res.headers.set("X-RateLimit-Remaining", String(result.remaining));
    c.res.headers.set("X-RateLimit-Used-CurrentRequest", String(credits));
  };
}
