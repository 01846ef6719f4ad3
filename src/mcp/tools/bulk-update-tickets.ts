import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { BadRequestError } from "../../errors.ts";
import type { BulkJob, TicketUpdate } from "../../freshdesk/index.ts";
import { defineTool } from "../define-tool.ts";

/** Lower than Freshdesk's 100 ids: a model's mistake should stay small. */
export const MAX_BULK_TICKETS = 50;
/** The job runs in Freshdesk's background; we look a few times before handing back its id. */
const POLLS = 5;
const POLL_INTERVAL_MS = 500;
const DONE = new Set(["SUCCESS", "PARTIAL", "FAILED", "COMPLETED"]);

export const bulkUpdateTickets = defineTool({
  name: "bulk_update_tickets",
  title: "Update many tickets at once",
  description: [
    `Set the same properties (status, priority, type, group, agent, tags) on up to ${MAX_BULK_TICKETS} tickets in one Freshdesk bulk action.`,
    "Use it only when a person asked for this exact change on these tickets, e.g. closing a batch of spam or moving a queue to another group; read them first with list_tickets or search_tickets.",
    "confirm must be true. tags replaces each ticket's whole tag list. The result says which tickets changed and why others did not. Needs the admin scope.",
    'Example: {"ticket_ids": [12, 15, 19], "properties": {"status": 5}, "confirm": true}.',
  ].join(" "),
  toolset: "tickets",
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  scope: "admin",
  input: z.object({
    ticket_ids: z.array(z.number().int().positive()).min(1).max(MAX_BULK_TICKETS),
    properties: z
      .object({
        status: z.number().int().min(2).optional(),
        priority: z.number().int().min(1).max(4).optional(),
        type: z.string().optional(),
        group_id: z.number().int().positive().nullable().optional(),
        responder_id: z.number().int().positive().nullable().optional(),
        tags: z.array(z.string()).optional(),
      })
      .strict(),
    confirm: z
      .literal(true, {
        error: "confirm must be true: a person has agreed to change every one of these tickets",
      })
      .describe("must be true: a person has agreed to change every one of these tickets"),
  }),
  output: z.object({
    job_id: z.string(),
    status: z.string().describe("SUCCESS, PARTIAL, FAILED, or the job's state when it was still running"),
    updated: z.array(z.number()).optional(),
    failed: z.array(z.object({ id: z.number(), reason: z.string() })).optional(),
  }),
  async handler(args, context) {
    const properties = Object.fromEntries(
      Object.entries(args.properties).filter(([, value]) => value !== undefined),
    ) as TicketUpdate;
    if (Object.keys(properties).length === 0) {
      throw new BadRequestError("bulk_update_tickets needs at least one property to set.");
    }
    const ids = [...new Set(args.ticket_ids)];
    const { job_id } = await context.freshdesk.tickets.bulkUpdate({ ids, properties });
    let job: BulkJob = await context.freshdesk.tickets.job(job_id);
    for (let poll = 1; poll < POLLS && !DONE.has(job.status.toUpperCase()); poll += 1) {
      await sleep(POLL_INTERVAL_MS);
      job = await context.freshdesk.tickets.job(job_id);
    }
    return {
      job_id,
      status: job.status,
      updated: job.succeeded ?? undefined,
      failed: job.failed?.map((f) => ({
        id: f.id,
        reason:
          (f.errors ?? [])
            .map((e) => `${e.nested_field ?? e.field ?? "ticket"}: ${e.message ?? e.code ?? "refused"}`)
            .join("; ") || "refused",
      })),
    };
  },
  render: (r) =>
    [
      `Bulk update ${r.job_id}: ${r.status}.`,
      r.updated?.length ? `Updated: ${r.updated.map((n) => `#${n}`).join(", ")}.` : "",
      ...(r.failed ?? []).map((f) => `Not updated #${f.id}: ${f.reason}`),
    ]
      .filter(Boolean)
      .join("\n"),
});
