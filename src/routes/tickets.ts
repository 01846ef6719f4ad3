import { Hono } from "hono";
import { z } from "zod";
import type { McpToken } from "../config.ts";
import { BadRequestError, NotFoundError } from "../errors.ts";
import type { EnqueueResult, TriageJob } from "../queue/triage-queue.ts";
import type { TriageReport, TriageResultStore } from "../queue/triage-results.ts";
import { type FailedAttempts, requireBearer } from "./auth.ts";

export type TicketRouteDeps = {
  tokens: readonly McpToken[];
  results: TriageResultStore;
  enqueue: (job: TriageJob) => Promise<EnqueueResult>;
  /** Limits wrong bearer tokens per client address, as the login form does. */
  failedSignIns?: FailedAttempts;
  now?: () => Date;
};

export const ticketIdParamSchema = z
  .string()
  .regex(/^\d{1,15}$/)
  .describe("The Freshdesk ticket id.")
  .transform(Number)
  .pipe(z.number().int().positive());

export const reprocessBodySchema = z.strictObject({
  mode: z
    .enum(["apply", "suggest", "dry-run"])
    .optional()
    .describe("Run in this mode instead of the configured TRIAGE_MODE."),
});

export const reprocessAcceptedSchema = z.object({
  jobId: z.string(),
  ticketId: z.number().int().positive(),
  deduplicated: z.boolean().describe("True when the request joined a job already waiting for this ticket."),
});

function ticketIdOf(raw: string): number {
  const parsed = ticketIdParamSchema.safeParse(raw);
  if (!parsed.success)
    throw new BadRequestError(`"${raw.slice(0, 40)}" is not a ticket id (a positive integer).`);
  return parsed.data;
}

/** Operators' API: force a re-triage, and read what triage did (with the diff between runs). */
export function ticketRoutes(deps: TicketRouteDeps): Hono {
  const routes = new Hono();
  const now = deps.now ?? (() => new Date());

  routes.post("/:id/reprocess", requireBearer(deps.tokens, "admin", deps.failedSignIns), async (c) => {
    const ticketId = ticketIdOf(c.req.param("id"));
    const raw = await c.req.text();
    let body: unknown = {};
    if (raw.trim() !== "") {
      try {
        body = JSON.parse(raw);
      } catch {
        throw new BadRequestError("The request body is not valid JSON.");
      }
    }
    const parsed = reprocessBodySchema.safeParse(body);
    if (!parsed.success) {
      throw new BadRequestError('The body may only hold {"mode": "apply" | "suggest" | "dry-run"}.');
    }
    const job: TriageJob = { ticketId, event: "reprocess", receivedAt: now().toISOString(), force: true };
    if (parsed.data.mode) job.mode = parsed.data.mode;
    const result = await deps.enqueue(job);
    const accepted: z.infer<typeof reprocessAcceptedSchema> = {
      jobId: result.jobId,
      ticketId,
      deduplicated: result.deduplicated,
    };
    return c.json(accepted, 202);
  });

  routes.get("/:id/triage", requireBearer(deps.tokens, "read", deps.failedSignIns), async (c) => {
    const ticketId = ticketIdOf(c.req.param("id"));
    const report = await deps.results.report(ticketId);
    if (!report) throw new NotFoundError(`Ticket ${ticketId} has not been triaged yet.`);
    return c.json(report satisfies TriageReport);
  });
  return routes;
}
