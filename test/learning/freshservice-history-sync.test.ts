import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { createExamplesStore } from "../../src/learning/examples-store.ts";
import { syncFreshserviceHistory } from "../../src/learning/freshservice-history-sync.ts";
import { createOverrideStore } from "../../src/learning/overrides.ts";
import { testRedis } from "../support/redis.ts";

/**
 * The Freshservice history sync over MCP, against a tool server that answers `filter_tickets`
 * and `list_groups` with the Freshservice tools' contract (30 a page, the total, a cursor, items
 * newest created first) from an in-memory account, evaluating the part of the filter language
 * the sync uses. `pageCap` stops paging early, as the real filter may [open].
 */
type Ticket = {
  id: number;
  subject: string;
  description_text: string;
  status: number;
  priority: number;
  urgency: number;
  impact: number;
  category?: string;
  sub_category?: string;
  item_category?: string;
  group_id?: number;
  type: string;
  spam?: boolean;
  created_at: string;
  updated_at: string;
};

const GROUPS = [
  { id: 1, name: "Hardware" },
  { id: 2, name: "Network" },
];
const DAY = 86_400_000;
const NOW = new Date("2026-06-30T12:00:00Z");

function account(count: number): Ticket[] {
  return Array.from({ length: count }, (_, i) => {
    const created = new Date(NOW.getTime() - (count - i) * 0.1 * DAY);
    return {
      id: i + 1,
      subject: i % 2 ? "wifi drops" : "laptop will not boot",
      description_text: i % 2 ? "the office wifi drops every hour" : "my thinkpad shows a black screen",
      status: i % 5 === 0 ? 2 : i % 2 ? 4 : 5,
      priority: (i % 4) + 1,
      urgency: (i % 3) + 1,
      impact: ((i + 1) % 3) + 1,
      category: i % 2 ? "Network" : "Hardware",
      sub_category: i % 2 ? "Wi-Fi" : "Computer",
      item_category: i % 2 ? "Office Wi-Fi" : "Windows Laptop",
      group_id: i % 2 ? 2 : 1,
      type: i % 7 === 0 ? "Service Request" : "Incident",
      created_at: created.toISOString(),
      updated_at: new Date(created.getTime() + 3_600_000).toISOString(),
    };
  });
}

/** The clauses the sync asks for: status alternatives, updated_at/created_at day bounds. */
function matches(ticket: Ticket, query: string): boolean {
  const statuses = [...query.matchAll(/status:(\d)/g)].map((m) => Number(m[1]));
  if (statuses.length > 0 && !statuses.includes(ticket.status)) return false;
  const after = /updated_at:>'(\d{4}-\d{2}-\d{2})'/.exec(query)?.[1];
  if (after && ticket.updated_at.slice(0, 10) < after) return false;
  const before = /created_at:<'(\d{4}-\d{2}-\d{2})'/.exec(query)?.[1];
  if (before && ticket.created_at.slice(0, 10) > before) return false;
  return true;
}

async function toolServer(tickets: Ticket[], options: { pageCap?: number; groupNames?: boolean } = {}) {
  const server = new McpServer({ name: "freshservice-fake", version: "0.0.0" });
  const queries: string[] = [];
  server.registerTool(
    "filter_tickets",
    { inputSchema: { query: z.string().optional(), cursor: z.string().optional() } },
    async ({ query, cursor }) => {
      const [asked, pageText] = cursor ? (JSON.parse(cursor) as [string, number]) : [query as string, 1];
      const page = Number(pageText);
      if (!cursor) queries.push(asked);
      const all = tickets
        .filter((t) => matches(t, asked))
        .sort((a, b) => b.created_at.localeCompare(a.created_at));
      const items = all.slice((page - 1) * 30, page * 30).map((t) => ({
        ...t,
        ...(t.group_id && options.groupNames !== false
          ? { group_name: GROUPS.find((g) => g.id === t.group_id)?.name }
          : {}),
        spam: t.spam ? true : undefined,
      }));
      const more = page * 30 < all.length && page < (options.pageCap ?? Number.POSITIVE_INFINITY);
      const result = {
        total: all.length,
        items,
        ...(more ? { next_cursor: JSON.stringify([asked, page + 1]) } : {}),
      };
      return { content: [{ type: "text", text: `${items.length} tickets` }], structuredContent: result };
    },
  );
  server.registerTool("list_groups", { inputSchema: {} }, async () => ({
    content: [{ type: "text", text: "groups" }],
    structuredContent: { items: GROUPS },
  }));
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: "learning-test", version: "0.0.0" });
  await client.connect(clientSide);
  return { client, queries, close: () => client.close() };
}

const redis = testRedis();
const opened: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const o of opened.splice(0)) await o.close();
});
afterAll(() => redis.close());

function store(account: string, maxExamples = 10_000) {
  return createExamplesStore({ redis: redis.redis, prefix: redis.prefix, account, maxExamples });
}

