import { Redis } from "ioredis";
import { createRateGovernor, freshdeskAccountName } from "../src/freshdesk/index.ts";
import {
  createFreshserviceClient,
  type FreshserviceClient,
  freshserviceGovernorLimits,
  freshservicePlanLimits,
} from "../src/freshservice/index.ts";
import type { QualityReport } from "../src/learning/quality.ts";
import type { SandboxStats } from "../src/sandbox/app.ts";
import type { BenchOptions } from "./options.ts";
import { BENCH_SECRET_KEY, type BenchChild, childEnv, forkChild } from "./support/processes.ts";
import { type BenchRedis, startBenchRedis } from "./support/redis.ts";
import { type BenchResult, figure } from "./support/report.ts";
import type { SandboxCall } from "./support/sandbox-calls.ts";
import { inPool, WEBHOOK_HEADERS, WEBHOOK_SECRET } from "./support/webhook-bodies.ts";
import { type FsBucketPeaks, freshserviceBucketPeaks, freshserviceCharge } from "./support/window-peaks.ts";

const PLAN = "starter";
const MINUTE_MS = 60_000;
const NOTE_ROUTE = "POST /tickets/:id/notes";

/** IT requests in a requester's words, each naming something the seeded form has a category for. */
const TEXTS = [
  ["My laptop won't boot", "My laptop shows a black screen after the logo since the update this morning."],
  ["Wi-Fi keeps dropping", "The office Wi-Fi drops every few minutes on the second floor."],
  ["VPN will not connect", "The VPN fails with a gateway error when I work from home."],
  ["Outlook crashes", "Outlook closes as soon as I open a calendar invite."],
  ["Printer jam", "The office printer jams on every second page."],
  [
    "Need access to the Finance share",
    "Please give me read access to the Finance shared drive, my manager approved it.",
  ],
  ["Password reset", "I am locked out of my account after too many password attempts."],
  ["Second monitor flickers", "My external monitor flickers and goes black every few seconds."],
  ["Phishing email", "I received an email asking me to confirm my password through a link."],
  ["New keyboard", "The keys on my keyboard stick, could I get a new keyboard?"],
  ["Excel freezes", "Excel freezes whenever I open the quarterly report workbook."],
  ["Phone not syncing mail", "My company phone stopped syncing email since yesterday."],
] as const;

type Phase = { stats: SandboxStats; from: number; to: number; tickets: number };

type ProcessRun = {
  label: string;
  warmUp: SandboxStats | undefined;
  model: QualityReport["model"];
  triage: Phase;
  naive: Phase | undefined;
  /** Every sandbox call from the service's start to the end of our triage: all of it governed. */
  governedCalls: SandboxCall[];
  naiveCalls: SandboxCall[];
  failedWebhooks: number;
  /** Reads of a ticket after our own update of it, with how long after the update each came. */
  readsAfterUpdate: number[];
  /** Credits each triaged ticket cost, from the call log: how many tickets cost 1, 2, 3… */
  perTicket: Map<number, number>;
};

/**
 * Freshservice credits per triaged ticket and the plan's limits, as the Freshservice sandbox
 * charges and enforces them (reference §1, §10), on the Starter plan: 100 credits a minute, list
 * calls 40, view/create/update calls 50. The service runs with the whole plan as its share
 * (FRESHDESK_RATE_SHARE=1), so the governor, not headroom, is what keeps it inside every limit.
 *
 * Two service processes, each with its own sandbox: one without a learned model (LEARN_INTERVAL=off:
 * every field only suggested), one that learns from the sandbox's labelled history at start (the
 * zero-config deployment). Tickets are created through the sandbox API beforehand by a client
 * under the same account governor (so their credits share the budget, but are not counted per
 * ticket); then `{"ticket_id": N}` is posted for each at /webhooks/freshservice at once, with
 * the sandbox's Workflow Automator on so our own update's echo comes back. Credits come from the
 * sandbox's own stats; the busiest minute of each limit from the arrival times of every sandbox
 * call (bench/support/sandbox-calls.ts), checked against those stats. The baseline is the call
 * sequence most integrations make, with the same client and no governor, against the same sandbox.
 */
