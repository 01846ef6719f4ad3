import { randomUUID } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import type { Logger } from "../logger.ts";

/**
 * Gives every request an id (the caller's `X-Request-Id` when it looks like one, else a new
 * one), echoes it in the response, hands handlers a child logger that carries it, and writes
 * one line per request: method, path, status, duration and whatever the handler annotated.
 * Never bodies, query strings or headers, so neither ticket text nor credentials reach the log.
 */

export const REQUEST_ID_HEADER = "X-Request-Id";

/** Ids that come from proxies and load balancers: short, and nothing that could forge log lines. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/** Probes and scrapes arrive every few seconds; they are logged at debug so they do not drown the rest. */
const QUIET_PATHS = new Set(["/healthz", "/readyz", "/metrics"]);
/**
 * The embedded sandbox is the simulated Freshdesk: its traffic is the workers' own API calls (the
 * Freshdesk call metrics count them), one line each at info would swamp the service's own lines.
 */
const QUIET_PREFIX = "/sandbox/";

type RequestLogState = { logger: Logger; fields: Record<string, unknown> };
// Keyed by the raw request so sub-apps, whatever their context type, reach the same state.
const states = new WeakMap<Request, RequestLogState>();

export function requestLogging(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const offered = c.req.header(REQUEST_ID_HEADER);
    const requestId = offered && SANE_REQUEST_ID.test(offered) ? offered : randomUUID();
    const state: RequestLogState = { logger: logger.child({ requestId }), fields: {} };
    states.set(c.req.raw, state);
    c.header(REQUEST_ID_HEADER, requestId);
    const started = performance.now();
    await next();
    const line = {
      ...state.fields,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    };
    if (QUIET_PATHS.has(c.req.path) || c.req.path.startsWith(QUIET_PREFIX))
      state.logger.debug(line, "request");
    else state.logger.info(line, "request");
  };
}

function stateOf(c: Context): RequestLogState | undefined {
  return states.get(c.req.raw);
}

/** The request's logger (bound to its id), or `fallback` outside the middleware. */
export function requestLogger(c: Context, fallback: Logger): Logger {
  return stateOf(c)?.logger ?? fallback;
}

/** Adds ids worth correlating (job id, ticket id) to the request's log line. Never content. */
export function annotateRequestLog(c: Context, fields: Record<string, string | number | boolean>): void {
  const state = stateOf(c);
  if (state) Object.assign(state.fields, fields);
}
