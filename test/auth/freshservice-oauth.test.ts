import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { UnauthorizedError } from "@modelcontextprotocol/sdk/client/auth.js";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { OAuthTokens } from "@modelcontextprotocol/sdk/shared/auth.js";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.ts";
import { authorizationRoutes } from "../../src/auth/authorization.ts";
import { createKeyVault, type KeyVault } from "../../src/auth/key-vault.ts";
import { oauthMetadataRoutes } from "../../src/auth/oauth-metadata.ts";
import { createPersonFreshservice } from "../../src/auth/person-freshservice.ts";
import { createTokenStore, type TokenStore } from "../../src/auth/token-store.ts";
import { loadConfig } from "../../src/config.ts";
import { createFreshserviceDirectory } from "../../src/freshservice/account-directory.ts";
import { createFreshserviceClient, type FreshserviceClient } from "../../src/freshservice/index.ts";
import { createFreshserviceSandbox } from "../../src/freshservice-sandbox/app.ts";
import { silentLogger } from "../../src/logger.ts";
import { type AuditLog, createAuditLog } from "../../src/mcp/audit.ts";
import type { McpServerDeps } from "../../src/mcp/deps.ts";
import { clientAddress } from "../../src/routes/client-address.ts";
import { mcpRoutes } from "../../src/routes/mcp.ts";
import { createFailedSignInLimiter, createRateLimiter } from "../../src/routes/rate-limit.ts";
import type { Sandbox } from "../../src/sandbox/app.ts";
import { testRedis } from "../support/redis.ts";
import { consent, hiddenFields, pasteKey } from "./support/consent.ts";
import { MemoryOAuthProvider } from "./support/sdk-provider.ts";

/**
 * The OAuth sign-in of a Freshservice deployment, through the MCP TypeScript SDK's own client:
 * an app serving the Freshservice sandbox at /sandbox, the Freshservice tool server at /mcp and
 * the authorization server at the root, wired as the composition root wires them. A person
 * pastes their own Freshservice key; their tool calls act in Freshservice as them; a key
 * Freshservice refuses signs them out.
 */

const ADMIN_KEY = "fs-oauth-sandbox-key";
const ADMIN_TOKEN = "fs-oauth-admin-token-0001";
const redirect = "http://127.0.0.1:8977/oauth/callback";

type FsSandboxAgent = { id: number; name: string; email: string; api_key: string; roles: string[] };

let url: string;
let closeServer: () => Promise<void>;
let sandbox: Sandbox;
let redisClose: () => Promise<void>;
let store: TokenStore;
let vault: KeyVault;
let audit: AuditLog;
let freshservice: FreshserviceClient;
let agents: FsSandboxAgent[];
/** MCP_ADMIN_AGENTS; filled once the agents are known (read on every consent). */
const adminAgents: string[] = [];

beforeAll(async () => {
  const { redis, prefix, close } = testRedis();
  redisClose = close;
  sandbox = createFreshserviceSandbox({ apiKey: ADMIN_KEY, plan: "unlimited" });
  // The app needs its own address (the Freshservice base URL is its /sandbox), so it is built
  // once the server listens.
  let app: Hono | undefined;
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve(
      { fetch: (request, env) => app!.fetch(request, env), port: 0, hostname: "127.0.0.1" },
      () => resolve(started),
    );
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  closeServer = () =>
    new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));

  const baseUrl = `${url}/sandbox`;
  const logger = silentLogger();
  store = createTokenStore({
    redis,
    keyPrefix: prefix,
    accessTokenTtlSeconds: 3600,
    refreshTokenTtlSeconds: 86_400,
  });
  vault = createKeyVault({ redis, keyPrefix: prefix, secretKey: "fs-oauth-test-secret-0123456789abcdef" });
  audit = createAuditLog({ redis, key: `${prefix}:audit`, maxLength: 1000 });
  freshservice = createFreshserviceClient({ baseUrl, apiKey: ADMIN_KEY, maxRetries: 0 });
  const deps: McpServerDeps<"freshservice"> = {
    freshservice,
    directory: createFreshserviceDirectory(freshservice),
    audit,
    logger,
    cursorSecret: "fs-oauth-cursor-secret-0123456789",
  };
  const people = createPersonFreshservice({ client: { baseUrl, maxRetries: 0 }, store, vault, logger });
  const config = loadConfig({
    NODE_ENV: "test",
    MCP_TOKENS: `ops:${ADMIN_TOKEN}:admin`,
    MCP_RATE_LIMIT: "10000",
  });
  const failedSignIns = createFailedSignInLimiter({ redis, keyPrefix: prefix });
  app = createApp({
    config,
    logger,
    mounts: [
      { path: "/sandbox", app: sandbox.app },
      {
        path: "/mcp",
        app: mcpRoutes({
          config,
          redis,
          keyPrefix: prefix,
          server: deps,
          failedSignIns,
          oauth: {
            store,
            vault,
            serverFor: (person) => ({
              ...deps,
              freshservice: people.forPerson(person.grant.agentId, person.apiKey),
            }),
          },
        }),
      },
      { path: "/", app: oauthMetadataRoutes({ publicUrl: undefined, product: "freshservice" }) },
      {
        path: "/",
        app: authorizationRoutes({
          store,
          vault,
          redis,
          keyPrefix: prefix,
          publicUrl: undefined,
          adminAgents,
          product: "freshservice",
          keyCheck: people.keyCheck,
          failedSignIns,
          registrations: createRateLimiter({ redis, keyPrefix: `${prefix}:reg`, perMinute: 100 }),
          addressOf: clientAddress(0),
          logger,
        }),
      },
    ],
  });

  const listed = await fetch(`${baseUrl}/_sandbox/agents`, {
    headers: { Authorization: `Basic ${Buffer.from(`${ADMIN_KEY}:X`).toString("base64")}` },
  });
  expect(listed.status).toBe(200);
  agents = (await listed.json()) as FsSandboxAgent[];
  adminAgents.push(agentNamed("Grace Okafor").email.toUpperCase());
});

