import { Hono } from "hono";
import { z } from "zod";

/**
 * A check throws when not ready. It may resolve to an array of warnings: ready, but something
 * the operator should fix (any other value is ignored).
 */
export type ReadinessCheck = { name: string; check: () => Promise<unknown> };

export const livenessSchema = z.object({ status: z.literal("ok") });

export const readinessSchema = z.object({
  status: z.enum(["ready", "not_ready"]),
  checks: z.array(
    z.object({
      name: z.string(),
      ok: z.boolean(),
      error: z.string().optional(),
      warnings: z.array(z.string()).optional().describe("Ready, but something the operator should fix."),
    }),
  ),
});
type Readiness = z.infer<typeof readinessSchema>;

/** `/healthz` answers as soon as the process serves; `/readyz` runs the dependency checks. */
export function healthRoutes(checks: readonly ReadinessCheck[]): Hono {
  const routes = new Hono();
  routes.get("/healthz", (c) => c.json({ status: "ok" } satisfies z.infer<typeof livenessSchema>));
  routes.get("/readyz", async (c) => {
    const results = await Promise.all(
      checks.map(async ({ name, check }): Promise<Readiness["checks"][number]> => {
        try {
          const answer = await withTimeout(check(), 2000);
          const warnings = Array.isArray(answer) ? answer.map(String) : [];
          return { name, ok: true, ...(warnings.length > 0 ? { warnings } : {}) };
        } catch (error) {
          return { name, ok: false, error: error instanceof Error ? error.message : String(error) };
        }
      }),
    );
    const ready = results.every((r) => r.ok);
    const body: Readiness = { status: ready ? "ready" : "not_ready", checks: results };
    return c.json(body, ready ? 200 : 503);
  });
  return routes;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
