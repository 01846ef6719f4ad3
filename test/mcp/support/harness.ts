import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Hono } from "hono";
import type { Redis } from "ioredis";
import { createApp } from "../../../src/app.ts";
import { loadConfig } from "../../../src/config.ts";
import {
  createAccountDirectory,
  createFreshdeskClient,
  type FreshdeskClient,
} from "../../../src/freshdesk/index.ts";
import { silentLogger } from "../../../src/logger.ts";
import { type AuditLog, createAuditLog } from "../../../src/mcp/audit.ts";
import type { McpServerDeps, TriageService } from "../../../src/mcp/deps.ts";
import { adminRoutes } from "../../../src/routes/admin.ts";
import { mcpRoutes } from "../../../src/routes/mcp.ts";
import { testRedis } from "../../support/redis.ts";
import { type SandboxServer, startSandboxServer } from "../../support/sandbox-server.ts";

export const TOKENS = {
  read: "reader-token-0001",
  write: "writer-token-0002",
  admin: "admin-token-00003",
} as const;

/** Signs the test servers' cursors; tests forge cursors with it or with another secret. */
export const CURSOR_SECRET = "test-cursor-secret-0123456789";

const MCP_TOKENS = `reader:${TOKENS.read}:read writer:${TOKENS.write}:read,write admin:${TOKENS.admin}:admin`;

export type Backend = {
  sandbox: SandboxServer;
  freshdesk: FreshdeskClient;
  redis: Redis;
  prefix: string;
  audit: AuditLog;
  deps: McpServerDeps;
  /** GET on the sandbox's REST API, as a Freshdesk API client would. */
  sandboxGet(path: string): Promise<unknown>;
  close(): Promise<void>;
};

/** A sandbox-backed Freshdesk client, the account directory, and an audit log in the test Redis. */
export async function startBackend(options: { triage?: TriageService } = {}): Promise<Backend> {
  const sandbox = await startSandboxServer({ plan: "unlimited" });
  const freshdesk = createFreshdeskClient({
    baseUrl: sandbox.baseUrl,
    apiKey: sandbox.apiKey,
    maxRetries: 0,
  });
  const { redis, prefix, close } = testRedis();
  const audit = createAuditLog({ redis, key: `${prefix}:audit`, maxLength: 1000 });
  const deps: McpServerDeps = {
    freshdesk,
    directory: createAccountDirectory(freshdesk),
    audit,
    logger: silentLogger(),
    cursorSecret: CURSOR_SECRET,
    portalUrl: "https://acme.freshdesk.com",
    ...(options.triage ? { triage: options.triage } : {}),
  };
  const authorization = `Basic ${Buffer.from(`${sandbox.apiKey}:X`).toString("base64")}`;
  return {
    sandbox,
    freshdesk,
    redis,
    prefix,
    audit,
    deps,
    async sandboxGet(path) {
      const response = await fetch(`${sandbox.baseUrl}/api/v2${path}`, { headers: { authorization } });
      if (!response.ok) throw new Error(`sandbox GET ${path} answered ${response.status}`);
      return response.json();
    },
    async close() {
      await close();
      await sandbox.close();
    },
  };
}

export type WebServer = { url: string; close(): Promise<void> };

export async function serveApp(app: Hono): Promise<WebServer> {
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(started));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

export type WebOptions = {
  responseMode?: "json" | "sse";
  ratePerMinute?: number;
  allowedOrigins?: string;
  readOnly?: boolean;
  /** Redis key prefix for the rate limit; a fresh one gives the tokens a fresh budget. */
  keyPrefix?: string;
  now?: () => number;
};

/** The real web app (createApp with its one onError) with /mcp and /admin mounted, over HTTP. */
export async function startWeb(backend: Backend, options: WebOptions = {}): Promise<WebServer> {
  const config = loadConfig({
    NODE_ENV: "test",
    MCP_TOKENS,
    MCP_RATE_LIMIT: String(options.ratePerMinute ?? 10_000),
    MCP_ALLOWED_ORIGINS: options.allowedOrigins ?? "https://chat.example.org",
    PUBLIC_URL: "https://triage.example.com",
  });
  const mcp = mcpRoutes({
    config,
    redis: backend.redis,
    keyPrefix: options.keyPrefix ?? backend.prefix,
    server: backend.deps,
    responseMode: options.responseMode ?? "json",
    ...(options.readOnly ? { readOnly: true } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const admin = adminRoutes({ tokens: config.mcp.tokens, audit: backend.audit });
  const app = createApp({
    config,
    logger: silentLogger(),
    mounts: [
      { path: "/mcp", app: mcp },
      { path: "/admin", app: admin },
    ],
  });
  return serveApp(app);
}

/** The official SDK client over Streamable HTTP with a bearer token. */
export async function connectHttpClient(url: string, token: string): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL(`${url}/mcp`), {
    requestInit: { headers: { authorization: `Bearer ${token}` } },
  });
  const client = new Client({ name: "test-client", version: "1.0.0" });
  await client.connect(transport);
  return client;
}

/** A raw JSON-RPC POST to /mcp, for checks the SDK client hides (status codes, headers). */
export function postMcp(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/mcp`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      "mcp-protocol-version": "2025-06-18",
      ...headers,
    },
    body: JSON.stringify(body),
  });
}

/** A POST with a chosen Host header, which fetch does not let a caller set. */
export function postWithHost(
  url: string,
  host: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<number> {
  const target = new URL(`${url}/mcp`);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        hostname: target.hostname,
        port: target.port,
        path: target.pathname,
        method: "POST",
        headers: {
          host,
          "content-type": "application/json",
          accept: "application/json, text/event-stream",
          ...headers,
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(JSON.stringify(body));
  });
}
