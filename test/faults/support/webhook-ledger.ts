import type { Queue } from "bullmq";
import { expect } from "vitest";
import { sleep, waitFor } from "./processes.ts";

export const FAULT_WEBHOOK_SECRET = "fault-suite-webhook-secret-0123";

/** One webhook delivery as Freshdesk would see it: status 0 means no HTTP answer at all. */
export type Delivery = { ticketId: number; status: number; jobId: string | undefined; ms: number };

export type SettledTicket = {
  ticketId: number;
  outcome: "triaged" | "failed";
  notes: number;
  failedReasons: string[];
};

type LedgerDeps = {
  queue: Queue;
  privateNotes(ticketId: number): Promise<unknown[]>;
};

/**
 * Fires webhooks the way a Freshdesk rule does (simple payload, secret header) and remembers
 * every answer, so a scenario can check the two promises of the fault suite: a 2xx always
 * means a stored job, and every accepted ticket ends triaged exactly once (one note) or in the
 * failed set with a reason.
 */
export function createWebhookLedger(deps: LedgerDeps) {
  const deliveries: Delivery[] = [];

  async function fire(webUrl: string, ticketId: number, timeoutMs = 5000): Promise<Delivery> {
    const started = performance.now();
    let delivery: Delivery;
    try {
      const response = await fetch(`${webUrl}/webhooks/freshdesk`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Webhook-Token": FAULT_WEBHOOK_SECRET },
        body: JSON.stringify({
          freshdesk_webhook: { ticket_id: String(ticketId), triggered_event: '{"ticket_action":"created"}' },
        }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const body = (await response.json().catch(() => ({}))) as { jobId?: string };
      delivery = { ticketId, status: response.status, jobId: body.jobId, ms: performance.now() - started };
    } catch {
      delivery = { ticketId, status: 0, jobId: undefined, ms: performance.now() - started };
    }
    deliveries.push(delivery);
    return delivery;
  }

  return {
    deliveries,
    fire,

    accepted(): Delivery[] {
      return deliveries.filter((d) => d.status >= 200 && d.status < 300);
    },

    /** Re-sends until a 2xx, like Freshdesk's retries after a 503 or a dropped connection. */
    async fireUntilAccepted(webUrl: string, ticketId: number, timeoutMs = 30_000): Promise<Delivery> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const delivery = await fire(webUrl, ticketId);
        if (delivery.status >= 200 && delivery.status < 300) return delivery;
        if (Date.now() > deadline) throw new Error(`webhook for ticket ${ticketId} never accepted`);
        await sleep(200);
      }
    },

    /** Every 2xx must name a job that Redis holds right now. */
    async expectEveryAcceptedJobStored(): Promise<void> {
      for (const delivery of this.accepted()) {
        expect(delivery.jobId, `2xx for ticket ${delivery.ticketId} without a job id`).toBeTruthy();
        const job = await deps.queue.getJob(delivery.jobId as string);
        expect(
          job,
          `2xx for ticket ${delivery.ticketId} but job ${delivery.jobId} is not stored`,
        ).toBeTruthy();
      }
    },

    /**
     * Waits until every accepted job is completed or failed, then checks each ticket: triaged
     * means exactly one private note; failed means a visible reason and no more than one note.
     */
    async expectEveryAcceptedTicketSettled(timeoutMs: number): Promise<SettledTicket[]> {
      await this.expectEveryAcceptedJobStored();
      const jobIds = [...new Set(this.accepted().map((d) => d.jobId as string))];
      await waitFor(
        "every accepted job to complete or fail",
        async () => {
          const states = await Promise.all(jobIds.map((id) => deps.queue.getJobState(id)));
          return states.every((state) => state === "completed" || state === "failed");
        },
        timeoutMs,
        200,
      ).catch(async (error: unknown) => {
        const states = await Promise.all(
          jobIds.map(async (id) => `${id}: ${await deps.queue.getJobState(id)}`),
        );
        throw new Error(`${String(error)}\n${states.join("\n")}`);
      });

      const settled: SettledTicket[] = [];
      const ticketIds = [...new Set(this.accepted().map((d) => d.ticketId))];
      for (const ticketId of ticketIds) {
        const jobs = await Promise.all(
          this.accepted()
            .filter((d) => d.ticketId === ticketId)
            .map((d) => deps.queue.getJob(d.jobId as string)),
        );
        const states = await Promise.all(jobs.map((job) => job?.getState()));
        const completed = states.includes("completed");
        // A job that completed on a retry keeps the reason of its failed attempt; only failed ones count.
        const failedReasons = jobs.flatMap((job, i) =>
          states[i] === "failed" ? [job?.failedReason ?? ""] : [],
        );
        const notes = (await deps.privateNotes(ticketId)).length;
        if (completed) {
          expect(notes, `ticket ${ticketId} was triaged but has ${notes} notes`).toBe(1);
          settled.push({ ticketId, outcome: "triaged", notes, failedReasons });
        } else {
          expect(failedReasons.length, `ticket ${ticketId} neither triaged nor failed with a reason`).toBe(
            jobs.length,
          );
          for (const reason of failedReasons) expect(reason.trim()).not.toBe("");
          expect(notes, `ticket ${ticketId} failed yet has ${notes} notes`).toBeLessThanOrEqual(1);
          settled.push({ ticketId, outcome: "failed", notes, failedReasons });
        }
      }
      return settled;
    },
  };
}

export type WebhookLedger = ReturnType<typeof createWebhookLedger>;
