import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Redis } from "ioredis";
import { createApp } from "../../../src/app.ts";
import { loadConfig } from "../../../src/config.ts";
import { createFreshserviceDirectory } from "../../../src/freshservice/account-directory.ts";
import { createFreshserviceClient, type FreshserviceClient } from "../../../src/freshservice/index.ts";
import { createFreshserviceSandbox } from "../../../src/freshservice-sandbox/app.ts";
import { silentLogger } from "../../../src/logger.ts";
import { type AuditLog, createAuditLog } from "../../../src/mcp/audit.ts";
import type { Toolset } from "../../../src/mcp/define-tool.ts";
import type { McpServerDeps, TriageService } from "../../../src/mcp/deps.ts";
import { mcpRoutes } from "../../../src/routes/mcp.ts";
import type { Sandbox } from "../../../src/sandbox/app.ts";
import { testRedis } from "../../support/redis.ts";

export const TOKENS = {
  read: "fs-reader-token-0001",
  write: "fs-writer-token-0002",
  admin: "fs-admin-token-00003",
} as const;

const MCP_TOKENS = `reader:${TOKENS.read}:read writer:${TOKENS.write}:read,write admin:${TOKENS.admin}:admin`;
const API_KEY = "fs-sandbox-test-key";
export const PORTAL_URL = "https://acme.freshservice.com";

type Server = { url: string; close(): Promise<void> };

async function listen(fetchHandler: (request: Request) => Response | Promise<Response>): Promise<Server> {
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: fetchHandler, port: 0, hostname: "127.0.0.1" }, () => resolve(started));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

export type FsBackend = {
  sandbox: Sandbox;
  /** The sandbox's base URL (its API is under /api/v2). */
  sandboxUrl: string;
  freshservice: FreshserviceClient;
  redis: Redis;
  prefix: string;
  audit: AuditLog;
  deps: McpServerDeps<"freshservice">;
  close(): Promise<void>;
};

/** The Freshservice sandbox over loopback HTTP, a client for it, and the tool server's deps. */
export async function startFsBackend(
  options: { triage?: TriageService; history?: boolean } = {},
): Promise<FsBackend> {
  const sandbox = createFreshserviceSandbox({
    apiKey: API_KEY,
    plan: "unlimited",
    history: options.history ?? false,
  });
  const http = await listen(sandbox.app.fetch);
  const freshservice = createFreshserviceClient({ baseUrl: http.url, apiKey: API_KEY, maxRetries: 0 });
  const { redis, prefix, close } = testRedis();
  const audit = createAuditLog({ redis, key: `${prefix}:audit`, maxLength: 1000 });
  const deps: McpServerDeps<"freshservice"> = {
    freshservice,
    directory: createFreshserviceDirectory(freshservice),
    audit,
    logger: silentLogger(),
    cursorSecret: "fs-test-cursor-secret-0123456789",
    portalUrl: PORTAL_URL,
    ...(options.triage ? { triage: options.triage } : {}),
  };
  return {
    sandbox,
    sandboxUrl: http.url,
    freshservice,
    redis,
    prefix,
    audit,
    deps,
    async close() {
      await close();
      await http.close();
      await sandbox.close();
    },
  };
}

/** The real web app with the shared /mcp route serving the Freshservice deps, over loopback HTTP. */
export async function startFsWeb(
  backend: FsBackend,
  options: { readOnly?: boolean; toolsets?: readonly Toolset[]; deps?: McpServerDeps<"freshservice"> } = {},
): Promise<Server> {
  const config = loadConfig({
    NODE_ENV: "test",
    MCP_TOKENS,
    MCP_RATE_LIMIT: "10000",
    MCP_ALLOWED_ORIGINS: "https://chat.example.org",
    PUBLIC_URL: "https://triage.example.com",
  });
  const mcp = mcpRoutes({
    config,
    redis: backend.redis,
    keyPrefix: backend.prefix,
    server: options.deps ?? backend.deps,
    responseMode: "json",
    ...(options.readOnly ? { readOnly: true } : {}),
    ...(options.toolsets ? { toolsets: options.toolsets } : {}),
  });
  const app = createApp({ config, logger: silentLogger(), mounts: [{ path: "/mcp", app: mcp }] });
  return listen(app.fetch);
}

/** The official SDK client over Streamable HTTP with a bearer token. */
export async function connectFsClient(url: string, token: string): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL(`${url}/mcp`), {
    requestInit: { headers: { authorization: `Bearer ${token}` } },
  });
  const client = new Client({ name: "fs-test-client", version: "1.0.0" });
  await client.connect(transport);
  return client;
}

/** A tool's structured result; fails the test with the tool's own text when it is an error. */
export async function call<T = Record<string, unknown>>(
  client: Client,
  name: string,
  args: Record<string, unknown> = {},
): Promise<T> {
  const result = await client.callTool({ name, arguments: args });
  if (result.isError) {
    const text = (result.content as { type: string; text?: string }[]).map((c) => c.text ?? "").join("\n");
    throw new Error(`${name} failed: ${text}`);
  }
  return result.structuredContent as T;
}

/** The text of a failed call. */
export async function failure(
  client: Client,
  name: string,
  args: Record<string, unknown> = {},
): Promise<string> {
  const result = await client.callTool({ name, arguments: args });
  if (!result.isError)
    throw new Error(`${name} should have failed: ${JSON.stringify(result.structuredContent)}`);
  return (result.content as { type: string; text?: string }[]).map((c) => c.text ?? "").join("\n");
}