export async function freshserviceCreditsBenchmark(options: BenchOptions): Promise<BenchResult> {
  const started = Date.now();
  const tickets = options.quick ? 8 : 50;
  const naiveTickets = options.quick ? 6 : 30;
  const redis = await startBenchRedis();
  try {
    const suggestOnly = await measureProcess(redis, {
      label: "no model",
      learn: false,
      tickets,
      naiveTickets: 0,
    });
    const learned = await measureProcess(redis, {
      label: "learned model",
      learn: true,
      tickets,
      naiveTickets,
      quick: options.quick,
    });
    return report([suggestOnly, learned], started);
  } finally {
    await redis.stop();
  }
}

async function measureProcess(
  redis: BenchRedis,
  run: { label: string; learn: boolean; tickets: number; naiveTickets: number; quick?: boolean },
): Promise<ProcessRun> {
  const prefix = `bench-fs-${run.learn ? "learned" : "suggest"}`;
  const service = await forkChild("bench/support/service-process.ts", {
    args: ["--web", "--worker", "--sandbox-calls"],
    env: childEnv({
      NODE_ENV: "production",
      SECRET_KEY: BENCH_SECRET_KEY,
      PORT: "0",
      REDIS_URL: redis.url,
      QUEUE_PREFIX: prefix,
      WEBHOOK_SECRET,
      SANDBOX_PRODUCT: "freshservice",
      SANDBOX_PLAN: PLAN,
      // Switched on once the tickets exist (creating them must not raise webhooks of its own).
      SANDBOX_AUTOMATIONS: "off",
      FRESHDESK_RATE_SHARE: "1",
      ...(run.learn
        ? {
            // Learns once at start; its calls run beside the ticket creation and are not counted per ticket.
            LEARN_INTERVAL: "24h",
            LEARN_RATE_SHARE: "0.9",
            ...(run.quick ? { LEARN_MAX_TICKETS: "300" } : {}),
          }
        : { LEARN_INTERVAL: "off" }),
      LOG_LEVEL: "warn",
    }),
  });
  const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
  try {
    const url = String(service.ready.url);
    const baseUrl = String(service.ready.freshdeskBaseUrl);
    const stats = () => service.ask<SandboxStats>("sandboxStats");
    // The benchmark's own client shares the service's account budget (same Redis keys).
    const governed = createFreshserviceClient({
      baseUrl,
      apiKey: "sandbox",
      governor: createRateGovernor({
        redis: connection,
        account: freshdeskAccountName(baseUrl),
        keyPrefix: prefix,
        share: 1,
        ...freshserviceGovernorLimits(PLAN),
      }),
    });

    const warmUp = run.learn ? undefined : await settledStats(stats);
    const ids = await createTickets(governed, run.tickets);
    let model: QualityReport["model"] = null;
    if (run.learn) {
      model = await waitForModel(service);
      await settledStats(stats);
    }

    await service.ask("setAutomations", { on: true });
    await service.ask("resetSandboxStats");
    const from = Date.now();
    let failedWebhooks = 0;
    await inPool(ids, 8, async (id) => {
      const response = await fetch(`${url}/webhooks/freshservice`, {
        method: "POST",
        headers: WEBHOOK_HEADERS,
        body: JSON.stringify({ ticket_id: id }),
      });
      await response.arrayBuffer();
      if (response.status !== 202) failedWebhooks++;
    });
    const triageStats = await untilNotes(stats, ids.length);
    const triage: Phase = { stats: triageStats, from, to: Date.now(), tickets: ids.length };
    const governedCalls = await service.ask<SandboxCall[]>("sandboxCalls", { from: 0 });
    checkAgainstStats(
      governedCalls.filter((call) => call.at >= from),
      triageStats,
    );

    let naive: Phase | undefined;
    let naiveCalls: SandboxCall[] = [];
    if (run.naiveTickets > 0) {
      // Off, or the naive updates would raise webhooks our service then reads for.
      await service.ask("setAutomations", { on: false });
      await service.ask("resetSandboxStats");
      const naiveFrom = Date.now();
      await naiveSequence(baseUrl, ids.slice(0, run.naiveTickets));
      const naiveStats = await settledStats(stats);
      naive = { stats: naiveStats, from: naiveFrom, to: Date.now(), tickets: run.naiveTickets };
      naiveCalls = await service.ask<SandboxCall[]>("sandboxCalls", { from: governedCalls.length });
      checkAgainstStats(naiveCalls, naiveStats);
    }
    return {
      label: run.label,
      warmUp,
      model,
      triage,
      naive,
      governedCalls,
      naiveCalls,
      failedWebhooks,
      readsAfterUpdate: readsAfterUpdate(governedCalls.filter((call) => call.at >= from)),
      perTicket: creditsPerTicket(governedCalls.filter((call) => call.at >= from)),
    };
  } finally {
    connection.disconnect();
    await service.stop();
  }
}

