import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FaultEnv, startFaultEnv } from "./support/fault-env.ts";

/**
 * kill -9 of the web process while webhooks are arriving. A webhook answered 2xx before the
 * kill must have its job in Redis; one cut off gets no 2xx, so Freshdesk re-sends it to the
 * restarted web process. Either way each ticket is triaged once.
 */
describe("fault: kill -9 of the web process during intake", () => {
  let env: FaultEnv;

  beforeAll(async () => {
    env = await startFaultEnv();
  });
  afterAll(async () => {
    await env?.stop();
  });

  it("stores a job for every 2xx; re-sent webhooks triage once", async () => {
    const worker = await env.startWorker();
    const first = await env.startWeb();
    const tickets = await env.createTickets(40, "Web kill");

    // Eight senders in parallel; the web process dies once a dozen webhooks are in.
    const pending = [...tickets];
    let killed: Promise<unknown> | undefined;
    const sender = async () => {
      for (let id = pending.shift(); id !== undefined; id = pending.shift()) {
        await env.ledger.fire(first.url, id);
        if (!killed && env.ledger.accepted().length >= 12) killed = first.process.kill("SIGKILL");
      }
    };
    await Promise.all(Array.from({ length: 8 }, sender));
    await killed;
    const cutOff = tickets.filter((id) => !env.ledger.accepted().some((d) => d.ticketId === id));
    expect(cutOff.length, "the kill should cut some webhooks off").toBeGreaterThan(0);
    await env.ledger.expectEveryAcceptedJobStored();

    // Freshdesk re-sends what got no 2xx.
    const second = await env.startWeb();
    for (const id of cutOff) await env.ledger.fireUntilAccepted(second.url, id);

    const settled = await env.ledger.expectEveryAcceptedTicketSettled(60_000);
    expect(settled.map((s) => s.ticketId).sort((a, b) => a - b)).toEqual([...tickets].sort((a, b) => a - b));
    expect(settled.every((s) => s.outcome === "triaged")).toBe(true);
    env.expectRunning(worker, second.process);
  });
});
