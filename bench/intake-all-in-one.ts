import type { SandboxStats } from "../src/sandbox/app.ts";
import type { BenchOptions } from "./options.ts";
import type { LoadStats } from "./support/child-ipc.ts";
import type { OpenLoopResult, OpenLoopRun } from "./support/load-generator.ts";
import {
  BENCH_SECRET_KEY,
  type BenchChild,
  childEnv,
  forkChild,
  startSandboxProcess,
} from "./support/processes.ts";
import { startBenchRedis } from "./support/redis.ts";
import { type BenchResult, figure } from "./support/report.ts";
import { NOTE_ROUTE, sandboxApi } from "./support/sandbox-api.ts";
import {
  fireWebhook,
  ID_ONLY_TEMPLATE,
  idOnlyBody,
  inPool,
  WEBHOOK_HEADERS,
  WEBHOOK_SECRET,
} from "./support/webhook-bodies.ts";

/** `freshdesk: "process"`: a standalone sandbox process stands in for a real Freshdesk. */
type Layout = { name: string; args: string[]; drains: boolean; freshdesk?: "process" };

const LAYOUTS: Layout[] = [
  { name: "web only (no worker)", args: ["--web"], drains: false },
  { name: "all-in-one, worker thread (npm start)", args: ["--web", "--worker"], drains: true },
  {
    name: "all-in-one, workers on the web event loop",
    args: ["--web", "--worker", "--in-process-worker"],
    drains: true,
  },
  {
    name: "all-in-one, worker thread, Freshdesk in its own process",
    args: ["--web", "--worker"],
    drains: true,
    freshdesk: "process",
  },
];

type Measured = {
  layout: Layout;
  result: OpenLoopResult;
  load: LoadStats;
  triagedDuring: number;
  backlogLeft: number;
};

/**
 * Intake latency while the workers drain a backlog: `POST /webhooks/freshdesk` at a fixed
 * 500 req/s against the all-in-one service (embedded sandbox, local classifier), first with a
 * backlog of real sandbox tickets queued so the workers are busy for the whole measurement. The
 * same run measures the web-only process (nothing drains), the all-in-one process with its
 * workers on the web event loop (as before worker threads), and the all-in-one process against a
 * Freshdesk in another process (a standalone sandbox), where the web thread only takes webhooks.
 */
