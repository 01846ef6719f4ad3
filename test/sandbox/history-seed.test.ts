import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildHistory, HISTORY_FIRST_ID } from "../../src/sandbox/seed/history.ts";
import { buildSeed } from "../../src/sandbox/seed/index.ts";
import { type SandboxServer, startSandboxServer } from "../support/sandbox-server.ts";

const NOW = Date.parse("2026-03-20T10:00:00Z");
const DAY_MS = 86_400_000;
const history = buildHistory(NOW);
const labelled = history.tickets.filter((t) => !t.spam && t.deleted !== true);
const groupNames = new Map(buildSeed(NOW).groups.map((g) => [g.id, g.name]));

describe("the seeded ticket history", () => {
  it("has over a thousand resolved or closed tickets across every group, type and priority", () => {
    expect(labelled.length).toBeGreaterThanOrEqual(1000);
    expect(new Set(labelled.map((t) => t.status))).toEqual(new Set([4, 5]));
    const groups = new Set(labelled.map((t) => (t.group_id === null ? null : groupNames.get(t.group_id))));
    expect(groups).toEqual(
      new Set(["Technical Support", "Billing", "Engineering", "Product", "General Support", null]),
    );
    expect(new Set(labelled.map((t) => t.type))).toEqual(
      new Set(["Question", "Incident", "Problem", "Feature Request", null]),
    );
    expect(new Set(labelled.map((t) => t.priority))).toEqual(new Set([1, 2, 3, 4]));
    for (const name of groups) {
      if (name === null) continue;
      expect(labelled.filter((t) => groupNames.get(t.group_id ?? 0) === name).length, name).toBeGreaterThan(
        60,
      );
    }
  });

  it("is varied: many phrasings, names and numbers, some tickets about two things", () => {
    expect(new Set(labelled.map((t) => t.subject)).size).toBeGreaterThan(150);
    expect(new Set(labelled.map((t) => t.description_text)).size).toBeGreaterThan(labelled.length * 0.9);
    expect(labelled.some((t) => /INV-\d{5}/.test(t.description_text))).toBe(true);
    const notes = [...history.notes.values()];
    const ambiguous = notes.filter((n) => n.ambiguous).length / notes.length;
    expect(ambiguous).toBeGreaterThan(0.04);
    expect(ambiguous).toBeLessThan(0.12);
  });

  it("carries about 10 % inconsistent labels", () => {
    const notes = [...history.notes.values()];
    const share = notes.filter((n) => n.inconsistent).length / notes.length;
    expect(share).toBeGreaterThan(0.07);
    expect(share).toBeLessThan(0.13);
  });

  it("was created more than a month ago and updated within the last six months", () => {
    for (const t of history.tickets) {
      expect(Date.parse(t.created_at)).toBeLessThan(NOW - 32 * DAY_MS);
      expect(Date.parse(t.updated_at)).toBeGreaterThan(NOW - 180 * DAY_MS);
      expect(Date.parse(t.updated_at)).toBeLessThan(NOW);
    }
  });

  it("includes spam and deleted tickets, and is the same for the same clock", () => {
    expect(history.tickets.filter((t) => t.spam).length).toBeGreaterThan(10);
    expect(history.tickets.filter((t) => t.deleted === true).length).toBeGreaterThan(5);
    expect(buildHistory(NOW).tickets).toEqual(history.tickets);
    const requesters = new Set(history.contacts.map((c) => c.id));
    for (const t of history.tickets) expect(requesters.has(t.requester_id)).toBe(true);
  });
});

describe("a sandbox with the history", () => {
  let plain: SandboxServer;
  let withHistory: SandboxServer;
  const get = async (server: SandboxServer, path: string) => {
    const response = await fetch(`${server.baseUrl}/api/v2${path}`, {
      headers: { authorization: `Basic ${Buffer.from(`${server.apiKey}:X`).toString("base64")}` },
    });
    expect(response.status, path).toBeLessThan(300);
    return (await response.json()) as Array<{ id: number; status: number }>;
  };

  beforeAll(async () => {
    [plain, withHistory] = await Promise.all([
      startSandboxServer({ plan: "unlimited" }),
      startSandboxServer({ plan: "unlimited", history: true }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([plain.close(), withHistory.close()]);
  });

  it("shows the same default ticket list, and new tickets take the next small id", async () => {
    const ids = (list: Array<{ id: number }>) => list.map((t) => t.id);
    expect(ids(await get(withHistory, "/tickets?per_page=100"))).toEqual(
      ids(await get(plain, "/tickets?per_page=100")),
    );
    const response = await fetch(`${withHistory.baseUrl}/api/v2/tickets`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${withHistory.apiKey}:X`).toString("base64")}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ subject: "New", description: "A new ticket", email: "new@example.com" }),
    });
    const created = (await response.json()) as { id: number };
    expect(created.id).toBe(buildSeed(Date.now()).tickets.length + 1);
  });

  it("lists the history with updated_since, without spam or deleted tickets", async () => {
    const since = new Date(Date.now() - 180 * DAY_MS).toISOString();
    const page = await get(
      withHistory,
      `/tickets?updated_since=${since}&per_page=100&order_by=updated_at&order_type=asc`,
    );
    expect(page).toHaveLength(100);
    expect(page.filter((t) => t.id >= HISTORY_FIRST_ID).length).toBeGreaterThan(90);
    const spam = await get(withHistory, `/tickets?filter=spam&updated_since=${since}&per_page=100`);
    expect(spam.filter((t) => t.id >= HISTORY_FIRST_ID).length).toBeGreaterThan(10);
  });
});