/** Tickets raised by seeded requesters (their departments and assets are the account's own). */
async function createTickets(client: FreshserviceClient, count: number): Promise<number[]> {
  const requesters = (await client.requesters.list({ perPage: 100 })).items.filter((r) => r.primary_email);
  if (requesters.length === 0) throw new Error("the Freshservice sandbox has no requester with an email");
  const ids: number[] = new Array(count);
  await inPool(
    Array.from({ length: count }, (_, i) => i),
    4,
    async (i) => {
      const [subject, text] = TEXTS[i % TEXTS.length]!;
      const ticket = await client.tickets.create({
        subject,
        description: `<div>${text}</div>`,
        email: requesters[(i * 7) % requesters.length]!.primary_email!,
        status: 2,
        priority: 1,
      });
      ids[i] = ticket.id;
    },
  );
  return ids;
}

async function waitForModel(service: BenchChild): Promise<QualityReport["model"]> {
  const deadline = Date.now() + 10 * MINUTE_MS;
  for (;;) {
    const { model } = await service.ask<QualityReport>("quality");
    if (model) return model;
    if (Date.now() > deadline) throw new Error("no model was learned within 10 minutes");
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/**
 * What most integrations do per ticket, one call per need, with the same client and no governor:
 * read the ticket with its requester, its conversations, search the KB, list the requester's
 * assets, update, add a note; a 429 is waited out (Retry-After) and retried.
 */
async function naiveSequence(baseUrl: string, ticketIds: number[]): Promise<void> {
  const client = createFreshserviceClient({ baseUrl, apiKey: "sandbox", maxRetries: 20 });
  await inPool(ticketIds, 4, async (id) => {
    const ticket = await client.tickets.get(id, { include: ["requester"] });
    await client.conversations.list(id);
    await client.solutions.search(ticket.subject ?? "");
    if (ticket.requester_id) await client.assets.list({ filter: `user_id:${ticket.requester_id}` });
    await client.tickets.update(id, { urgency: 2, impact: 2, priority: 2 });
    await client.conversations.addNote(id, { body: "<p>Triage summary.</p>", private: true });
  });
}

/**
 * An echo of our own update is meant to be recognised without a read; each read of a ticket that
 * follows our update of it is one that was not, timed from the update (ms).
 */
function readsAfterUpdate(calls: readonly SandboxCall[]): number[] {
  const updatedAt = new Map<string, number>();
  const delays: number[] = [];
  for (const call of [...calls].sort((a, b) => a.at - b.at)) {
    if (!/^\/tickets\/\d+$/.test(call.path) || call.status >= 400) continue;
    if (call.method === "PUT") updatedAt.set(call.path, call.at);
    const updated = updatedAt.get(call.path);
    if (call.method === "GET" && updated !== undefined) delays.push(call.at - updated);
  }
  return delays;
}

/** How many tickets cost each number of credits, counting every call on `/tickets/<id>…`. */
function creditsPerTicket(calls: readonly SandboxCall[]): Map<number, number> {
  const byTicket = new Map<string, number>();
  for (const call of calls) {
    const ticket = /^\/tickets\/(\d+)(?:\/|$)/.exec(call.path)?.[1];
    if (ticket) byTicket.set(ticket, (byTicket.get(ticket) ?? 0) + freshserviceCharge(call).credits);
  }
  const counts = new Map<number, number>();
  for (const credits of byTicket.values()) counts.set(credits, (counts.get(credits) ?? 0) + 1);
  return new Map([...counts].sort(([a], [b]) => a - b));
}

function describeCounts(counts: Map<number, number>): string {
  return [...counts].map(([credits, tickets]) => `${tickets} ticket(s) ${credits} credits`).join(", ");
}

/** The call log must charge what the sandbox's own stats charged, or its per-minute figures mean nothing. */
function checkAgainstStats(calls: readonly SandboxCall[], stats: SandboxStats): void {
  const credits = calls.map(freshserviceCharge).reduce((sum, call) => sum + call.credits, 0);
  const limited = calls.filter((call) => call.status === 429).length;
  if (
    credits !== stats.totalCredits ||
    limited !== stats.rateLimited ||
    calls.length !== stats.totalRequests
  ) {
    throw new Error(
      `the call log (${calls.length} requests, ${credits} credits, ${limited} 429s) disagrees with the sandbox's stats (${stats.totalRequests}, ${stats.totalCredits}, ${stats.rateLimited})`,
    );
  }
}

function report(runs: ProcessRun[], started: number): BenchResult {
  const limits = freshservicePlanLimits(PLAN);
  const [suggestOnly, learned] = runs as [ProcessRun, ProcessRun];
  const naive = learned.naive!;
  const per = (phase: Phase) => phase.stats.totalCredits / phase.tickets;
  const peaksOf = runs.map((run) => ({ run, peaks: freshserviceBucketPeaks(run.governedCalls, MINUTE_MS) }));
  const worst = (bucket: keyof FsBucketPeaks) =>
    Math.max(...peaksOf.map(({ peaks }) => peaks[bucket].credits));
  const governed429 = runs.reduce(
    (n, run) => n + run.governedCalls.filter((c) => c.status === 429).length,
    0,
  );
  const naivePeaks = freshserviceBucketPeaks(learned.naiveCalls, MINUTE_MS);
  const naiveLabel = "naive 6-call sequence";
  const minutes = (phase: Phase) => (phase.to - phase.from) / MINUTE_MS;
  const model = learned.model;

  return {
    name: "freshservice-credits",
    title: "Freshservice credits per triaged ticket and the Starter plan's limits",
    figures: [
      figure("ours, learned model, id-only body, echo included", per(learned.triage), "credits/ticket", {
        baseline: { label: naiveLabel, value: per(naive) },
        target: { atMost: 3 },
      }),
      figure(
        "most credits any one triaged ticket cost",
        Math.max(...runs.flatMap((run) => [...run.perTicket.keys()])),
        "credits",
        { target: { atMost: 3 } },
      ),
      figure("ours, no model (everything suggested)", per(suggestOnly.triage), "credits/ticket", {
        baseline: { label: naiveLabel, value: per(naive) },
        target: { atMost: 3 },
      }),
      figure("429 answers to our calls", governed429, "responses", {
        baseline: { label: "naive sequence, no governor", value: naive.stats.rateLimited },
        target: { atMost: 0 },
      }),
      figure(`busiest minute, overall (limit ${limits.overall})`, worst("overall"), "credits", {
        target: { atMost: limits.overall },
      }),
      figure(`busiest minute, list calls (limit ${limits.list})`, worst("list"), "credits", {
        target: { atMost: limits.list },
      }),
      figure(
        `busiest minute, view/create/update calls (limit ${limits.view_write})`,
        worst("view_write"),
        "credits",
        {
          target: { atMost: limits.view_write },
        },
      ),
      figure("account-wide warm-up at worker start (one-off)", suggestOnly.warmUp!.totalCredits, "credits"),
    ],
    notes: [
      `Embedded Freshservice sandbox on the ${PLAN} plan (${limits.overall} credits a minute; list ${limits.list}, view/create/update ${limits.view_write}), enforced by the sandbox with 429 + Retry-After; the service's governor held to the same plan with FRESHDESK_RATE_SHARE=1 (the whole plan, no headroom). One service process per run (web + worker thread), its own redis-server.`,
      `Per run: ${learned.triage.tickets} tickets created through the sandbox API by a client under the same account governor (not counted per ticket), then {"ticket_id": N} posted for all of them at once to /webhooks/freshservice (X-Webhook-Token); the Workflow Automator emulator on, so each update of ours comes back as a webhook (the echo). Counters reset before the webhooks; credits are the sandbox's own.`,
      `learned model (LEARN_INTERVAL=24h: one learning run at start from the sandbox's labelled history, LEARN_RATE_SHARE=0.9, beside the ticket creation; model v${model?.version ?? "?"} from ${model?.learnedFrom ?? "?"} tickets): ${breakdown(learned.triage)}; ${learned.triage.tickets} tickets in ${minutes(learned.triage).toFixed(2)} min.`,
      `no model (LEARN_INTERVAL=off): every field only suggested, so nothing is written unless a rule applies (the requester's department, which the sandbox already sets at creation): ${breakdown(suggestOnly.triage)}; ${suggestOnly.triage.tickets} tickets in ${minutes(suggestOnly.triage).toFixed(2)} min.`,
      `credits per ticket from the call log: learned model ${describeCounts(learned.perTicket)}; no model ${describeCounts(suggestOnly.perTicket)}.`,
      `busiest minute: the most credits arriving at the sandbox within any 60 s (any alignment, stricter than the sandbox's own fixed windows), over everything each service did from its start — warm-up, learning, the governed ticket creation and triage — counted from each call's arrival and checked against the sandbox's stats; per run: ${peaksOf.map(({ run, peaks }) => `${run.label} overall ${peaks.overall.credits}, list ${peaks.list.credits}, view/create/update ${peaks.view_write.credits}`).join("; ")}.`,
      `naive sequence (Freshservice client, no governor, up to 20 retries honouring Retry-After, 4 at a time, on ${naive.tickets} of the triaged tickets): get ticket with requester, list conversations, search solutions, list the requester's assets, update, add note: ${breakdown(naive)}; ${naive.stats.rateLimited} 429s in ${minutes(naive).toFixed(2)} min; its busiest minute overall ${naivePeaks.overall.credits}, list ${naivePeaks.list.credits}, view/create/update ${naivePeaks.view_write.credits}.`,
      `warm-up at worker start (ticket form, groups, agents, departments, requesters, assets, solution categories, folders and articles; refreshed every 10 minutes, not per ticket): ${breakdown({ stats: suggestOnly.warmUp!, from: 0, to: 0, tickets: 1 })}.`,
      ...runs
        .filter((run) => run.readsAfterUpdate.length > 0)
        .map(
          (run) =>
            `${run.label}: ${run.readsAfterUpdate.length} echo(es) of our own update answered with a read instead of the update's copy, ${run.readsAfterUpdate.map((ms) => `${ms} ms`).join(", ")} after that update reached the sandbox.`,
        ),
      ...(runs.some((run) => run.failedWebhooks > 0)
        ? [
            `webhooks not answered 202: ${runs.map((run) => `${run.label} ${run.failedWebhooks}`).join(", ")}.`,
          ]
        : []),
    ],
    durationSeconds: (Date.now() - started) / 1000,
  };
}

function breakdown(phase: Phase): string {
  return Object.entries(phase.stats.endpoints)
    .filter(([, e]) => e.credits > 0)
    .map(([route, e]) => `${route} ${Math.round((e.credits / phase.tickets) * 100) / 100}`)
    .join(", ");
}

/** The counters once `count` notes are posted and every echo has been handled (they stop moving). */
async function untilNotes(read: () => Promise<SandboxStats>, count: number): Promise<SandboxStats> {
  const deadline = Date.now() + 10 * MINUTE_MS;
  while (((await read()).endpoints[NOTE_ROUTE]?.requests ?? 0) < count) {
    if (Date.now() > deadline) throw new Error(`fewer than ${count} notes were posted in 10 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return settledStats(read, 2000);
}

/** The sandbox counters once they have stopped moving for `quietMs`. */
async function settledStats(read: () => Promise<SandboxStats>, quietMs = 1000): Promise<SandboxStats> {
  let previous = await read();
  for (let quiet = 0; quiet < quietMs; ) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const current = await read();
    quiet = current.totalRequests === previous.totalRequests && current.totalRequests > 0 ? quiet + 200 : 0;
    previous = current;
  }
  return previous;
}
