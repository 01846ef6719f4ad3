import { Hono } from "hono";
import type { McpToken } from "../config.ts";
import { BadRequestError } from "../errors.ts";
import type { AuditLog } from "../mcp/audit.ts";
import { type AuthVariables, requireBearer } from "./auth.ts";

export type AdminRoutesDeps = { tokens: readonly McpToken[]; audit: AuditLog };

/** Operator endpoints, mounted at /admin; every one needs a bearer token with `admin`. */
export function adminRoutes(deps: AdminRoutesDeps): Hono<{ Variables: AuthVariables }> {
  const app = new Hono<{ Variables: AuthVariables }>();
  app.use("*", requireBearer(deps.tokens, "admin"));

  app.get("/audit", async (c) => {
    const raw = c.req.query("count") ?? "100";
    const count = Number(raw);
    if (!Number.isInteger(count) || count < 1 || count > 1000) {
      throw new BadRequestError(`"count" must be a whole number from 1 to 1000; got "${raw}".`);
    }
    return c.json({ entries: await deps.audit.recent(count) });
  });
  return app;
}
