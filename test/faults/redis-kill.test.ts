import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FaultEnv, startFaultEnv } from "./support/fault-env.ts";
import { sleep } from "./support/processes.ts";

/**
 * kill -9 of redis-server mid-burst and a restart on the same data dir. Redis acknowledges a
 * write only after it is in the AOF file (fsync'd every second, but a process kill does not lose
 * the page cache), so every job that earned a 2xx must be back after the restart.
 */
describe("fault: kill -9 of redis-server and restart on the same data (AOF)", () => {
  let env: FaultEnv;

  beforeAll(async () => {
    env = await startFaultEnv();
  });
  afterAll(async () => {
    await env?.stop();
  });

  it("keeps every acknowledged job across the restart; each ticket triaged once", async () => {
    const web = await env.startWeb();
    const workers = [await env.startWorker(), await env.startWorker()];
    const tickets = await env.createTickets(40, "Redis kill");

    const pending = [...tickets];
    let killed: Promise<void> | undefined;
    const sender = async () => {
      for (let id = pending.shift(); id !== undefined; id = pending.shift()) {
        await env.ledger.fire(web.url, id);
        if (!killed && env.ledger.accepted().length >= 15) killed = env.redis.kill("SIGKILL");
      }
    };
    await Promise.all(Array.from({ length: 6 }, sender));
    await killed;
    const refused = env.ledger.deliveries.filter((d) => d.status !== 202);
    expect(refused.length, "webhooks after the kill must not be accepted").toBeGreaterThan(0);
    expect(new Set(refused.map((d) => d.status))).toEqual(new Set([503]));

    await sleep(1000);
    await env.redis.start();
    await env.ledger.expectEveryAcceptedJobStored();

    const cutOff = tickets.filter((id) => !env.ledger.accepted().some((d) => d.ticketId === id));
    for (const id of cutOff) await env.ledger.fireUntilAccepted(web.url, id);

    const settled = await env.ledger.expectEveryAcceptedTicketSettled(60_000);
    expect(settled).toHaveLength(tickets.length);
    expect(settled.every((s) => s.outcome === "triaged")).toBe(true);
    env.expectRunning(web.process, ...workers);
  });
});
