import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCursorCodec } from "../../src/mcp/output/cursor.ts";
import {
  type Backend,
  CURSOR_SECRET,
  connectHttpClient,
  startBackend,
  startWeb,
  TOKENS,
  type WebServer,
} from "./support/harness.ts";

/**
 * Paging through /mcp with the official SDK client, under a size cap small enough that a page
 * of Freshdesk results never fits in one result.
 */

const TAG = "paging-probe";
const MATCHING = 32;
const MAX_RESULT_CHARS = 6000;

type Page = { items: { id: number }[]; next_cursor?: string; total?: number; notice?: string };
type CallResult = Awaited<ReturnType<Client["callTool"]>>;

let backend: Backend;
let web: WebServer;
let client: Client;
const errorLog: string[] = [];

beforeAll(async () => {
  backend = await startBackend();
  for (let i = 0; i < MATCHING; i++) {
    await backend.freshdesk.tickets.create({
      email: `paging-${i}@example.org`,
      subject: `Paging probe ${i}: ${"a long subject that keeps going ".repeat(7)}`.slice(0, 250),
      description: `<p>${`Probe ${i} has a long description. `.repeat(150)}</p>`,
      status: 2,
      priority: 1 + (i % 4),
      tags: [TAG, `probe-${i}`],
    });
  }
  const logger = pino({ level: "warn" }, { write: (line: string) => void errorLog.push(line) });
  web = await startWeb({
    ...backend,
    deps: { ...backend.deps, logger, limits: { maxResultChars: MAX_RESULT_CHARS } },
  });
  client = await connectHttpClient(web.url, TOKENS.read);
  // Listing makes the SDK client check every structured result against the advertised output schema.
  await client.listTools();
});

afterAll(async () => {
  await client.close();
  await web.close();
  await backend.close();
});

async function call(name: string, args: Record<string, unknown>): Promise<CallResult> {
  return client.callTool({ name, arguments: args });
}

async function page(name: string, args: Record<string, unknown>): Promise<Page> {
  const result = await call(name, args);
  expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
  return result.structuredContent as Page;
}

/** Follows next_cursor to the end; returns the ids in the order they came and the cursors seen. */
async function pageThrough(name: string, first: Record<string, unknown>) {
  const ids: number[] = [];
  const cursors: string[] = [];
  let current = await page(name, first);
  for (let calls = 1; ; calls++) {
    expect(JSON.stringify(current).length).toBeLessThanOrEqual(MAX_RESULT_CHARS);
    ids.push(...current.items.map((t) => t.id));
    if (!current.next_cursor) break;
    expect(calls, "paging does not end").toBeLessThan(200);
    cursors.push(current.next_cursor);
    current = await page(name, { cursor: current.next_cursor });
  }
  return { ids, cursors };
}

function signedCursor(tool: string, args: Record<string, unknown>): string {
  return createCursorCodec(CURSOR_SECRET).encode(tool, { page: 1, offset: 0 }, args);
}

function errorOf(result: CallResult): { code: string | undefined; text: string } {
  const meta = result._meta?.error as { code?: string } | undefined;
  return { code: meta?.code, text: (result.content as { text: string }[])[0]!.text };
}

describe("paging by size", () => {
  it("reaches each of 32 matching tickets exactly once, with a query longer than 300 characters", async () => {
    const clause = `(tag:'${TAG}' AND (status:2 OR status:3))`;
    let query = clause;
    while (query.length < 400) query += ` OR ${clause}`;
    const { ids, cursors } = await pageThrough("search_tickets", { query });

    expect(ids).toHaveLength(MATCHING);
    expect(new Set(ids).size).toBe(MATCHING);
    // Freshdesk pages hold 30; the cap makes every page come in several parts.
    expect(cursors.length).toBeGreaterThan(2);
    expect(Math.min(...cursors.map((c) => c.length))).toBeGreaterThan(300);
  });

  it("pages list_tickets with per_page 100 by size, and reaches every ticket Freshdesk lists", async () => {
    const args = { updated_since: "2000-01-01T00:00:00Z", per_page: 100, include_description: true };
    const { ids } = await pageThrough("list_tickets", args);

    const expected: number[] = [];
    for (let p = 1; ; p++) {
      const batch = (await backend.sandboxGet(
        `/tickets?updated_since=2000-01-01T00:00:00Z&per_page=100&page=${p}`,
      )) as { id: number }[];
      expected.push(...batch.map((t) => t.id));
      if (batch.length < 100) break;
    }
    expect(expected.length).toBeGreaterThan(MATCHING);
    expect(ids).toEqual(expected);
  });

  it("says that the page came in parts, and how to get the rest", async () => {
    const first = await page("list_tickets", { updated_since: "2000-01-01T00:00:00Z", per_page: 100 });
    expect(first.notice).toMatch(/next_cursor continues with the next one/);
    expect(first.notice).not.toMatch(/per_page/);
  });
});

