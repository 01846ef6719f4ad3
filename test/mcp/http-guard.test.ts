import { randomUUID } from "node:crypto";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import {
  CallToolResultSchema,
  ErrorCode,
  JSONRPCErrorResponseSchema,
  McpError,
} from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { silentLogger } from "../../src/logger.ts";
import { mcpRoutes } from "../../src/routes/mcp.ts";
import {
  type Backend,
  connectHttpClient,
  postMcp,
  serveApp,
  startBackend,
  TOKENS,
  type WebServer,
} from "./support/harness.ts";

/**
 * What /mcp refuses before any tool runs: per-token rate counted per JSON-RPC message, wrong
 * bearer tokens per client address, and the JSON-RPC shape of those refusals.
 */

const MCP_TOKENS = `reader:${TOKENS.read}:read writer:${TOKENS.write}:read,write admin:${TOKENS.admin}:admin`;
// 30 s into a minute, so every request of a test falls in one rate window.
const PINNED_NOW = () => 1_700_000_010_000;

let backend: Backend;
const servers: WebServer[] = [];

beforeAll(async () => {
  backend = await startBackend();
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await backend.close();
});

/** The real web app with /mcp mounted; a fresh key prefix gives fresh budgets. */
async function startMcp(options: { ratePerMinute?: number; trustProxy?: string } = {}): Promise<WebServer> {
  const config = loadConfig({
    NODE_ENV: "test",
    MCP_TOKENS,
    MCP_RATE_LIMIT: String(options.ratePerMinute ?? 10_000),
    PUBLIC_URL: "https://triage.example.com",
    ...(options.trustProxy ? { TRUST_PROXY: options.trustProxy } : {}),
  });
  const app = createApp({
    config,
    logger: silentLogger(),
    mounts: [
      {
        path: "/mcp",
        app: mcpRoutes({
          config,
          redis: backend.redis,
          keyPrefix: `${backend.prefix}-${randomUUID().slice(0, 8)}`,
          server: backend.deps,
          responseMode: "json",
          now: PINNED_NOW,
        }),
      },
    ],
  });
  const server = await serveApp(app);
  servers.push(server);
  return server;
}

const bearer = (token: string, more: Record<string, string> = {}) => ({
  authorization: `Bearer ${token}`,
  ...more,
});

function toolCall(id: number, name: string, args: unknown): unknown {
  return { jsonrpc: "2.0", id, method: "tools/call", params: { name, arguments: args } };
}

type RpcError = { jsonrpc: string; id: unknown; error: { code: number; message: string; data?: unknown } };

describe("a JSON-RPC batch and the per-token rate limit", () => {
  it("counts every message of a batch: a batch of 100 over a limit of 5 is refused whole", async () => {
    const web = await startMcp({ ratePerMinute: 5 });
    const marker = `batched note ${randomUUID()}`;
    const batch = Array.from({ length: 100 }, (_, i) =>
      toolCall(i + 1, "add_note", { ticket_id: 1, body: `${marker} #${i + 1}` }),
    );
    const refused = await postMcp(web.url, batch, bearer(TOKENS.write));
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("30");
    const body = (await refused.json()) as RpcError;
    expect(JSONRPCErrorResponseSchema.parse(body)).toMatchObject({ error: { code: -32000 } });
    expect(body.error.message).toContain("100 messages");
    expect(body.error.message).toContain("none was run");

    // Nothing of the refused batch was applied, and it spent none of the budget.
    const notes = (await backend.sandboxGet("/tickets/1/conversations?per_page=100")) as {
      body_text: string;
    }[];
    expect(notes.some((n) => n.body_text.includes(marker))).toBe(false);
    const fits = await postMcp(
      web.url,
      Array.from({ length: 5 }, (_, i) => toolCall(i + 1, "get_ticket", { ticket_id: 1 })),
      bearer(TOKENS.write),
    );
    expect(fits.status).toBe(200);
    const answers = (await fits.json()) as { id: number; result: { isError?: boolean } }[];
    expect(answers.map((a) => a.id).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
    expect(answers.every((a) => !a.result.isError)).toBe(true);
  });

  it("charges a batch for each message, so single requests after it find the budget spent", async () => {
    const web = await startMcp({ ratePerMinute: 6 });
    const auth = bearer(TOKENS.read);
    const batch = [
      toolCall(1, "get_ticket", { ticket_id: 1 }),
      toolCall(2, "get_ticket", { ticket_id: 3 }),
      toolCall(3, "list_groups", {}),
      { jsonrpc: "2.0", method: "notifications/initialized" },
    ];
    expect((await postMcp(web.url, batch, auth)).status).toBe(200);
    // 4 of 6 spent: a batch of 3 does not fit, two single calls do, a third does not.
    expect((await postMcp(web.url, batch.slice(0, 3), auth)).status).toBe(429);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await postMcp(web.url, toolCall(9, "list_groups", {}), auth)).status);
    expect(statuses).toEqual([200, 200, 429]);
  });
});

