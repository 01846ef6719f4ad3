import { freshdeskAccountName } from "../src/freshdesk/index.ts";
import { accountKeyPrefix } from "../src/queue/account-keys.ts";
import { createTriageResultStore } from "../src/queue/triage-results.ts";
import type { SandboxStats } from "../src/sandbox/app.ts";
import type { BenchOptions } from "./options.ts";
import type { LoadStats } from "./support/child-ipc.ts";
import type { DirectSequenceResult } from "./support/direct-sequence.ts";
import { BENCH_SECRET_KEY, childEnv, forkChild } from "./support/processes.ts";
import { startBenchRedis } from "./support/redis.ts";
import { type BenchResult, figure } from "./support/report.ts";
import { NOTE_ROUTE, sandboxApi } from "./support/sandbox-api.ts";
import { summarize } from "./support/stats.ts";
import { fireWebhook, idOnlyBody, inPool, WEBHOOK_SECRET } from "./support/webhook-bodies.ts";

const PREFIX = "bench-e2e";

/**
 * End to end: tickets through webhook → queue → worker → sandbox with the local classifier, in
 * the all-in-one service process (web + worker + embedded sandbox, like `npm start`). A burst of
 * N webhooks gives the throughput; a paced run below capacity gives webhook-to-note latency
 * without queueing behind the burst. Baseline: the bare Freshdesk I/O of one triage (get,
 * update, note) made directly with the client in the same process at the same concurrency.
 */
