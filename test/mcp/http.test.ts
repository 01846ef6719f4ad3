import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Backend,
  connectHttpClient,
  postMcp,
  postWithHost,
  startBackend,
  startWeb,
  TOKENS,
  type WebServer,
} from "./support/harness.ts";

const LIST_TOOLS = { jsonrpc: "2.0", id: 1, method: "tools/list", params: {} };

let backend: Backend;
let web: WebServer;
const clients: Client[] = [];

async function client(token: string): Promise<Client> {
  const connected = await connectHttpClient(web.url, token);
  clients.push(connected);
  return connected;
}

function errorCode(result: { _meta?: Record<string, unknown> }): unknown {
  return (result._meta?.error as { code?: unknown } | undefined)?.code;
}

beforeAll(async () => {
  backend = await startBackend();
  web = await startWeb(backend);
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await web.close();
  await backend.close();
});

describe("/mcp over Streamable HTTP with the official SDK client", () => {
  it("shows a read token at least 35 annotated tools, none of which writes", async () => {
    const { tools } = await (await client(TOKENS.read)).listTools();
    expect(tools.length).toBeGreaterThanOrEqual(35);
    for (const tool of tools) {
      expect(tool.annotations, tool.name).toMatchObject({ readOnlyHint: true, destructiveHint: false });
      expect(typeof tool.annotations?.idempotentHint).toBe("boolean");
      expect(typeof tool.annotations?.openWorldHint).toBe("boolean");
      expect(tool.outputSchema?.type).toBe("object");
    }
    expect(tools.map((t) => t.name)).not.toContain("add_note");
  });

  it("shows writes, overwriting ones included, to a write token but keeps deleting for admin", async () => {
    const writeNames = (await (await client(TOKENS.write)).listTools()).tools.map((t) => t.name);
    expect(writeNames).toEqual(expect.arrayContaining(["add_note", "update_ticket", "reply_to_ticket"]));
    expect(writeNames).not.toContain("delete_ticket");
    const writeTools = (await (await client(TOKENS.write)).listTools()).tools;
    expect(writeTools.find((t) => t.name === "update_ticket")?.annotations?.destructiveHint).toBe(true);
    const adminNames = (await (await client(TOKENS.admin)).listTools()).tools.map((t) => t.name);
    expect(adminNames).toContain("delete_ticket");
  });

  it("refuses add_note called by name with a read token", async () => {
    const result = await (await client(TOKENS.read)).callTool({
      name: "add_note",
      arguments: { ticket_id: 1, body: "should not be written" },
    });
    expect(result.isError).toBe(true);
    expect(errorCode(result)).toBe("forbidden");
    expect(JSON.stringify(result.content)).toContain("write");
  });

  it("adds a private note with a write token, visible through the sandbox REST API", async () => {
    const mcp = await client(TOKENS.write);
    const listed = await mcp.callTool({ name: "list_tickets", arguments: { per_page: 1 } });
    const ticketId = (listed.structuredContent as { items: { id: number }[] }).items[0]!.id;
    const marker = `Checked the logs ${Date.now()}`;
    const result = await mcp.callTool({ name: "add_note", arguments: { ticket_id: ticketId, body: marker } });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ kind: "private note", private: true });

    const conversations = (await backend.sandboxGet(`/tickets/${ticketId}/conversations?per_page=100`)) as {
      body_text: string;
      private: boolean;
    }[];
    const note = conversations.find((c) => c.body_text.includes(marker));
    expect(note?.private).toBe(true);
  });

  it("refuses delete_ticket without admin and allows it with admin", async () => {
    const refused = await (await client(TOKENS.write)).callTool({
      name: "delete_ticket",
      arguments: { ticket_id: 2 },
    });
    expect(refused.isError).toBe(true);
    expect(errorCode(refused)).toBe("forbidden");
    expect(((await backend.sandboxGet("/tickets/2")) as { deleted?: boolean }).deleted).not.toBe(true);

    const admin = await client(TOKENS.admin);
    const deleted = await admin.callTool({ name: "delete_ticket", arguments: { ticket_id: 2 } });
    expect(deleted.structuredContent).toEqual({ ticket_id: 2, deleted: true });
    expect(((await backend.sandboxGet("/tickets/2")) as { deleted?: boolean }).deleted).toBe(true);
    await admin.callTool({ name: "restore_ticket", arguments: { ticket_id: 2 } });
    expect(((await backend.sandboxGet("/tickets/2")) as { deleted?: boolean }).deleted).not.toBe(true);
  });

  it("answers 401 with WWW-Authenticate without a token or with a wrong one", async () => {
    const missing = await postMcp(web.url, LIST_TOOLS);
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toMatch(/^Bearer/);
    const wrong = await postMcp(web.url, LIST_TOOLS, { authorization: "Bearer not-a-real-token" });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("www-authenticate")).toContain('error="invalid_token"');
    expect(await wrong.text()).not.toContain(TOKENS.read);
  });

  it("answers 403 for a foreign Origin or Host, and accepts configured and loopback origins", async () => {
    const auth = { authorization: `Bearer ${TOKENS.read}` };
    const foreign = await postMcp(web.url, LIST_TOOLS, { ...auth, origin: "https://evil.example.net" });
    expect(foreign.status).toBe(403);
    expect(await postWithHost(web.url, "rebound.example.net", LIST_TOOLS, auth)).toBe(403);
    expect(await postWithHost(web.url, "triage.example.com", LIST_TOOLS, auth)).toBe(200);
    for (const origin of [
      "https://chat.example.org",
      "https://triage.example.com",
      "http://localhost:5173",
    ]) {
      const allowed = await postMcp(web.url, LIST_TOOLS, { ...auth, origin });
      expect(allowed.status, origin).toBe(200);
    }
  });

  it("answers GET with 405 because the endpoint is stateless", async () => {
    const response = await fetch(`${web.url}/mcp`, {
      headers: { authorization: `Bearer ${TOKENS.read}`, accept: "text/event-stream" },
    });
    expect(response.status).toBe(405);
  });
});

