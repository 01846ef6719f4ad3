import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FaultEnv, startFaultEnv } from "./support/fault-env.ts";
import { sleep, waitFor } from "./support/processes.ts";

/**
 * Redis unavailable for a while: paused (CLIENT PAUSE, connections up but nothing answers) and
 * gone (the server stopped). Intake must answer 503 fast so Freshdesk retries, and workers must
 * pick up work again within 5 s of Redis coming back.
 */
const FAST_503_MS = 1000;
const RESUME_MS = 5000;

describe("fault: Redis unavailable", () => {
  let env: FaultEnv;
  let web: Awaited<ReturnType<FaultEnv["startWeb"]>>;

  beforeAll(async () => {
    env = await startFaultEnv();
    web = await env.startWeb();
    await env.startWorker();
  });
  afterAll(async () => {
    await env?.stop();
  });

  /** Sends a webhook once Redis is back and returns how long after `backAt` a worker took it. */
  async function resumeDelay(ticketId: number, backAt: number): Promise<number> {
    const delivery = await env.ledger.fireUntilAccepted(web.url, ticketId, 10_000);
    let processedOn: number | undefined;
    await waitFor(
      "a worker to take the first job after the outage",
      async () => {
        processedOn = (await env.queue.getJob(delivery.jobId as string))?.processedOn;
        return processedOn !== undefined;
      },
      15_000,
    );
    return (processedOn as number) - backAt;
  }

  it("paused for 10 s (CLIENT PAUSE): intake answers 503 fast, workers resume within 5 s", async () => {
    const before = await env.createTickets(6, "Before pause");
    for (const id of before) await env.ledger.fire(web.url, id);

    const admin = new Redis(env.redis.url);
    await admin.call("CLIENT", "PAUSE", "10000", "ALL");
    const pausedAt = Date.now();
    admin.disconnect();

    const during = await env.createTickets(5, "During pause");
    for (const id of during) {
      const delivery = await env.ledger.fire(web.url, id);
      expect(delivery.status).toBe(503);
      expect(delivery.ms).toBeLessThan(FAST_503_MS);
      await sleep(1000);
    }
    await sleep(Math.max(0, pausedAt + 10_000 - Date.now()));
    const backAt = pausedAt + 10_000;

    const [after] = await env.createTickets(1, "After pause");
    expect(await resumeDelay(after as number, backAt)).toBeLessThanOrEqual(RESUME_MS);
    // Freshdesk re-sends what got a 503.
    for (const id of during) await env.ledger.fireUntilAccepted(web.url, id);

    const settled = await env.ledger.expectEveryAcceptedTicketSettled(30_000);
    expect(settled).toHaveLength(before.length + during.length + 1);
    expect(settled.every((s) => s.outcome === "triaged")).toBe(true);
  });

  it("down for 30 s: intake answers 503 fast, workers resume within 5 s of its return", async () => {
    const before = await env.createTickets(8, "Before outage");
    for (const id of before) await env.ledger.fire(web.url, id);
    await env.redis.kill("SIGTERM");
    const downAt = Date.now();

    const during = await env.createTickets(6, "During outage");
    for (const id of during) {
      const delivery = await env.ledger.fire(web.url, id);
      expect(delivery.status).toBe(503);
      expect(delivery.ms).toBeLessThan(FAST_503_MS);
      await sleep(4000);
    }
    const ready = await fetch(`${web.url}/readyz`);
    expect(ready.status).toBe(503);
    await sleep(Math.max(0, downAt + 30_000 - Date.now()));
    await env.redis.start();
    const backAt = Date.now();

    const [after] = await env.createTickets(1, "After outage");
    expect(await resumeDelay(after as number, backAt)).toBeLessThanOrEqual(RESUME_MS);
    for (const id of during) await env.ledger.fireUntilAccepted(web.url, id);

    const settled = await env.ledger.expectEveryAcceptedTicketSettled(40_000);
    const expected = new Set([...before, ...during, after]);
    expect(settled.filter((s) => expected.has(s.ticketId))).toHaveLength(expected.size);
    expect(settled.every((s) => s.outcome === "triaged")).toBe(true);
  });
});
