import { Queue } from "bullmq";
import { freshdeskAccountName } from "../src/freshdesk/client.ts";
import { accountKeyPrefix } from "../src/queue/account-keys.ts";
import { TRIAGE_QUEUE } from "../src/queue/triage-queue.ts";
import type { BenchOptions } from "./options.ts";
import type { LoadStats } from "./support/child-ipc.ts";
import type {
  ClosedLoopResult,
  ClosedLoopRun,
  OpenLoopResult,
  OpenLoopRun,
} from "./support/load-generator.ts";
import { BENCH_SECRET_KEY, childEnv, forkChild } from "./support/processes.ts";
import { startBenchRedis } from "./support/redis.ts";
import { type BenchResult, type Figure, figure } from "./support/report.ts";
import { ID_ONLY_TEMPLATE, WEBHOOK_HEADERS, WEBHOOK_SECRET } from "./support/webhook-bodies.ts";

const PREFIX = "bench-intake";

/**
 * Intake: `POST /webhooks/freshdesk` at saturation and at a fixed 500 req/s, against a bare route
 * on the same server answering 202 without Redis. Three processes: redis-server (AOF everysec),
 * the server, and the load generator.
 */
export async function intakeBenchmark(options: BenchOptions): Promise<BenchResult> {
  const started = Date.now();
  const saturationSeconds = options.quick ? 4 : 15;
  const fixedSeconds = options.quick ? 8 : 30;
  const connections = 64;
  const rate = 500;
  const redis = await startBenchRedis();
  const server = await forkChild("bench/support/service-process.ts", {
    args: ["--web", "--bare"],
    env: childEnv({
      NODE_ENV: "production",
      SECRET_KEY: BENCH_SECRET_KEY,
      PORT: "0",
      REDIS_URL: redis.url,
      QUEUE_PREFIX: PREFIX,
      WEBHOOK_SECRET,
      SANDBOX_AUTOMATIONS: "off",
      LOG_LEVEL: "info",
    }),
  });
  const generator = await forkChild("bench/support/load-generator.ts", { env: childEnv({}) });
  let nextId = 1;
  const target = (route: "bare" | "webhook") => ({
    url: `${route === "bare" ? server.ready.bareUrl : server.ready.url}/webhooks/freshdesk`,
    headers: WEBHOOK_HEADERS,
    bodyTemplate: ID_ONLY_TEMPLATE,
    firstId: nextId,
  });
  const closed = async (path: "bare" | "webhook", durationSeconds: number) => {
    const run: ClosedLoopRun = { ...target(path), connections, durationSeconds };
    const result = await generator.ask<ClosedLoopResult>("closed", { run });
    nextId += result.ok + result.non2xx + result.errors + connections;
    return result;
  };
  const open = async (path: "bare" | "webhook") => {
    const run: OpenLoopRun = { ...target(path), rate, durationSeconds: fixedSeconds, warmupSeconds: 3 };
    await server.ask("loadStats");
    const result = await generator.ask<OpenLoopResult>("open", { run });
    nextId += result.scheduled;
    return { ...result, server: await server.ask<LoadStats>("loadStats") };
  };
  const closedWithLoad = async (path: "bare" | "webhook", durationSeconds: number) => {
    await server.ask("loadStats");
    const result = await closed(path, durationSeconds);
    return { ...result, server: await server.ask<LoadStats>("loadStats") };
  };

  try {
    await closed("bare", 2);
    await closed("webhook", 2);
    const account = freshdeskAccountName(String(server.ready.freshdeskBaseUrl));
    const queue = new Queue(TRIAGE_QUEUE, {
      connection: redis.client,
      prefix: accountKeyPrefix(PREFIX, account),
    });
    const storedBefore = await queue.count();
    const bareSaturation = await closedWithLoad("bare", saturationSeconds);
    const webhookSaturation = await closedWithLoad("webhook", saturationSeconds);
    const bareFixed = await open("bare");
    const webhookFixed = await open("webhook");
    const stored = (await queue.count()) - storedBefore;
    const accepted = webhookSaturation.ok + (webhookFixed.statuses["202"] ?? 0);
    await queue.close();

    const latency = (name: string, key: "p50" | "p99" | "p999", atMost?: number): Figure =>
      figure(`webhook latency at ${rate} req/s, ${name}`, webhookFixed.measured[key], "ms", {
        baseline: { label: "bare route", value: bareFixed.measured[key] },
        ...(atMost !== undefined ? { target: { atMost } } : {}),
      });
    return {
      name: "intake",
      title: "Intake: POST /webhooks/freshdesk",
      figures: [
        figure("saturation throughput (202s per second)", webhookSaturation.requestsPerSecond, "req/s", {
          baseline: { label: "bare route", value: bareSaturation.requestsPerSecond },
          target: { atLeast: 3000 },
        }),
        figure("latency at saturation, p99", webhookSaturation.latencyMs.p99, "ms", {
          baseline: { label: "bare route", value: bareSaturation.latencyMs.p99 },
        }),
        latency("p50", "p50"),
        latency("p99", "p99", 25),
        latency("p99.9", "p999"),
        figure("202 answers without a stored job", Math.max(0, accepted - stored), "", {
          target: { atMost: 0 },
        }),
      ],
      notes: [
        "Processes: redis-server (AOF appendfsync everysec); the service's web process (src/service.ts, web role, production settings, info logging) which also serves the bare route on a second port; the load generator in its own process.",
        `Saturation: autocannon, ${connections} keep-alive connections, ${saturationSeconds} s per route; every request is a distinct ticket id (no deduplication), simple payload with the X-Webhook-Token header.`,
        `Fixed rate: ${rate} req/s open-loop for ${fixedSeconds} s (first 3 s not measured); latency counts from each request's scheduled send time.`,
        `Non-2xx / errors: saturation webhook ${webhookSaturation.non2xx}/${webhookSaturation.errors}, bare ${bareSaturation.non2xx}/${bareSaturation.errors}; fixed rate webhook statuses ${JSON.stringify(webhookFixed.statuses)}, errors ${webhookFixed.errors}.`,
        `Server process during the runs (CPU % of one core; event-loop delay p99 / max): saturation webhook ${load(webhookSaturation.server)}, bare ${load(bareSaturation.server)}; 500 req/s webhook ${load(webhookFixed.server)}, bare ${load(bareFixed.server)}. The generator's own send lag at 500 req/s (p99 / max): webhook ${lag(webhookFixed)}, bare ${lag(bareFixed)}.`,
        `Jobs stored during the measured runs: ${stored} for ${accepted} webhook 202s (more jobs than 202s = requests still in flight when the generator stopped counting).`,
      ],
      durationSeconds: (Date.now() - started) / 1000,
    };
  } finally {
    await generator.stop();
    await server.stop();
    await redis.stop();
  }
}

function load(stats: LoadStats): string {
  return `${Math.round(stats.cpuPercent)} % CPU, ${stats.eventLoopDelayP99Ms.toFixed(1)} / ${stats.eventLoopDelayMaxMs.toFixed(0)} ms`;
}

function lag(result: OpenLoopResult): string {
  return `${result.sendLagMs.p99.toFixed(1)} / ${result.sendLagMs.max.toFixed(0)} ms`;
}
