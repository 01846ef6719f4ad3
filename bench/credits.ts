import { createFreshdeskClient } from "../src/freshdesk/index.ts";
import type { SandboxStats } from "../src/sandbox/app.ts";
import type { BenchOptions } from "./options.ts";
import { BENCH_SECRET_KEY, childEnv, forkChild } from "./support/processes.ts";
import { startBenchRedis } from "./support/redis.ts";
import { type BenchResult, figure } from "./support/report.ts";
import { NOTE_ROUTE, sandboxApi } from "./support/sandbox-api.ts";
import { ticketBody } from "./support/ticket-texts.ts";
import { fireWebhook, idOnlyBody, inPool, WEBHOOK_SECRET } from "./support/webhook-bodies.ts";

const PREFIX = "bench-credits";

/**
 * Freshdesk credits per triaged ticket, as the sandbox charges them (reference §3.3): ours with
 * the id-only payload, ours with the README's recommended advanced payload, and the naive
 * sequence most integrations make, all against the same sandbox. Account-wide caches are warmed
 * by a first ticket whose credits are reported on their own.
 */
export async function creditsBenchmark(options: BenchOptions): Promise<BenchResult> {
  const started = Date.now();
  const perScenario = options.quick ? 20 : 100;
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
      // Only triage's credits are counted: no learning run reads the history meanwhile.
      LEARN_INTERVAL: "off",
      LOG_LEVEL: "warn",
    }),
  });
  const url = String(service.ready.url);
  const api = sandboxApi(`${url}/sandbox`);
  const stats = () => service.ask<SandboxStats>("sandboxStats");
  const notes = async () => (await stats()).endpoints[NOTE_ROUTE]?.requests ?? 0;
  const waitForNotes = async (count: number) => {
    const deadline = Date.now() + 120_000;
    while ((await notes()) < count) {
      if (Date.now() > deadline) throw new Error(`only ${await notes()} of ${count} notes were posted`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  /** Fires one webhook per ticket and returns what the sandbox charged for their triage. */
  const triage = async (ids: number[], body: (id: number, index: number) => string) => {
    await service.ask("resetSandboxStats");
    await inPool(
      ids.map((id, index) => ({ id, index })),
      4,
      async ({ id, index }) => {
        const status = await fireWebhook(url, body(id, index));
        if (status !== 202) throw new Error(`webhook for ticket ${id} answered ${status}`);
      },
    );
    await waitForNotes(ids.length);
    return stats();
  };

  try {
    // The worker preloads the account-wide data when it starts; that is the one-off cost.
    const atStart = await settledStats(stats);
    const ticketIds = await api.createTickets(1 + 2 * perScenario);
    const textIndex = new Map(ticketIds.map((id, index) => [id, index]));
    const [warmId, ...rest] = ticketIds;
    const warm = await triage([warmId!], idOnlyBody);
    const idOnly = await triage(rest.slice(0, perScenario), idOnlyBody);
    const recommended = await triage(rest.slice(perScenario), (id) =>
      recommendedBody(id, textIndex.get(id)!),
    );
    const naive = await naiveSequence(`${url}/sandbox`, rest, service.ask.bind(service), perScenario);

    const per = (s: SandboxStats) => s.totalCredits / perScenario;
    const naiveLabel = "naive 7-call sequence";
    return {
      name: "credits",
      title: "Freshdesk credits per triaged ticket",
      figures: [
        figure("ours, id-only payload", per(idOnly), "credits/ticket", {
          baseline: { label: naiveLabel, value: per(naive) },
          target: { atMost: 3 },
        }),
        figure("ours, recommended advanced payload", per(recommended), "credits/ticket", {
          baseline: { label: naiveLabel, value: per(naive) },
          target: { atMost: 2 },
        }),
        figure("account-wide warm-up at worker start (one-off)", atStart.totalCredits, "credits"),
        figure("first ticket after start", warm.totalCredits, "credits"),
      ],
      notes: [
        `${perScenario} tickets per scenario, created in the sandbox beforehand (not counted); counters reset before each scenario; one service process (web + worker, embedded sandbox on the unlimited plan, automations off).`,
        `id-only: ${breakdown(idOnly, perScenario)}.`,
        `recommended payload (README's advanced JSON: subject, description, status, priority, source, type, tags, group, agent, requester, company): ${breakdown(recommended, perScenario)}.`,
        `naive sequence with the Freshdesk client (get ticket, list conversations, search solutions, list canned responses of one folder, get contact, update, add note): ${breakdown(naive, perScenario)}.`,
        `warm-up at worker start (groups, agents, ticket types, ticket fields, solution categories, folders and articles; refreshed every 10 minutes, not per ticket): ${breakdown(atStart, 1)}.`,
        `first ticket after start: ${breakdown(warm, 1)}.`,
      ],
      durationSeconds: (Date.now() - started) / 1000,
    };
  } finally {
    await service.stop();
    await redis.stop();
  }
}

/** The README's recommended advanced payload, rendered as Freshdesk would for a new ticket. */
function recommendedBody(ticketId: number, textIndex: number): string {
  const text = ticketBody(textIndex);
  return JSON.stringify({
    ticket_id: String(ticketId),
    triggered_event: '{"ticket_action":"created"}',
    ticket_subject: text.subject,
    ticket_description: text.description,
    ticket_status: "Open",
    ticket_priority: "Low",
    ticket_source: "Email",
    ticket_type: "",
    ticket_tags: "",
    ticket_group_name: "",
    ticket_agent_email: "",
    ticket_requester_email: text.email,
    ticket_company_name: "",
    ticket_requester_company_account_tier: "",
  });
}

/** What most integrations do per ticket, one call per need, on tickets already triaged by us. */
async function naiveSequence(
  baseUrl: string,
  ticketIds: number[],
  ask: <T>(type: string) => Promise<T>,
  count: number,
): Promise<SandboxStats> {
  const client = createFreshdeskClient({ baseUrl, apiKey: "sandbox" });
  const folder = (await client.cannedResponses.listFolders()).items[0];
  if (!folder) throw new Error("the sandbox has no canned response folder");
  await ask("resetSandboxStats");
  await inPool(ticketIds.slice(0, count), 4, async (id) => {
    const ticket = await client.tickets.get(id);
    await client.conversations.list(id);
    await client.solutions.search(ticket.subject ?? "");
    await client.cannedResponses.listInFolder(folder.id);
    if (ticket.requester_id) await client.contacts.get(ticket.requester_id);
    await client.tickets.update(id, { priority: 2, tags: ["naive-triage"] });
    await client.conversations.addNote(id, { body: "<p>Triage summary.</p>", private: true });
  });
  return ask<SandboxStats>("sandboxStats");
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