export async function endToEndBenchmark(options: BenchOptions): Promise<BenchResult> {
  const started = Date.now();
  const concurrency = options.workerConcurrency;
  const burst = options.quick ? 300 : 2000;
  const paced = options.quick ? 200 : 1500;
  const pacedRate = 100;
  const redis = await startBenchRedis();
  const service = await forkChild("bench/support/service-process.ts", {
    args: ["--web", "--worker"],
    env: childEnv({
      NODE_ENV: "production",
      SECRET_KEY: BENCH_SECRET_KEY,
      PORT: "0",
      REDIS_URL: redis.url,
      QUEUE_PREFIX: PREFIX,
      WEBHOOK_SECRET,
      SANDBOX_PLAN: "unlimited",
      SANDBOX_AUTOMATIONS: "off",
      WORKER_CONCURRENCY: String(concurrency),
      // Steady-state throughput: no learning run (reading the history, training) during the measurement.
      LEARN_INTERVAL: "off",
      LOG_LEVEL: "info",
    }),
  });
  const url = String(service.ready.url);
  const api = sandboxApi(`${url}/sandbox`);
  // Results live under the account's own prefix (the embedded sandbox is an account of its own).
  const results = createTriageResultStore(
    redis.client,
    accountKeyPrefix(PREFIX, freshdeskAccountName(`${url}/sandbox`)),
  );
  const notesPosted = async () =>
    (await service.ask<SandboxStats>("sandboxStats")).endpoints[NOTE_ROUTE]?.requests ?? 0;
  const waitForNotes = async (count: number, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while ((await notesPosted()) < count) {
      if (Date.now() > deadline) throw new Error(`only ${await notesPosted()} of ${count} notes were posted`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  /** Webhook-to-note latency per ticket: result recorded (after the note) minus send time. */
  const latencies = async (sentAt: Map<number, number>) => {
    const runs = await Promise.all([...sentAt.keys()].map((id) => results.latest(id)));
    const triaged = runs.filter((run) => run?.outcome === "triaged");
    const samples = triaged.map((run) => Date.parse(run!.at) - sentAt.get(run!.ticketId)!);
    const lastAt = Math.max(...triaged.map((run) => Date.parse(run!.at)));
    return { triaged: triaged.length, samples, lastAt };
  };

  try {
    const warm = await api.createTickets(30);
    await inPool(warm, 8, async (id) => void (await fireWebhook(url, idOnlyBody(id))));
    await waitForNotes(warm.length, 60_000);

    // Burst: every webhook as fast as the runner can send them.
    const burstIds = await api.createTickets(burst);
    const notesBefore = await notesPosted();
    await service.ask("loadStats");
    const burstSent = new Map<number, number>();
    const burstStart = Date.now();
    let rejected = 0;
    await inPool(burstIds, 32, async (id) => {
      burstSent.set(id, Date.now());
      if ((await fireWebhook(url, idOnlyBody(id))) !== 202) rejected += 1;
    });
    await waitForNotes(notesBefore + burst, 300_000);
    const burstLoad = await service.ask<LoadStats>("loadStats");
    const burstRuns = await latencies(burstSent);
    const throughput = burstRuns.triaged / ((burstRuns.lastAt - burstStart) / 1000);
    const notesAfterBurst = await notesPosted();

    // Paced: an open-loop schedule at pacedRate, latency from each scheduled send time.
    const pacedIds = await api.createTickets(paced);
    await service.ask("loadStats");
    const pacedSent = new Map<number, number>();
    const pacedStart = Date.now() + 50;
    await Promise.all(
      pacedIds.map(async (id, index) => {
        const at = pacedStart + (index * 1000) / pacedRate;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));
        pacedSent.set(id, at);
        if ((await fireWebhook(url, idOnlyBody(id))) !== 202) rejected += 1;
      }),
    );
    await waitForNotes(notesAfterBurst + paced, 300_000);
    const pacedLoad = await service.ask<LoadStats>("loadStats");
    const pacedRuns = await latencies(pacedSent);
    const pacedLatency = summarize(pacedRuns.samples);
    const notesForMeasured = (await notesPosted()) - notesBefore;
    const untriaged = burst + paced - burstRuns.triaged - pacedRuns.triaged;
    const burstLatency = summarize(burstRuns.samples);

    const baselineIds = await api.createTickets(burst);
    const direct = await service.ask<DirectSequenceResult>("directSequence", {
      ticketIds: baselineIds,
      concurrency,
    });
    const directRate = baselineIds.length / (direct.elapsedMs / 1000);
    await service.stop();
    const split = await splitLayoutBurst(redis.url, burst, concurrency);
    const directLatency = summarize(direct.latenciesMs);
    const floor = "direct get+update+note";

    return {
      name: "end-to-end",
      title: "End to end: webhook → queue → worker → note (local classifier)",
      figures: [
        figure(`throughput, burst of ${burst} webhooks, web and worker processes`, split, "tickets/s", {
          baseline: { label: floor, value: directRate },
          target: { atLeast: 200 },
        }),
        figure(`throughput, burst of ${burst} webhooks, all in one process`, throughput, "tickets/s", {
          baseline: { label: floor, value: directRate },
        }),
        figure(`webhook-to-note latency at ${pacedRate} tickets/s, p50`, pacedLatency.p50, "ms", {
          baseline: { label: `${floor}, p50`, value: directLatency.p50 },
        }),
        figure(`webhook-to-note latency at ${pacedRate} tickets/s, p99`, pacedLatency.p99, "ms", {
          baseline: { label: `${floor}, p99`, value: directLatency.p99 },
        }),
        figure("webhook-to-note latency in the burst, p50", burstLatency.p50, "ms"),
        figure("webhook-to-note latency in the burst, p99", burstLatency.p99, "ms"),
        figure(
          "tickets not triaged, or notes beyond one per ticket",
          untriaged + Math.abs(notesForMeasured - (burst + paced)),
          "",
          {
            target: { atMost: 0 },
          },
        ),
      ],
      notes: [
        `Production layout: a web process (intake + the embedded sandbox) and a worker process (FRESHDESK_DOMAIN pointing at that sandbox), as \`npm run web\` and \`npm run worker\` run them; same burst, same concurrency, its own queue prefix.`,
        `All in one: one service process (src/service.ts startService, web + worker, WORKER_CONCURRENCY=${concurrency}, production settings, info logging) with the embedded sandbox (plan unlimited, automations off, no added latency) and redis-server (AOF everysec) in its own process; the webhooks come from the benchmark runner process.`,
        `Tickets are created in the sandbox first; each webhook is the id-only simple payload for a "created" event; a ticket counts as done when its triage result is recorded, which happens after its note is posted.`,
        `Burst throughput = triaged tickets / (last result − first webhook sent). Paced latency: ${paced} webhooks on a fixed schedule of ${pacedRate}/s, measured from each scheduled send time.`,
        `Baseline: the minimum Freshdesk I/O of one triage (GET ticket, PUT ticket, POST note) made directly with the Freshdesk client in the same process at the same concurrency: no webhook, queue, MCP, classifier or note rendering — the floor this machine and sandbox allow.`,
        `The service process during the burst: ${Math.round(burstLoad.cpuPercent)} % CPU of one core, event-loop delay p99 ${burstLoad.eventLoopDelayP99Ms.toFixed(0)} ms (max ${burstLoad.eventLoopDelayMaxMs.toFixed(0)} ms); during the paced run: ${Math.round(pacedLoad.cpuPercent)} % CPU, p99 ${pacedLoad.eventLoopDelayP99Ms.toFixed(0)} ms (max ${pacedLoad.eventLoopDelayMaxMs.toFixed(0)} ms).`,
        `Webhooks not answered 202: ${rejected}. Intake alone is measured by the intake benchmark.`,
      ],
      durationSeconds: (Date.now() - started) / 1000,
    };
  } finally {
    await service.stop();
    await redis.stop();
  }
}

/** The same burst through a web process and a separate worker process, as deployed. */
async function splitLayoutBurst(redisUrl: string, burst: number, concurrency: number): Promise<number> {
  const prefix = `${PREFIX}-split`;
  const shared = {
    NODE_ENV: "production",
    SECRET_KEY: BENCH_SECRET_KEY,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    WEBHOOK_SECRET,
    LEARN_INTERVAL: "off",
    LOG_LEVEL: "info",
  };
  const web = await forkChild("bench/support/service-process.ts", {
    args: ["--web"],
    env: childEnv({ ...shared, PORT: "0", SANDBOX_PLAN: "unlimited", SANDBOX_AUTOMATIONS: "off" }),
  });
  const url = String(web.ready.url);
  const worker = await forkChild("bench/support/service-process.ts", {
    args: ["--worker"],
    env: childEnv({
      ...shared,
      FRESHDESK_DOMAIN: `${url}/sandbox`,
      FRESHDESK_API_KEY: "sandbox",
      WORKER_CONCURRENCY: String(concurrency),
    }),
  });
  try {
    const api = sandboxApi(`${url}/sandbox`);
    const notes = async () =>
      (await web.ask<SandboxStats>("sandboxStats")).endpoints[NOTE_ROUTE]?.requests ?? 0;
    const until = async (count: number) => {
      const deadline = Date.now() + 300_000;
      while ((await notes()) < count) {
        if (Date.now() > deadline) throw new Error(`only ${await notes()} of ${count} notes were posted`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const warm = await api.createTickets(30);
    await inPool(warm, 8, async (id) => void (await fireWebhook(url, idOnlyBody(id))));
    await until(warm.length);
    const ids = await api.createTickets(burst);
    const before = await notes();
    const start = Date.now();
    await inPool(ids, 32, async (id) => void (await fireWebhook(url, idOnlyBody(id))));
    await until(before + burst);
    return burst / ((Date.now() - start) / 1000);
  } finally {
    await worker.stop();
    await web.stop();
  }
}
