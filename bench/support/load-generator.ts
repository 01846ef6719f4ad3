// Load generator process: the server under test never shares its event loop with this one.
// "closed": autocannon, N connections each sending as soon as the previous answer arrives.
// "open": a fixed arrival rate, latency measured from each request's scheduled send time, so a
// stalled server is charged for the requests it delayed (no coordinated omission).
import { Agent, request } from "node:http";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { announceReady, answerRequests, exitWithParent } from "./child-ipc.ts";
import { type LatencySummary, summarize } from "./stats.ts";

export type LoadTarget = {
  url: string;
  headers: Record<string, string>;
  /** `{id}` is replaced by firstId, firstId + 1, … */
  bodyTemplate: string;
  firstId: number;
};

export type ClosedLoopRun = LoadTarget & { connections: number; durationSeconds?: number; amount?: number };
export type ClosedLoopResult = {
  requestsPerSecond: number;
  ok: number;
  non2xx: number;
  errors: number;
  durationSeconds: number;
  latencyMs: { p50: number; p99: number; p999: number };
};

export type OpenLoopRun = LoadTarget & { rate: number; durationSeconds: number; warmupSeconds: number };
export type OpenLoopResult = {
  scheduled: number;
  measured: LatencySummary;
  statuses: Record<string, number>;
  errors: number;
  achievedRate: number;
  /** How late this generator sent requests against the schedule: its own share of the latency. */
  sendLagMs: { p99: number; max: number };
};

function closedLoop(run: ClosedLoopRun): Promise<ClosedLoopResult> {
  let next = run.firstId;
  const { pathname, origin } = new URL(run.url);
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: origin,
        connections: run.connections,
        ...(run.amount !== undefined ? { amount: run.amount } : { duration: run.durationSeconds ?? 10 }),
        timeout: 10,
        requests: [
          {
            method: "POST",
            path: pathname,
            headers: run.headers,
            setupRequest: (spec) => ({ ...spec, body: run.bodyTemplate.replace("{id}", String(next++)) }),
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          requestsPerSecond: result["2xx"] / result.duration,
          ok: result["2xx"],
          non2xx: result.non2xx,
          errors: result.errors,
          durationSeconds: result.duration,
          latencyMs: { p50: result.latency.p50, p99: result.latency.p99, p999: result.latency.p99_9 },
        });
      },
    );
  });
}

function openLoop(run: OpenLoopRun): Promise<OpenLoopResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 512 });
  const total = Math.round(run.rate * run.durationSeconds);
  const interval = 1000 / run.rate;
  const warmup = Math.round(run.rate * run.warmupSeconds);
  const samples: number[] = [];
  const lags: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let finished = 0;
  const start = performance.now() + 20;

  return new Promise((resolve) => {
    const done = () => {
      finished += 1;
      if (finished < total) return;
      agent.destroy();
      const elapsed = (performance.now() - start) / 1000;
      resolve({
        scheduled: total,
        measured: summarize(samples),
        statuses,
        errors,
        achievedRate: total / elapsed,
        sendLagMs: { p99: summarize(lags).p99, max: summarize(lags).max },
      });
    };
    const send = (index: number) => {
      const scheduledAt = start + index * interval;
      lags.push(performance.now() - scheduledAt);
      const body = run.bodyTemplate.replace("{id}", String(run.firstId + index));
      const req = request(run.url, { method: "POST", agent, headers: run.headers }, (res) => {
        res.resume();
        res.on("end", () => {
          if (index >= warmup) samples.push(performance.now() - scheduledAt);
          statuses[String(res.statusCode)] = (statuses[String(res.statusCode)] ?? 0) + 1;
          done();
        });
      });
      req.on("error", () => {
        errors += 1;
        done();
      });
      req.end(body);
    };
    let sent = 0;
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + sent * interval <= now) send(sent++);
      if (sent < total) setTimeout(tick, 1);
    };
    setTimeout(tick, 20);
  });
}

exitWithParent();
answerRequests({
  closed: (message) => closedLoop(message.run as ClosedLoopRun),
  open: (message) => openLoop(message.run as OpenLoopRun),
  stop: () => setImmediate(() => process.exit(0)),
});
announceReady({ pid: process.pid });
