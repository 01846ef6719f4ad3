import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { z } from "zod";
import type { Config } from "./config.ts";
import { AppError, RateLimitedError, ServiceUnavailableError } from "./errors.ts";
import type { Logger } from "./logger.ts";
import { healthRoutes, type ReadinessCheck } from "./routes/health.ts";
import { requestLogger, requestLogging } from "./routes/request-logging.ts";

export type AppDeps = {
  config: Config;
  logger: Logger;
  readiness?: readonly ReadinessCheck[];
  /** Sub-apps mounted by the composition root (sandbox, webhooks, MCP, …), in order. */
  // biome-ignore lint/suspicious/noExplicitAny: sub-apps declare their own context variables.
  mounts?: ReadonlyArray<{ path: string; app: Hono<any> }>;
};

/** Every error response of the web app (the sandbox keeps Freshdesk's own error bodies). */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string().describe("Stable machine-readable code, e.g. `bad_request`, `unauthorized`."),
    message: z.string().describe("What went wrong, safe to show to users."),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/**
 * The web app. Routes throw typed errors; this file's `onError` is the one place that turns
 * them into HTTP responses, so no handler formats its own failures.
 */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  app.use("*", requestLogging(deps.logger));
  app.route("/", healthRoutes(deps.readiness ?? []));
  for (const mount of deps.mounts ?? []) app.route(mount.path, mount.app);

  app.notFound((c) => c.json({ error: { code: "not_found", message: "No such route." } }, 404));
  app.onError((error, c) => {
    if (error instanceof AppError) {
      if (error instanceof RateLimitedError || error instanceof ServiceUnavailableError) {
        const retryAfter = error.retryAfterSeconds;
        if (retryAfter !== undefined) c.header("Retry-After", String(Math.max(1, Math.ceil(retryAfter))));
      }
      const body: ErrorBody["error"] = {
        code: error.code,
        message: error.message,
      };
      if (error.details !== undefined) body.details = error.details;
      return c.json({ error: body }, error.status as 400);
    }
    if (error instanceof HTTPException) {
      return c.json({ error: { code: "http_error", message: error.message } }, error.status);
    }
    requestLogger(c, deps.logger).error({ err: error, path: c.req.path }, "unhandled error");
    return c.json({ error: { code: "internal_error", message: "Something went wrong on our side." } }, 500);
  });
  return app;
}
