import { Hono } from "hono";
import { z } from "zod";
import type { McpToken } from "../config.ts";
import { BadRequestError } from "../errors.ts";
import type { QualityReport } from "../learning/quality.ts";
import type { AuditLog } from "../mcp/audit.ts";
import { type AuthVariables, type FailedAttempts, requireBearer } from "./auth.ts";

/** `?count=` of `GET /admin/audit`; also what the API document describes. */
export const auditCountSchema = z.number().int().min(1).max(1000).default(100);

export type AdminRoutesDeps = {
  tokens: readonly McpToken[];
  audit: AuditLog;
  /** Limits wrong bearer tokens per client address, as the login form does. */
  failedSignIns?: FailedAttempts;
  /** The quality figures (model in use, measured precision, kept-unchanged shares). */
  quality?: (() => Promise<QualityReport>) | undefined;
};

/** Operator endpoints, mounted at /admin; every one needs a bearer token with `admin`. */
export function adminRoutes(deps: AdminRoutesDeps): Hono<{ Variables: AuthVariables }> {
  const app = new Hono<{ Variables: AuthVariables }>();
  app.use("*", requireBearer(deps.tokens, "admin", deps.failedSignIns));

  app.get("/audit", async (c) => {
    const raw = c.req.query("count");
    const count = auditCountSchema.safeParse(raw === undefined ? undefined : Number(raw));
    if (!count.success) {
      throw new BadRequestError(`"count" must be a whole number from 1 to 1000; got "${raw}".`);
    }
    return c.json({ entries: await deps.audit.recent(count.data) });
  });

  const quality = deps.quality;
  if (quality) app.get("/quality", async (c) => c.json(await quality()));
  return app;
}
