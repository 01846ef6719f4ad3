import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { AuditEntry } from "../../src/mcp/audit.ts";
import { createAuditLog, summarizeArguments } from "../../src/mcp/audit.ts";
import { callTool, connectInProcessClient } from "../../src/mcp/in-process-client.ts";
import { pipelinePolicy } from "../../src/mcp/pipeline-policy.ts";
import {
  type Backend,
  connectHttpClient,
  startBackend,
  startWeb,
  TOKENS,
  type WebServer,
} from "./support/harness.ts";

let backend: Backend;
let web: WebServer;
let remote: Client;
let pipeline: Client;

beforeAll(async () => {
  backend = await startBackend();
  web = await startWeb(backend);
  remote = await connectHttpClient(web.url, TOKENS.write);
  pipeline = await connectInProcessClient(backend.deps, pipelinePolicy());
});

afterAll(async () => {
  await remote.close();
  await pipeline.close();
  await web.close();
  await backend.close();
});

async function auditOverHttp(token?: string): Promise<Response> {
  return fetch(`${web.url}/admin/audit?count=50`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

it("records every write from any client in the Redis stream, without bodies, and reads stay out", async () => {
  const secret = "The customer's card number is in the attachment";
  await remote.callTool({ name: "add_note", arguments: { ticket_id: 10, body: secret } });
  await remote.callTool({ name: "get_ticket", arguments: { ticket_id: 10 } });
  await callTool(pipeline, "update_ticket", { ticket_id: 10, priority: 2 });
  await pipeline.callTool({ name: "add_note", arguments: { ticket_id: 10, body: "x", private: false } });
  await remote.callTool({ name: "update_ticket", arguments: { ticket_id: 999_999, priority: 2 } });

  const raw = await backend.redis.xrange(`${backend.prefix}:audit`, "-", "+");
  expect(raw).toHaveLength(4);
  expect(JSON.stringify(raw)).not.toContain(secret);

  const entries = await backend.audit.recent(10);
  expect(entries.map((e) => [e.caller, e.tool, e.outcome, e.code])).toEqual([
    ["writer", "update_ticket", "error", "freshdesk_not_found"],
    ["pipeline", "add_note", "refused", "forbidden"],
    ["pipeline", "update_ticket", "ok", undefined],
    ["writer", "add_note", "ok", undefined],
  ]);
  expect(entries[3]!.args).toEqual({ ticket_id: 10, body: `<${secret.length} characters>`, private: true });
  expect(Date.parse(entries[0]!.at)).toBeGreaterThan(Date.now() - 60_000);
});

it("serves the log at GET /admin/audit to admin tokens only", async () => {
  expect((await auditOverHttp()).status).toBe(401);
  expect((await auditOverHttp(TOKENS.write)).status).toBe(403);
  const response = await auditOverHttp(TOKENS.admin);
  expect(response.status).toBe(200);
  const { entries } = (await response.json()) as { entries: AuditEntry[] };
  expect(entries.length).toBeGreaterThan(0);
  expect(entries[0]).toMatchObject({
    tool: expect.any(String),
    caller: expect.any(String),
    outcome: expect.any(String),
  });

  const bad = await fetch(`${web.url}/admin/audit?count=abc`, {
    headers: { authorization: `Bearer ${TOKENS.admin}` },
  });
  expect(bad.status).toBe(400);
});

it("keeps the stream bounded", async () => {
  const key = `${backend.prefix}:bounded`;
  const log = createAuditLog({ redis: backend.redis, key, maxLength: 10 });
  for (let i = 0; i < 500; i++)
    await log.record({ caller: "c", tool: "add_note", args: { i }, outcome: "ok" });
  // MAXLEN ~ trims whole nodes, so the length stays near the bound rather than exactly at it.
  expect(await backend.redis.xlen(key)).toBeLessThan(250);
  expect((await log.recent(1))[0]!.args).toEqual({ i: 499 });
});

it("summarises arguments without their free text", () => {
  expect(
    summarizeArguments({
      ticket_id: 1,
      body: "hello",
      tags: ["a"],
      custom_fields: { cf_a: 1, cf_b: 2 },
      gone: undefined,
    }),
  ).toEqual({ ticket_id: 1, body: "<5 characters>", tags: ["a"], custom_fields: "<object with 2 keys>" });
});
