import { HTTP_METHODS, type OpenApiDocument } from "../../src/openapi/types.ts";

export type RouteEntry = { method: string; path: string };

/**
 * Mount points whose insides belong to a sub-app (the sandbox forwards everything to its own
 * router; bull-board registers its assets and JSON API), so the document describes them as a
 * group rather than route by route.
 */
export const SUB_APPS = ["/sandbox", "/admin/queues"];

/** `/tickets/:id{[0-9]+}/triage` → `/tickets/{id}/triage`; no trailing slash except the root. */
export function toOpenApiPath(honoPath: string): string {
  const path = honoPath.replace(/:(\w+)(\{[^}]*\})?\??/g, "{$1}");
  return path.length > 1 ? path.replace(/\/+$/, "") : path;
}

export function documentedOperations(doc: OpenApiDocument): RouteEntry[] {
  const out: RouteEntry[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of HTTP_METHODS) if (item[method]) out.push({ method: method.toUpperCase(), path });
  }
  return out;
}

const isUnder = (path: string, base: string) => path === base || path.startsWith(`${base}/`);
const subAppOf = (path: string) => SUB_APPS.find((base) => isUnder(path, base));

/**
 * Mounted routes (Hono's `app.routes`) that the document does not describe. A wildcard entry
 * (`ALL /admin/*`, middleware or a catch-all) counts as described when some operation lies under it.
 */
export function undocumentedRoutes(routes: readonly RouteEntry[], doc: OpenApiDocument): RouteEntry[] {
  const operations = documentedOperations(doc);
  const missing = new Map<string, RouteEntry>();
  for (const route of routes) {
    const path = toOpenApiPath(route.path);
    const methodMatches = (op: RouteEntry) => route.method === "ALL" || op.method === route.method;
    const subApp = subAppOf(path);
    let covered: boolean;
    if (subApp) {
      covered = operations.some((op) => isUnder(op.path, subApp));
    } else if (path.endsWith("*")) {
      const base = path.replace(/\/?\*$/, "");
      covered = operations.some((op) => methodMatches(op) && isUnder(op.path, base));
    } else {
      covered = operations.some((op) => methodMatches(op) && op.path === path);
    }
    if (!covered) missing.set(`${route.method} ${path}`, { method: route.method, path });
  }
  return [...missing.values()];
}

/** Documented operations that no mounted route serves. */
export function unmountedOperations(routes: readonly RouteEntry[], doc: OpenApiDocument): RouteEntry[] {
  const mounted = routes.map((route) => ({ method: route.method, path: toOpenApiPath(route.path) }));
  return documentedOperations(doc).filter((op) => {
    const base = subAppOf(op.path);
    if (base) return !mounted.some((route) => isUnder(route.path.replace(/\/?\*$/, ""), base));
    return !mounted.some(
      (route) => route.path === op.path && (route.method === op.method || route.method === "ALL"),
    );
  });
}