describe("wrong bearer tokens per client address", () => {
  const LIST = { jsonrpc: "2.0", id: 1, method: "tools/list", params: {} };

  it("answers 429 with Retry-After after ten wrong tokens, even for a right one from that address", async () => {
    const web = await startMcp();
    // Requests without any Authorization header are not guesses and spend nothing.
    for (let i = 0; i < 12; i++) expect((await postMcp(web.url, LIST)).status).toBe(401);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await postMcp(web.url, LIST, bearer(`guess-${i}`))).status);
    expect(statuses).toEqual([...Array(10).fill(401), 429]);

    const locked = await postMcp(web.url, LIST, bearer(TOKENS.read));
    expect(locked.status).toBe(429);
    expect(locked.headers.get("retry-after")).toBe("30");
    const body = (await locked.json()) as RpcError;
    expect(body.error.message).toMatch(/failed sign-ins from this address.*retry in 30 s/);
    expect(body.error.data).toMatchObject({ status: 429, code: "rate_limited", retry_after_seconds: 30 });
  });

  it("ignores X-Forwarded-For unless TRUST_PROXY is set", async () => {
    const web = await startMcp();
    for (let i = 0; i < 10; i++) {
      await postMcp(web.url, LIST, bearer(`guess-${i}`, { "x-forwarded-for": `198.51.100.${i}` }));
    }
    // Every guess came from 127.0.0.1, whatever the header claimed.
    const other = await postMcp(web.url, LIST, bearer("guess-x", { "x-forwarded-for": "203.0.113.7" }));
    expect(other.status).toBe(429);
  });

  it("with TRUST_PROXY, limits the address the proxy appended, not one the client wrote", async () => {
    const web = await startMcp({ trustProxy: "true" });
    const from = (address: string) => ({ "x-forwarded-for": address });
    for (let i = 0; i < 10; i++) {
      // The left entry is the client's own claim, different every time; the proxy's is the right one.
      await postMcp(web.url, LIST, bearer(`guess-${i}`, from(`10.9.9.${i}, 198.51.100.1`)));
    }
    expect((await postMcp(web.url, LIST, bearer("guess", from("198.51.100.1")))).status).toBe(429);
    expect((await postMcp(web.url, LIST, bearer(TOKENS.read, from("198.51.100.1")))).status).toBe(429);
    // Another client behind the same proxy is unaffected.
    expect((await postMcp(web.url, LIST, bearer("guess", from("198.51.100.2")))).status).toBe(401);
    expect((await postMcp(web.url, LIST, bearer(TOKENS.read, from("198.51.100.2")))).status).toBe(200);
  });
});

