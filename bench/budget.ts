import type { ChildProcess } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { createFreshdeskClient, createRateGovernor, freshdeskAccountName } from "../src/freshdesk/index.ts";
import { accountKeyPrefix } from "../src/queue/account-keys.ts";
import { createTriageQueue, enqueueTriage } from "../src/queue/triage-queue.ts";
import type { BenchOptions } from "./options.ts";
import {
  BENCH_SECRET_KEY,
  childEnv,
  spawnNode,
  startSandboxProcess,
  stopChild,
} from "./support/processes.ts";
import { startBenchRedis } from "./support/redis.ts";
import { type BenchResult, figure } from "./support/report.ts";
import { sandboxApi } from "./support/sandbox-api.ts";
import { ticketBody } from "./support/ticket-texts.ts";
import { inPool, WEBHOOK_SECRET } from "./support/webhook-bodies.ts";

const PREFIX = "bench-budget";
const PLAN_CREDITS = 50;
const TICKETS = 300;
const WORKERS = 2;

/**
 * Budget: two worker processes (`node workers/index.ts`) triage 300 tickets against a standalone
 * sandbox on a 50-credit plan. Time is compressed honestly: the sandbox's window and the workers'
 * FRESHDESK_RATE_WINDOW_MS are the same `windowMs` (60 000 = Freshdesk's real minute).
 */
export async function budgetBenchmark(options: BenchOptions): Promise<BenchResult> {
  const started = Date.now();
  const windowMs = options.budgetWindowMs;
  const tickets = options.quick ? 60 : TICKETS;
  const redis = await startBenchRedis();
  const sandbox = await startSandboxProcess(`${PLAN_CREDITS}/${windowMs}`);
  const workers: ChildProcess[] = [];
  const queue = createTriageQueue(
    redis.client,
    accountKeyPrefix(PREFIX, freshdeskAccountName(sandbox.baseUrl)),
  );
  try {
    // Creating the tickets spends the same plan, so it goes through a governor of its own; then
    // the counters are reset and one full window passes before the workers start.
    const setupClient = createFreshdeskClient({
      baseUrl: sandbox.baseUrl,
      apiKey: "sandbox",
      governor: createRateGovernor({
        redis: redis.client,
        account: freshdeskAccountName(sandbox.baseUrl),
        share: 1,
        limitPerWindow: PLAN_CREDITS,
        windowMs,
        keyPrefix: `${PREFIX}-setup`,
      }),
    });
    const ids: number[] = [];
    await inPool(
      Array.from({ length: tickets }, (_, i) => i),
      4,
      async (i) => {
        const ticket = await setupClient.tickets.create({ ...ticketBody(i), priority: 1, status: 2 });
        ids.push(ticket.id);
      },
    );
    await sandboxApi(sandbox.baseUrl).resetStats();
    await sleep(windowMs + 200);

    const env = childEnv({
      NODE_ENV: "production",
      SECRET_KEY: BENCH_SECRET_KEY,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: PREFIX,
      WEBHOOK_SECRET,
      FRESHDESK_DOMAIN: sandbox.baseUrl,
      FRESHDESK_API_KEY: "sandbox",
      FRESHDESK_RATE_LIMIT: String(PLAN_CREDITS),
      FRESHDESK_RATE_SHARE: "1",
      FRESHDESK_RATE_WINDOW_MS: String(windowMs),
      LOG_LEVEL: "warn",
    });
    for (let i = 0; i < WORKERS; i++) workers.push(spawnNode("workers/index.ts", env));
    const readyBy = Date.now() + 60_000;
    while ((await queue.getWorkersCount()) < WORKERS) {
      if (Date.now() > readyBy) throw new Error("the worker processes did not connect within 60 s");
      await sleep(100);
    }

    const t0 = Date.now();
    for (const ticketId of ids) {
      await enqueueTriage(queue, { ticketId, event: "created", receivedAt: new Date().toISOString() });
    }
    const doneBy = Date.now() + Math.max(600_000, windowMs * 40);
    let counts = await queue.getJobCounts("completed", "failed");
    while ((counts.completed ?? 0) + (counts.failed ?? 0) < tickets) {
      if (Date.now() > doneBy) throw new Error(`only ${JSON.stringify(counts)} of ${tickets} jobs finished`);
      await sleep(200);
      counts = await queue.getJobCounts("completed", "failed");
    }
    const elapsedMs = Date.now() - t0;
    const stats = await sandboxApi(sandbox.baseUrl).stats();
    // The plan's windows the run touched: a run that ends just after a window opens has used it.
    const windows = Math.ceil(elapsedMs / windowMs);
    const creditsPerWindow = stats.totalCredits / windows;
    const ticketsPerWindow = tickets / windows;
    // What the plan allows at the pipeline's steady cost, with the one-off warm-ups charged too.
    const allowedTicketsPerWindow = PLAN_CREDITS / (stats.totalCredits / tickets);
    const compressed = windowMs === 60_000 ? "real 60 s window" : `window compressed to ${windowMs} ms`;

    return {
      name: "budget",
      title: `Budget: ${WORKERS} worker processes, ${tickets} tickets, plan ${PLAN_CREDITS} credits per window (${compressed})`,
      figures: [
        figure("429 responses from the sandbox", stats.rateLimited, "", { target: { atMost: 0 } }),
        figure("credits used per window", creditsPerWindow, "credits", {
          baseline: { label: "plan allows", value: PLAN_CREDITS },
        }),
        figure("budget used (credits per window / plan)", (creditsPerWindow / PLAN_CREDITS) * 100, "%", {
          target: { atLeast: 90 },
        }),
        figure("tickets triaged per window", ticketsPerWindow, "tickets", {
          baseline: { label: "plan allows at this cost per ticket", value: allowedTicketsPerWindow },
        }),
      ],
      notes: [
        `Time compression: sandbox plan "${PLAN_CREDITS}/${windowMs}" and workers with FRESHDESK_RATE_LIMIT=${PLAN_CREDITS}, FRESHDESK_RATE_SHARE=1, FRESHDESK_RATE_WINDOW_MS=${windowMs}; \`npm run bench -- budget --budget-window-ms 60000\` runs Freshdesk's real minute (about ${Math.round((tickets * 3.2) / PLAN_CREDITS)} min).`,
        `Processes: redis-server (AOF everysec), the standalone sandbox (node src/sandbox/main.ts), ${WORKERS} × node workers/index.ts sharing one rate budget in Redis; jobs enqueued directly (id-only "created" events, so each ticket costs get + update + note).`,
        `Tickets were created before the run through a governor on the same plan; the counters were reset and one window passed before the workers started.`,
        `Finished: ${counts.completed} completed, ${counts.failed} failed in ${Math.round(elapsedMs / 1000)} s (${(elapsedMs / windowMs).toFixed(2)} windows, counted as ${windows}); ${stats.totalCredits} credits in ${stats.totalRequests} requests (including each worker's one-off account warm-up); statuses ${JSON.stringify(stats.byStatus)}.`,
      ],
      durationSeconds: (Date.now() - started) / 1000,
    };
  } finally {
    await queue.close();
    await Promise.all(workers.map((worker) => stopChild(worker, () => worker.kill("SIGTERM"))));
    await sandbox.stop();
    await redis.stop();
  }
}
