import { QueueEvents } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRIAGE_QUEUE } from "../../src/queue/triage-queue.ts";
import { type FaultEnv, startFaultEnv } from "./support/fault-env.ts";
import { waitFor, waitForOutput } from "./support/processes.ts";

/**
 * SIGTERM (a deploy, a scale-down) while jobs run. The worker finishes what it holds, takes
 * nothing new and exits within 10 s; the next worker finds no stalled job, only waiting ones.
 */
const DRAIN_LIMIT_MS = 10_000;

describe("fault: SIGTERM with jobs in flight", () => {
  let env: FaultEnv;
  let events: QueueEvents;
  const stalled: string[] = [];

  beforeAll(async () => {
    // Every Freshdesk answer takes 400 ms, so a job (several calls) is in flight for seconds.
    env = await startFaultEnv({ proxy: true });
    env.proxy!.setMode({ kind: "delay", ms: 400 });
    events = new QueueEvents(TRIAGE_QUEUE, { connection: { url: env.redis.url }, prefix: env.prefix });
    events.on("stalled", ({ jobId }) => stalled.push(jobId));
    await events.waitUntilReady();
  });
  afterAll(async () => {
    await events?.close();
    await env?.stop();
  });

  it("drains within 10 s; no stalled jobs at the next start", async () => {
    const web = await env.startWeb();
    const first = await env.startWorker({ WORKER_CONCURRENCY: "3", LOG_LEVEL: "info" });
    // Start-up preloads the account (slow through the delaying proxy); a signal before it ends
    // waits for it, which is not what this scenario measures.
    await waitForOutput(first, /"msg":"service started"/, 30_000);
    const tickets = await env.createTickets(8, "Drain");
    for (const id of tickets) await env.ledger.fire(web.url, id);
    await waitFor("three jobs in flight", async () => (await env.queue.getActiveCount()) === 3, 10_000);

    const signalledAt = Date.now();
    const exit = await first.kill("SIGTERM");
    const drainMs = Date.now() - signalledAt;
    expect(exit.code, first.output()).toBe(0);
    expect(drainMs).toBeLessThan(DRAIN_LIMIT_MS);
    // What it held is finished; the rest waits untouched.
    expect(await env.queue.getActiveCount()).toBe(0);
    const counts = await env.queue.getJobCounts("completed", "waiting", "failed");
    expect(counts.completed).toBeGreaterThanOrEqual(3);
    expect(counts.failed).toBe(0);
    expect((counts.completed ?? 0) + (counts.waiting ?? 0)).toBe(tickets.length);

    const next = await env.startWorker();
    const settled = await env.ledger.expectEveryAcceptedTicketSettled(60_000);
    expect(settled.filter((s) => s.outcome !== "triaged")).toEqual([]);
    expect(stalled).toEqual([]);
    const jobs = await Promise.all(env.ledger.accepted().map((d) => env.queue.getJob(d.jobId as string)));
    expect(jobs.map((job) => job?.attemptsStarted)).toEqual(tickets.map(() => 1));
    env.expectRunning(web.process, next);
  });
});