describe("refusals on /mcp are JSON-RPC errors", () => {
  const LIST = { jsonrpc: "2.0", id: 1, method: "tools/list", params: {} };

  it("answers 401 with a JSON-RPC error and keeps WWW-Authenticate", async () => {
    const web = await startMcp();
    const wrong = await postMcp(web.url, LIST, bearer("not-a-real-token"));
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("www-authenticate")).toContain('error="invalid_token"');
    expect(await wrong.json()).toEqual({
      jsonrpc: "2.0",
      error: {
        code: -32000,
        message: "The bearer token is not valid.",
        data: { status: 401, code: "unauthorized" },
      },
    });
  });

  it("answers 403 for a foreign Origin with a JSON-RPC error naming it", async () => {
    const web = await startMcp();
    const foreign = await postMcp(web.url, LIST, bearer(TOKENS.read, { origin: "https://evil.example.net" }));
    expect(foreign.status).toBe(403);
    const body = (await foreign.json()) as RpcError;
    expect(JSONRPCErrorResponseSchema.parse(body)).toMatchObject({
      error: { code: -32000, data: { status: 403 } },
    });
    expect(body.error.message).toContain("https://evil.example.net");
  });

  it("answers 429 with the retry time in the message and in data", async () => {
    const web = await startMcp({ ratePerMinute: 1 });
    await postMcp(web.url, LIST, bearer(TOKENS.read));
    const over = await postMcp(web.url, LIST, bearer(TOKENS.read));
    expect(over.status).toBe(429);
    expect(over.headers.get("retry-after")).toBe("30");
    const body = (await over.json()) as RpcError;
    expect(body.error).toEqual({
      code: -32000,
      message: "Too many requests for this token: the limit is 1 per minute; retry in 30 s.",
      data: { status: 429, code: "rate_limited", retry_after_seconds: 30 },
    });
  });

  it("lets the official SDK client show the reason of a refusal", async () => {
    const web = await startMcp();
    const transport = new StreamableHTTPClientTransport(new URL(`${web.url}/mcp`), {
      requestInit: { headers: bearer("not-a-real-token") },
    });
    const client = new Client({ name: "test-client", version: "1.0.0" });
    const failure = await client.connect(transport).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    // The TypeScript SDK passes the body on as text; it is a JSON-RPC error any client can read.
    const text = (failure as Error).message.replace(/^.*?Error POSTing to endpoint: /, "");
    const parsed = JSONRPCErrorResponseSchema.parse(JSON.parse(text));
    expect(parsed.error.message).toBe("The bearer token is not valid.");
    await client.close();
  });
});

describe("malformed tools/call params", () => {
  let web: WebServer;
  let client: Client;
  beforeAll(async () => {
    web = await startMcp();
    client = await connectHttpClient(web.url, TOKENS.read);
  });
  afterAll(() => client.close());

  async function invalidParams(params: Record<string, unknown> | undefined): Promise<McpError> {
    const error = await client
      .request({ method: "tools/call", ...(params ? { params } : {}) } as never, CallToolResultSchema)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(McpError);
    expect((error as McpError).code).toBe(ErrorCode.InvalidParams);
    expect((error as McpError).message).not.toMatch(/"code"|expected|invalid_type/);
    return error as McpError;
  }

  it("answers tools/call without params with -32602 and a sentence", async () => {
    expect((await invalidParams(undefined)).message).toContain(
      'tools/call needs params: an object with the tool\'s "name"',
    );
  });

  it("answers array arguments with -32602 naming the tool", async () => {
    const error = await invalidParams({ name: "get_ticket", arguments: [1] });
    expect(error.message).toContain('The arguments of "get_ticket" must be an object of named values');
    expect(error.message).toContain("got an array");
  });

  it("answers a missing tool name with -32602", async () => {
    expect((await invalidParams({ arguments: {} })).message).toContain('need a "name"');
  });

  it("answers the same over raw HTTP, and still calls tools with good params", async () => {
    const response = await postMcp(
      web.url,
      { jsonrpc: "2.0", id: 7, method: "tools/call" },
      bearer(TOKENS.read),
    );
    const body = (await response.json()) as RpcError;
    expect(body).toMatchObject({ id: 7, error: { code: -32602 } });
    const good = await client.callTool({ name: "get_ticket", arguments: { ticket_id: 1 } });
    expect(good.structuredContent).toMatchObject({ id: 1 });
  });

  it("answers an unknown method with -32601", async () => {
    const error = await client
      .request({ method: "tickets/list" } as never, CallToolResultSchema)
      .catch((e: unknown) => e);
    expect((error as McpError).code).toBe(ErrorCode.MethodNotFound);
  });
});