describe("cursors", () => {
  it("refuse a forged unsigned cursor with a clear invalid-arguments error, and log nothing", async () => {
    const forged = Buffer.from(JSON.stringify({ t: "search_tickets", p: 1, f: { query: 123 } })).toString(
      "base64url",
    );
    const result = await call("search_tickets", { cursor: forged });
    expect(result.isError).toBe(true);
    expect(errorOf(result)).toEqual({
      code: "bad_request",
      text: expect.stringMatching(/^Invalid cursor: it is not one that search_tickets returned/),
    });
    expect(errorLog).toEqual([]);
  });

  it("refuse a tampered cursor", async () => {
    const first = await page("search_tickets", { query: `tag:'${TAG}'` });
    const [payload, signature] = first.next_cursor!.split(".") as [string, string];
    const state = JSON.parse(Buffer.from(payload, "base64url").toString()) as { a: { query: string } };
    state.a.query = `${state.a.query} OR status:5`;
    const tampered = `${Buffer.from(JSON.stringify(state)).toString("base64url")}.${signature}`;

    const result = await call("search_tickets", { cursor: tampered });
    expect(errorOf(result).code).toBe("bad_request");
    expect(errorOf(result).text).toMatch(/^Invalid cursor/);
    expect((await page("search_tickets", { cursor: first.next_cursor! })).items.length).toBeGreaterThan(0);
  });

  it("check a signed cursor's contents against the input schema again", async () => {
    const before = backend.sandbox.sandbox.stats().totalRequests;
    const injected = await call("list_unassigned_tickets", {
      cursor: signedCursor("list_unassigned_tickets", { group_id: "1 OR status:2" }),
    });
    expect(errorOf(injected)).toEqual({
      code: "bad_request",
      text: expect.stringMatching(/^Invalid cursor contents for list_unassigned_tickets: group_id:/),
    });
    const wrongType = await call("search_tickets", {
      cursor: signedCursor("search_tickets", { query: 123 }),
    });
    expect(errorOf(wrongType)).toEqual({
      code: "bad_request",
      text: expect.stringMatching(/^Invalid cursor contents for search_tickets: query:/),
    });
    // Refused before anything reached Freshdesk, and not logged as a failure of ours.
    expect(backend.sandbox.sandbox.stats().totalRequests).toBe(before);
    expect(errorLog).toEqual([]);
  });

  it("refuse a cursor of another tool and arguments that disagree with the cursor", async () => {
    const first = await page("search_tickets", { query: `tag:'${TAG}'` });
    expect(errorOf(await call("search_contacts", { cursor: first.next_cursor! })).text).toMatch(
      /not one that search_contacts returned/,
    );
    expect(
      errorOf(await call("search_tickets", { cursor: first.next_cursor!, query: "status:2" })).text,
    ).toMatch(/"query" differs from the query the cursor belongs to/);
  });
});

describe("text content", () => {
  it("carries the serialized structured result for clients that ignore structuredContent", async () => {
    const result = await call("search_tickets", { query: `tag:'${TAG}'` });
    const content = result.content as { type: string; text: string }[];
    expect(content.map((block) => block.type)).toEqual(["text", "text"]);
    expect(JSON.parse(content[1]!.text)).toEqual(result.structuredContent);
    expect(content[1]!.text).toContain((result.structuredContent as Page).next_cursor!);
  });
});