afterAll(async () => {
  await closeServer?.();
  await sandbox?.close();
  await redisClose?.();
});

function agentNamed(name: string): FsSandboxAgent {
  const agent = agents.find((a) => a.name === name);
  if (!agent?.api_key) throw new Error(`no sandbox agent ${name} with a key`);
  return agent;
}

/** The SDK's whole flow: 401 → discovery → registration → consent with `apiKey` → tokens. */
async function signIn(apiKey: string, name = "Freshservice flow test") {
  const mcpUrl = new URL(`${url}/mcp`);
  const provider = new MemoryOAuthProvider(redirect, name);
  const first = new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider });
  await expect(new Client({ name: "fs-flow", version: "1" }).connect(first)).rejects.toBeInstanceOf(
    UnauthorizedError,
  );
  const authorizationUrl = provider.authorizationUrl!;
  const back = await consent(authorizationUrl.toString(), apiKey);
  await first.finishAuth(back.searchParams.get("code")!);
  const client = new Client({ name: "fs-flow", version: "1" });
  await client.connect(new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider }));
  return { provider, authorizationUrl, back, client, tokens: provider.tokens() as OAuthTokens };
}

function mcpPost(accessToken: string): Promise<Response> {
  return fetch(`${url}/mcp`, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${accessToken}`,
      "Content-Type": "application/json",
      Accept: "application/json, text/event-stream",
    },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
  });
}

async function openTicketId(): Promise<number> {
  const open = await freshservice.tickets.filter("status:2");
  expect(open.items.length).toBeGreaterThan(0);
  return open.items[0]!.id;
}

function toolText(result: Record<string, unknown>): string {
  return ((result.content ?? []) as { type: string; text?: string }[]).map((c) => c.text ?? "").join("\n");
}

describe("OAuth sign-in for a Freshservice deployment", () => {
  it("asks for a Freshservice key, then discovers, registers, signs in as that agent and acts as them", async () => {
    const tom = agentNamed("Tom Becker");
    expect(tom.roles).not.toContain("Account Admin");
    const mcpUrl = new URL(`${url}/mcp`);
    const provider = new MemoryOAuthProvider(redirect);
    const first = new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider });
    await expect(new Client({ name: "fs-flow", version: "1" }).connect(first)).rejects.toBeInstanceOf(
      UnauthorizedError,
    );
    // Discovery led the SDK to our authorization endpoint with PKCE and the resource indicator.
    const authorizationUrl = provider.authorizationUrl!;
    expect(authorizationUrl.pathname).toBe("/oauth/authorize");
    expect(authorizationUrl.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorizationUrl.searchParams.get("resource")).toBe(`${url}/mcp`);
    expect(provider.clientInformation()?.client_id).toBeTruthy();
    const resource = await (await fetch(`${url}/.well-known/oauth-protected-resource/mcp`)).json();
    expect(resource).toMatchObject({
      resource: `${url}/mcp`,
      resource_name: "Freshservice triage MCP server",
    });

    // The page names the product; the field keeps its Freshdesk-era name.
    const page = await (await fetch(authorizationUrl)).text();
    expect(page).toContain("Your Freshservice API key");
    expect(page).toContain("this Freshservice service desk");
    // Only the site's own name (the layout's "Freshdesk triage") may still say Freshdesk.
    expect(page.replaceAll("Freshdesk triage", "").replaceAll("freshdesk_api_key", "")).not.toMatch(
      /freshdesk/i,
    );
    expect(page).toContain('name="freshdesk_api_key"');
    const confirm = await pasteKey(authorizationUrl.toString(), tom.api_key);
    expect(confirm.status).toBe(200);
    expect(confirm.html).toContain("You are signed in to Freshservice as <strong>Tom Becker");
    expect(confirm.html).toContain("only Freshservice account admins");
    expect(hiddenFields(confirm.html).request_id).toBeTruthy();

    const back = await consent(authorizationUrl.toString(), tom.api_key);
    expect(`${back.origin}${back.pathname}`).toBe(redirect);
    expect(back.searchParams.get("iss")).toBe(url);
    await first.finishAuth(back.searchParams.get("code")!);
    const tokens = provider.tokens()!;
    // An ordinary agent (role "SD Agent") asked for every scope and got read and write.
    expect(tokens.scope?.split(" ").sort()).toEqual(["read", "write"]);

    const client = new Client({ name: "fs-flow", version: "1" });
    await client.connect(new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider }));
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toContain("filter_tickets");
    expect(tools.map((t) => t.name)).toContain("add_note");
    expect(tools.map((t) => t.name)).not.toContain("delete_ticket");

    const ticketId = await openTicketId();
    const note = await client.callTool({
      name: "add_note",
      arguments: { ticket_id: ticketId, body: "Swapped the dock; the monitor comes up again." },
    });
    expect(note.isError, toolText(note)).toBeFalsy();
    expect(note.structuredContent).toMatchObject({ user_id: tom.id });
    const stored = await freshservice.conversations.list(ticketId, { perPage: 100 });
    const written = stored.items.find((c) => c.body_text?.includes("Swapped the dock"));
    expect(written?.user_id).toBe(tom.id);

    // The audit stream names the person and the client, never the key or the token.
    const entries = JSON.stringify(await audit.recent(5));
    expect(entries).toContain(`agent ${tom.id}`);
    expect(entries).toContain("SDK flow test");
    expect(entries).not.toContain(tom.api_key);
    expect(entries).not.toContain(tokens.access_token);
    await client.close();
  });

  it("grants admin to an agent holding Freshservice's Account Admin role", async () => {
    const admin = agents.find((a) => a.roles.includes("Account Admin"))!;
    expect(admin.api_key).toBeTruthy();
    const { client, tokens } = await signIn(admin.api_key);
    expect(tokens.scope?.split(" ")).toContain("admin");
    expect((await client.listTools()).tools.map((t) => t.name)).toContain("delete_ticket");
    await client.close();
  });

  it("refuses a key Freshservice does not accept, naming Freshservice", async () => {
    const provider = new MemoryOAuthProvider(redirect);
    const transport = new StreamableHTTPClientTransport(new URL(`${url}/mcp`), { authProvider: provider });
    await expect(new Client({ name: "fs-flow", version: "1" }).connect(transport)).rejects.toBeInstanceOf(
      UnauthorizedError,
    );
    const refused = await pasteKey(provider.authorizationUrl!.toString(), "NotAFreshserviceKey0123");
    expect(refused.status).toBe(401);
    expect(refused.html).toContain("Freshservice did not accept that API key");
  });

  it("signs the person out when Freshservice refuses their stored key (401)", async () => {
    const priya = agentNamed("Priya Natarajan");
    const { client, tokens } = await signIn(priya.api_key);
    expect((await store.grantsOfPerson(priya.id)).length).toBeGreaterThan(0);
    // As if Priya had regenerated her key in Freshservice: the stored one is now refused.
    await vault.put(priya.id, "RevokedKey0123456789");
    const refused = await client.callTool({
      name: "get_ticket",
      arguments: { ticket_id: await openTicketId() },
    });
    expect(refused.isError).toBe(true);
    expect(toolText(refused)).toContain("Freshservice no longer accepts your API key");
    expect(await vault.get(priya.id)).toBeUndefined();
    expect(await store.grantsOfPerson(priya.id)).toEqual([]);
    expect((await mcpPost(tokens.access_token)).status).toBe(401);
    await client.close();
  });

  it("grants admin to an agent MCP_ADMIN_AGENTS names, and names Freshservice when their stored key is gone", async () => {
    const grace = agentNamed("Grace Okafor");
    expect(grace.roles).not.toContain("Account Admin");
    const { client, tokens } = await signIn(grace.api_key);
    expect(tokens.scope?.split(" ")).toContain("admin");
    await client.close();
    await vault.delete(grace.id);
    const answer = await mcpPost(tokens.access_token);
    expect(answer.status).toBe(401);
    expect(answer.headers.get("www-authenticate")).toContain("Your stored Freshservice API key is gone");
  });
});
