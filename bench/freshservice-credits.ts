import type { SandboxStats } from "../src/sandbox/app.ts";
import type { BenchOptions } from "./options.ts";
import { BENCH_SECRET_KEY, childEnv, forkChild } from "./support/processes.ts";
import { startBenchRedis } from "./support/redis.ts";
import { type BenchResult, figure } from "./support/report.ts";
import { NOTE_ROUTE, sandboxApi } from "./support/sandbox-api.ts";
import { WEBHOOK_SECRET } from "./support/webhook-bodies.ts";

const PREFIX = "bench-fs-credits";
const RAISE_EVERY_MS = 6000;

/** IT tickets that name a category of the seeded form, so triage has a value to write. */
const TEXTS = [
  ["My laptop won't boot", "My Mac shows a black screen after the logo."],
  ["Wi-Fi keeps dropping", "The Office Wi-Fi drops every few minutes on the second floor."],
  ["VPN will not connect", "GlobalProtect fails with a gateway error since this morning."],
  ["Outlook crashes", "Outlook closes as soon as I open a calendar invite."],
  ["Printer jam", "The Office Printer jams on every second page."],
] as const;

/**
 * Freshservice credits per triaged ticket, as the Freshservice sandbox charges them (reference
 * §1, §10), on the Starter plan (100 a minute, list 40, view/create/update 50) with the Workflow
 * Automator on: raising a ticket fires the id-only body `{"ticket_id": N}` at the service, and
 * our own update's echo comes back the same way, so the figure includes the loop guard's cost.
 * No history is learned (LEARN_INTERVAL=off); the category each ticket names is applied as an
 * unmeasured value (TRIAGE_APPLY_UNMEASURED=true) so every ticket is updated, as a learned
 * account's would be.
 */
export async function freshserviceCreditsBenchmark(options: BenchOptions): Promise<BenchResult> {
  const started = Date.now();
  const tickets = options.quick ? 5 : 20;
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
      SANDBOX_PRODUCT: "freshservice",
      SANDBOX_PLAN: "starter",
      LEARN_INTERVAL: "off",
      TRIAGE_APPLY_UNMEASURED: "true",
      LOG_LEVEL: "warn",
    }),
  });
  const url = String(service.ready.url);
  const api = sandboxApi(`${url}/sandbox`);
  const stats = () => service.ask<SandboxStats>("sandboxStats");

  try {
    const atStart = await settledStats(stats);
    const requesters = await api.call<{ requesters: Array<{ primary_email: string }> }>(
      "GET",
      "/api/v2/requesters?per_page=30",
    );
    const emails = requesters.requesters.map((r) => r.primary_email);
    const raise = async (index: number) => {
      const [subject, text] = TEXTS[index % TEXTS.length]!;
      await api.call("POST", "/api/v2/tickets", {
        subject,
        description: `<p>${text}</p>`,
        email: emails[index % emails.length],
        status: 2,
        priority: 1,
      });
    };
    // One ticket warms the tool server's caches; its cost is reported on its own.
    await service.ask("resetSandboxStats");
    await raise(0);
    const warm = await untilNotes(stats, 1);
    await service.ask("resetSandboxStats");
    const begun = Date.now();
    // Raised at a pace the plan carries together with their triage: creating one is itself a
    // view/create/update call (50 a minute on Starter, shared with the service's reads and updates).
    for (let i = 1; i <= tickets; i++) {
      await raise(i);
      if (i < tickets) await new Promise((resolve) => setTimeout(resolve, RAISE_EVERY_MS));
    }
    const measured = await untilNotes(stats, tickets);
    const elapsedMinutes = (Date.now() - begun) / 60_000;

    const creating = measured.endpoints["POST /tickets"]?.credits ?? 0;
    const per = (s: SandboxStats, n: number, minus = 0) => (s.totalCredits - minus) / n;
    const reads = (measured.endpoints["GET /tickets/:id"]?.credits ?? 0) / tickets;
    const writes = (measured.endpoints["PUT /tickets/:id"]?.credits ?? 0) / tickets;
    return {
      name: "freshservice-credits",
      title: "Freshservice credits per triaged ticket (Starter plan, Workflow Automator on)",
      figures: [
        figure("ours, id-only body, echo included", per(measured, tickets, creating), "credits/ticket", {
          target: { atMost: 3 },
        }),
        figure("429 answers", measured.rateLimited, "responses", { target: { atMost: 0 } }),
        figure("view/create/update calls per ticket (read + update)", reads + writes, "calls/ticket"),
        figure("account-wide warm-up at worker start (one-off)", atStart.totalCredits, "credits"),
        figure(
          "first ticket after start",
          per(warm, 1, warm.endpoints["POST /tickets"]?.credits ?? 0),
          "credits",
        ),
      ],
      notes: [
        `${tickets} tickets raised through the sandbox's API, one every ${RAISE_EVERY_MS / 1000} s (their creation's credits not counted); the automator posts {"ticket_id": N} on each raise and on each update, ours included; one service process (web + worker thread, embedded Freshservice sandbox on the Starter plan).`,
        `measured: ${breakdown(measured, tickets)} (POST /tickets is the benchmark raising them); ${measured.totalRequests} requests in ${elapsedMinutes.toFixed(2)} min; statuses ${JSON.stringify(measured.byStatus)}.`,
        `warm-up at worker start (ticket form, groups, agents, departments, requesters, assets, solution categories, folders and articles; refreshed every 10 minutes, not per ticket): ${breakdown(atStart, 1)}.`,
      ],
      durationSeconds: (Date.now() - started) / 1000,
    };
  } finally {
    await service.stop();
    await redis.stop();
  }
}

/** The counters once `count` notes are posted and every echo has been handled (they stop moving). */
async function untilNotes(read: () => Promise<SandboxStats>, count: number): Promise<SandboxStats> {
  const deadline = Date.now() + 180_000;
  while (((await read()).endpoints[NOTE_ROUTE]?.requests ?? 0) < count) {
    if (Date.now() > deadline) throw new Error(`fewer than ${count} notes were posted in 3 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return settledStats(read);
}

function breakdown(stats: SandboxStats, tickets: number): string {
  return Object.entries(stats.endpoints)
    .filter(([, e]) => e.credits > 0)
    .map(([route, e]) => `${route} ${Math.round((e.credits / tickets) * 100) / 100}`)
    .join(", ");
}

/** The sandbox counters once they have stopped moving (start-up loading is not awaited). */
async function settledStats(read: () => Promise<SandboxStats>): Promise<SandboxStats> {
  let previous = await read();
  for (let quiet = 0; quiet < 5; ) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const current = await read();
    quiet = current.totalRequests === previous.totalRequests && current.totalRequests > 0 ? quiet + 1 : 0;
    previous = current;
  }
  return previous;
}
