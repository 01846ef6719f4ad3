import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FaultEnv, SANDBOX_KEY, startFaultEnv } from "./support/fault-env.ts";
import type { ProxyMode } from "./support/fault-proxy.ts";
import { type ChildService, sleep } from "./support/processes.ts";

/**
 * Freshdesk misbehaving, through the fault proxy between the workers and the sandbox. Slow
 * answers and reset connections on writes are the dangerous ones: the note lands but the worker
 * never hears so, and a blind re-post would double it.
 */
const CLIENT_TIMEOUT_MS = 1000;

describe("fault: Freshdesk misbehaving", () => {
  let env: FaultEnv;
  let web: Awaited<ReturnType<FaultEnv["startWeb"]>>;
  let workers: ChildService[] = [];

  beforeAll(async () => {
    env = await startFaultEnv({ proxy: true, env: { FRESHDESK_TIMEOUT_MS: String(CLIENT_TIMEOUT_MS) } });
    web = await env.startWeb();
    workers = [await env.startWorker(), await env.startWorker()];
    // A running service has met Freshdesk already: the rate limit is learnt from X-RateLimit-Total
    // (429s do not carry it) and the account cache is warm.
    const [warmUp] = await env.createTickets(1, "Warm-up");
    await env.ledger.fire(web.url, warmUp as number);
    await env.ledger.expectEveryAcceptedTicketSettled(20_000);
  });
  afterAll(async () => {
    if (process.env.FAULTS_DEBUG) for (const w of workers) process.stderr.write(w.output());
    await env?.stop();
  });

  /** Webhooks for fresh tickets while the fault lasts; then every ticket must settle. */
  async function underFault(label: string, mode: ProxyMode, faultMs: number) {
    const proxy = env.proxy!;
    const tickets = await env.createTickets(6, label);
    const notesBefore = await notePosts();
    proxy.setMode(mode);
    for (const id of tickets) await env.ledger.fire(web.url, id);
    await sleep(faultMs);
    proxy.setMode({ kind: "pass" });
    const settled = (await env.ledger.expectEveryAcceptedTicketSettled(60_000)).filter((s) =>
      tickets.includes(s.ticketId),
    );
    expect(settled).toHaveLength(tickets.length);
    return { settled, notePosts: (await notePosts()) - notesBefore };
  }

  async function notePosts(): Promise<number> {
    const response = await fetch(`${env.sandboxUrl}/_sandbox/stats`, {
      headers: { Authorization: `Basic ${Buffer.from(`${SANDBOX_KEY}:X`).toString("base64")}` },
    });
    const stats = (await response.json()) as {
      endpoints: Record<string, { requests: number }>;
    };
    return stats.endpoints["POST /tickets/:id/notes"]?.requests ?? 0;
  }

  it("429 storm: every ticket triaged once after the storm", async () => {
    const before = env.proxy!.injected.status;
    const { settled } = await underFault(
      "429 storm",
      { kind: "status", status: 429, retryAfterSeconds: 1 },
      4000,
    );
    expect(env.proxy!.injected.status - before).toBeGreaterThan(0);
    expect(settled.filter((s) => s.outcome !== "triaged")).toEqual([]);
  });

  it("500s: every ticket triaged once after the errors stop", async () => {
    const before = env.proxy!.injected.status;
    const { settled } = await underFault("Server errors", { kind: "status", status: 500 }, 3000);
    expect(env.proxy!.injected.status - before).toBeGreaterThan(0);
    expect(settled.filter((s) => s.outcome !== "triaged")).toEqual([]);
  });

  it("writes answered slower than the client timeout: no note posted twice", async () => {
    const before = env.proxy!.injected.delay;
    const { settled, notePosts } = await underFault(
      "Slow writes",
      { kind: "delay", ms: CLIENT_TIMEOUT_MS * 2, writesOnly: true },
      4000,
    );
    expect(env.proxy!.injected.delay - before).toBeGreaterThan(0);
    expect(settled.filter((s) => s.outcome !== "triaged")).toEqual([]);
    // Each note reached Freshdesk once, although the worker timed out waiting for the answer.
    expect(notePosts).toBe(settled.length);
  });

  it("connections reset after writes: no note posted twice", async () => {
    const before = env.proxy!.injected.reset;
    const { settled, notePosts } = await underFault(
      "Reset writes",
      { kind: "reset", writesOnly: true },
      4000,
    );
    expect(env.proxy!.injected.reset - before).toBeGreaterThan(0);
    expect(settled.filter((s) => s.outcome !== "triaged")).toEqual([]);
    expect(notePosts).toBe(settled.length);
  });
});