describe("reading a Freshservice account's history", () => {
  it("stores resolved and closed tickets with all eight labels, then reads incrementally", async () => {
    const tickets = account(300);
    const server = await toolServer(tickets);
    opened.push(server);
    const examples = store("fs-sync-a");
    const first = await syncFreshserviceHistory({
      client: server.client,
      store: examples,
      days: 90,
      maxTickets: 5000,
      now: () => NOW,
    });
    expect(first.mode).toBe("full");
    expect(server.queries[0]).toBe("(status:4 OR status:5) AND updated_at:>'2026-04-01'");
    const resolved = tickets.filter((t) => t.status === 4 || t.status === 5);
    expect(first.stored).toBe(resolved.length);
    expect(first.calls).toBe(Math.ceil(resolved.length / 30));
    const stored = await examples.all();
    expect(stored).toHaveLength(resolved.length);
    const one = stored.find((e) => e.id === 2);
    expect(one).toMatchObject({
      subject: "wifi drops",
      description: "the office wifi drops every hour",
      labels: {
        category: "Network",
        sub_category: "Wi-Fi",
        item_category: "Office Wi-Fi",
        urgency: 2,
        impact: 3,
        priority: 2,
        group: "Network",
        type: "Incident",
      },
    });

    // An agent reopens one ticket and resolves another; the next run reads from the high-water day.
    const reopened = tickets.find((t) => t.id === 2) as Ticket;
    reopened.status = 2;
    reopened.updated_at = "2026-06-30T11:00:00.000Z";
    const resolvedNow = tickets.find((t) => t.id === 1) as Ticket;
    resolvedNow.status = 4;
    resolvedNow.updated_at = "2026-06-30T11:30:00.000Z";
    const second = await syncFreshserviceHistory({
      client: server.client,
      store: examples,
      days: 90,
      maxTickets: 5000,
      now: () => NOW,
    });
    expect(second.mode).toBe("incremental");
    expect(server.queries[1]).toBe(`updated_at:>'${first.highWater?.slice(0, 10)}'`);
    // Only the last day or so is read again, not the whole history.
    expect(second.listed).toBeLessThan(40);
    expect(second.removed).toBeGreaterThanOrEqual(1);
    const ids = new Set((await examples.all()).map((e) => e.id));
    expect(ids.has(2)).toBe(false);
    expect(ids.has(1)).toBe(true);
  });

  it("asks again from older creation days when the filter stops paging early, and names groups via list_groups", async () => {
    const tickets = account(400);
    const server = await toolServer(tickets, { pageCap: 3, groupNames: false });
    opened.push(server);
    const examples = store("fs-sync-b");
    const report = await syncFreshserviceHistory({
      client: server.client,
      store: examples,
      days: 90,
      maxTickets: 5000,
      now: () => NOW,
    });
    const resolved = tickets.filter((t) => t.status === 4 || t.status === 5);
    expect(report.stored).toBe(resolved.length);
    expect(server.queries.length).toBeGreaterThan(1);
    expect(server.queries[1]).toMatch(/AND created_at:<'\d{4}-\d{2}-\d{2}'$/);
    const labels = (await examples.all()).map((e) => e.labels.group);
    expect(new Set(labels)).toEqual(new Set(["Hardware", "Network"]));
  });

  it("stops at LEARN_MAX_TICKETS and leaves spam out", async () => {
    const tickets = account(300);
    (tickets[299] as Ticket).spam = true;
    (tickets[299] as Ticket).status = 4;
    const server = await toolServer(tickets);
    opened.push(server);
    const examples = store("fs-sync-c");
    const report = await syncFreshserviceHistory({
      client: server.client,
      store: examples,
      days: 90,
      maxTickets: 50,
      now: () => NOW,
    });
    expect(report.capped).toBe(true);
    expect(report.calls).toBe(2);
    const ids = (await examples.all()).map((e) => e.id);
    expect(ids).not.toContain(300);
    expect(ids.length).toBeLessThanOrEqual(60);
  });

  it("takes an agent's correction on a ticket still open, with the corrected field only", async () => {
    const tickets = account(100);
    const server = await toolServer(tickets);
    opened.push(server);
    const examples = store("fs-sync-d");
    const overrides = createOverrideStore({
      redis: redis.redis,
      prefix: redis.prefix,
      account: "fs-sync-d",
      fields: ["urgency", "category"],
    });
    const sync = () =>
      syncFreshserviceHistory({
        client: server.client,
        store: examples,
        days: 90,
        maxTickets: 5000,
        overrides,
        now: () => NOW,
      });
    await sync();
    const open = tickets.find((t) => t.status === 2) as Ticket;
    expect((await examples.has([open.id]))[0]).toBe(false);
    // Triage applied urgency 1; an agent set 3 on the open ticket.
    open.urgency = 3;
    open.updated_at = "2026-06-30T11:45:00.000Z";
    await overrides.record({
      field: "urgency",
      ticketId: open.id,
      from: 1,
      to: 3,
      at: "2026-06-30T11:45:00.000Z",
      appliedAt: "2026-06-30T11:00:00.000Z",
      seen: "update",
    });
    await sync();
    const stored = (await examples.all()).find((e) => e.id === open.id);
    expect(stored?.labels).toEqual({ urgency: 3 });
  });
});