export async function intakeAllInOneBenchmark(options: BenchOptions): Promise<BenchResult> {
  const started = Date.now();
  const rate = 500;
  const fixedSeconds = options.quick ? 8 : 12;
  const warmupSeconds = 3;
  const backlog = options.quick ? 3000 : 5000;
  const rounds = options.quick ? 1 : 3;
  const redis = await startBenchRedis();
  const generator = await forkChild("bench/support/load-generator.ts", { env: childEnv({}) });

  const measure = async (layout: Layout, queueNumber: number): Promise<Measured> => {
    // A real account's layout: the web thread only takes webhooks; Freshdesk's work is elsewhere.
    const freshdesk = layout.freshdesk === "process" ? await startSandboxProcess("unlimited") : undefined;
    const service = await forkChild("bench/support/service-process.ts", {
      args: layout.args,
      env: childEnv({
        NODE_ENV: "production",
        PORT: "0",
        REDIS_URL: redis.url,
        QUEUE_PREFIX: `bench-aio-${queueNumber}`,
        WEBHOOK_SECRET,
        // Production refuses to start without it (it encrypts signed-in people's Freshdesk keys).
        SECRET_KEY: BENCH_SECRET_KEY,
        SANDBOX_PLAN: "unlimited",
        SANDBOX_AUTOMATIONS: "off",
        WORKER_CONCURRENCY: String(options.workerConcurrency),
        LOG_LEVEL: "info",
        ...(freshdesk ? { FRESHDESK_DOMAIN: freshdesk.baseUrl, FRESHDESK_API_KEY: "sandbox" } : {}),
      }),
    });
    try {
      const url = String(service.ready.url);
      const api = sandboxApi(freshdesk ? freshdesk.baseUrl : `${url}/sandbox`);
      const notesPosted = async () =>
        freshdesk ? ((await api.stats()).endpoints[NOTE_ROUTE]?.requests ?? 0) : embeddedNotes(service);
      const ids = await api.createTickets(backlog, 32);
      await inPool(ids, 32, async (id) => void (await fireWebhook(url, idOnlyBody(id))));
      const notesBefore = await notesPosted();
      await service.ask("loadStats");
      const run: OpenLoopRun = {
        url: `${url}/webhooks/freshdesk`,
        headers: WEBHOOK_HEADERS,
        bodyTemplate: ID_ONLY_TEMPLATE,
        // Ids no ticket has: their jobs queue behind the backlog and never reach a worker here.
        firstId: 50_000_000,
        rate,
        durationSeconds: fixedSeconds,
        warmupSeconds,
      };
      const result = await generator.ask<OpenLoopResult>("open", { run });
      const load = await service.ask<LoadStats>("loadStats");
      const triagedDuring = (await notesPosted()) - notesBefore;
      const backlogLeft = layout.drains ? backlog - (await notesPosted()) : backlog;
      return { layout, result, load, triagedDuring, backlogLeft };
    } finally {
      await service.stop();
      await freshdesk?.stop();
    }
  };

  try {
    // Rounds interleave the layouts, and each figure is the median over rounds, so a burst of
    // other work on the machine shifts one sample, not one layout.
    const runs: Measured[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const [index, layout] of LAYOUTS.entries()) runs.push(await measure(layout, round * 10 + index));
    }
    const of = (layout: Layout) => runs.filter((run) => run.layout === layout);
    const [webOnly, threaded, inProcess, remote] = LAYOUTS.map(of) as [
      Measured[],
      Measured[],
      Measured[],
      Measured[],
    ];
    const p99 = (layoutRuns: Measured[]) => median(layoutRuns.map((run) => run.result.measured.p99));
    const p50 = (layoutRuns: Measured[]) => median(layoutRuns.map((run) => run.result.measured.p50));
    const drainRate = (layoutRuns: Measured[]) =>
      median(layoutRuns.map((run) => run.triagedDuring / (fixedSeconds + warmupSeconds)));
    const baseline = { label: "web only", value: p99(webOnly) };
    const name = (layoutRuns: Measured[]) => layoutRuns[0]!.layout.name;
    return {
      name: "intake-all-in-one",
      title: `Intake at ${rate} req/s while the workers drain a backlog (all-in-one process)`,
      figures: [
        figure(`webhook latency p99, ${name(threaded)}`, p99(threaded), "ms", {
          baseline,
          target: { atMost: 25 },
        }),
        figure(`webhook latency p99, ${name(inProcess)}`, p99(inProcess), "ms", { baseline }),
        figure(`webhook latency p99, ${name(remote)}`, p99(remote), "ms", { baseline }),
        figure(`webhook latency p50, ${name(threaded)}`, p50(threaded), "ms", {
          baseline: { label: "web only", value: p50(webOnly) },
        }),
        figure(`webhook latency p50, ${name(inProcess)}`, p50(inProcess), "ms", {
          baseline: { label: "web only", value: p50(webOnly) },
        }),
        figure(`tickets triaged per second meanwhile, ${name(threaded)}`, drainRate(threaded), "tickets/s", {
          baseline: { label: "workers on the web event loop", value: drainRate(inProcess) },
        }),
      ],
      notes: [
        `Processes: redis-server (AOF everysec); the service (bench/support/service-process.ts: src/service.ts with production settings, info logging, the embedded sandbox on the unlimited plan, the local classifier, WORKER_CONCURRENCY=${options.workerConcurrency}); the load generator. Each measurement gets a fresh service process on its own queue prefix.`,
        `${rounds} round(s), each measuring the ${LAYOUTS.length} layouts one after the other; every figure is the median over the rounds.`,
        `Backlog: ${backlog} sandbox tickets created and their webhooks accepted just before each measurement, so the workers are triaging (get, classify, update, note through the sandbox over loopback HTTP) for the whole of it.`,
        `Fixed rate: ${rate} req/s open-loop for ${fixedSeconds} s (first ${warmupSeconds} s not measured); latency counts from each request's scheduled send time; webhooks name tickets that do not exist, so their jobs wait behind the backlog.`,
        ...runs.map(
          (run) =>
            `${run.layout.name}: p50/p99/p99.9 ${ms(run.result.measured.p50)}/${ms(run.result.measured.p99)}/${ms(run.result.measured.p999)} ms, statuses ${JSON.stringify(run.result.statuses)}, errors ${run.result.errors}; main event-loop delay p99 ${ms(run.load.eventLoopDelayP99Ms)} ms (max ${ms(run.load.eventLoopDelayMaxMs)}), process CPU ${Math.round(run.load.cpuPercent)} % of one core; ${run.triagedDuring} tickets triaged during the measurement, ${run.layout.drains ? `${run.backlogLeft} of the backlog still queued after it` : "no worker"}; generator send lag p99 ${ms(run.result.sendLagMs.p99)} ms.`,
        ),
      ],
      durationSeconds: (Date.now() - started) / 1000,
    };
  } finally {
    await generator.stop();
    await redis.stop();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function embeddedNotes(service: BenchChild): Promise<number> {
  return (await service.ask<SandboxStats>("sandboxStats")).endpoints[NOTE_ROUTE]?.requests ?? 0;
}

const ms = (value: number) => value.toFixed(1);
