// Which paths and methods the simulated API serves. Knowing every route up front lets the app
// attribute a request (stats, credits, sub-limits) before routing, and answer 405 + Allow when
// the path exists under other methods (reference §2.3).
import type { Handler, Hono } from "hono";
import type { SandboxEnv } from "./context.ts";

export type RouteMatch =
  | { kind: "found"; key: string }
  | { kind: "wrongMethod"; allowed: string[] }
  | { kind: "none" };

type Entry = { method: string; pattern: RegExp; key: string };

const API_PREFIX = "/api/v2";

/** `/tickets/:id{[0-9]+}` → a regex; `:name` without a constraint matches one segment. */
function compile(path: string): RegExp {
  let source = "";
  for (const segment of path.split("/").slice(1)) {
    const param = /^:\w+(?:\{(.+)\})?$/.exec(segment);
    source += `/${param ? `(?:${param[1] ?? "[^/]+"})` : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`;
  }
  return new RegExp(`^${source}$`);
}

/** `/api/v2/tickets/:id{[0-9]+}` → `/tickets/:id`. */
function keyPath(path: string): string {
  const withoutPrefix = path.startsWith(API_PREFIX) ? path.slice(API_PREFIX.length) : path;
  return withoutPrefix.replace(/(:\w+)\{[^}]+\}/g, "$1");
}

export class RouteTable {
  readonly #entries: Entry[] = [];
  readonly #app: Hono<SandboxEnv>;

  constructor(app: Hono<SandboxEnv>) {
    this.#app = app;
  }

  /** Registers a handler with Hono and records the route for matching. */
  on(method: string, path: string, handler: Handler<SandboxEnv>): void {
    this.#entries.push({ method, pattern: compile(path), key: `${method} ${keyPath(path)}` });
    this.#app.on(method, path, handler);
  }

  match(method: string, path: string): RouteMatch {
    const candidates = this.#entries.filter((entry) => entry.pattern.test(path));
    const exact = candidates.find((entry) => entry.method === method);
    if (exact) return { kind: "found", key: exact.key };
    if (candidates.length === 0) return { kind: "none" };
    return { kind: "wrongMethod", allowed: [...new Set(candidates.map((entry) => entry.method))] };
  }
}

/** A route-scoped registrar: `api.get("/tickets", handler)` serves `/api/v2/tickets`. */
export type ApiRoutes = Record<
  "get" | "post" | "put" | "delete",
  (path: string, handler: Handler<SandboxEnv>) => void
>;

export function apiRoutes(table: RouteTable): ApiRoutes {
  const add = (method: string) => (path: string, handler: Handler<SandboxEnv>) =>
    table.on(method, `${API_PREFIX}${path}`, handler);
  return { get: add("GET"), post: add("POST"), put: add("PUT"), delete: add("DELETE") };
}