describe("/mcp response modes", () => {
  it("answers a POST with one JSON body in JSON mode", async () => {
    const response = await postMcp(web.url, LIST_TOOLS, { authorization: `Bearer ${TOKENS.read}` });
    expect(response.headers.get("content-type")).toContain("application/json");
    const body = (await response.json()) as { id: number; result: { tools: unknown[] } };
    expect(body.id).toBe(1);
    expect(body.result.tools.length).toBeGreaterThanOrEqual(35);
  });

  it("streams the answer as server-sent events in SSE mode, and the SDK client works with it", async () => {
    const sse = await startWeb(backend, { responseMode: "sse" });
    try {
      const response = await postMcp(sse.url, LIST_TOOLS, { authorization: `Bearer ${TOKENS.read}` });
      expect(response.headers.get("content-type")).toContain("text/event-stream");
      expect(await response.text()).toMatch(/^data: .*"id":1/m);

      const mcp = await connectHttpClient(sse.url, TOKENS.read);
      const result = await mcp.callTool({ name: "get_ticket", arguments: { ticket_id: 1 } });
      expect(result.structuredContent).toMatchObject({ id: 1 });
      await mcp.close();
    } finally {
      await sse.close();
    }
  });
});

describe("/mcp rate limit", () => {
  it("answers 429 with Retry-After once a token has used its requests for the minute", async () => {
    // A pinned clock keeps all requests in one window (30 s into a minute).
    const limited = await startWeb(backend, {
      ratePerMinute: 3,
      keyPrefix: `${backend.prefix}-rate`,
      now: () => 1_700_000_010_000,
    });
    try {
      const auth = { authorization: `Bearer ${TOKENS.write}` };
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await postMcp(limited.url, LIST_TOOLS, auth)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const over = await postMcp(limited.url, LIST_TOOLS, auth);
      expect(over.headers.get("retry-after")).toBe("30");
      // The budget is per token: another token is unaffected.
      expect(
        (await postMcp(limited.url, LIST_TOOLS, { authorization: `Bearer ${TOKENS.admin}` })).status,
      ).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
