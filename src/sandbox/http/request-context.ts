// Runs around every sandbox request: request id, the standard response headers, attribution
// to a route, and the stats counters.
import { randomUUID } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import type { SandboxEnv } from "./context.ts";
import { creditCost } from "./rate-limit.ts";
import type { RouteTable } from "./route-table.ts";
import type { StatsRecorder } from "./stats.ts";

/** What differs between the simulated products; Freshdesk's by default. */
export type RequestContextOptions = {
  /** Name of the header carrying `latest=v2; requested=v2`. */
  apiVersionHeader?: string;
  /** Credits a request costs, from its route key and query. */
  creditCost?: (routeKey: string, query: URLSearchParams) => number;
};

export function requestContext(
  table: RouteTable,
  stats: StatsRecorder,
  options: RequestContextOptions = {},
): MiddlewareHandler<SandboxEnv> {
  const versionHeader = options.apiVersionHeader ?? "X-Freshdesk-API-Version";
  const costOf = options.creditCost ?? creditCost;
  return async (c, next) => {
    const match = table.match(c.req.method, c.req.path);
    const routeKey = match.kind === "found" ? match.key : `${c.req.method} (unmatched)`;
    const requestId = randomUUID();
    c.set("requestId", requestId);
    c.set("routeKey", routeKey);
    c.set("credits", costOf(routeKey, new URL(c.req.url).searchParams));
    await next();
    c.res.headers.set("X-Request-Id", requestId);
    c.res.headers.set(versionHeader, "latest=v2; requested=v2");
    c.res.headers.set("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
    if (c.req.path.startsWith("/api/v2")) stats.record(routeKey, c.res.status, c.get("credits"));
  };
}
