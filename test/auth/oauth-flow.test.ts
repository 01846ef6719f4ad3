import { UnauthorizedError } from "@modelcontextprotocol/sdk/client/auth.js";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestService, type TestService } from "../support/service.ts";
import { consent, type SandboxAgent, sandboxAgents, tokenRequest } from "./support/consent.ts";
import { MemoryOAuthProvider } from "./support/sdk-provider.ts";

/**
 * The whole OAuth sign-in through the MCP TypeScript SDK's own client, given only the /mcp URL:
 * discovery, dynamic registration, the consent page (as a browser posts it), tokens, then tool
 * calls that act in the sandbox as the agent who signed in.
 */
describe("OAuth sign-in with the MCP SDK client", () => {
  let svc: TestService;
  let agent: SandboxAgent;
  const redirect = "http://127.0.0.1:8976/oauth/callback";

  beforeAll(async () => {
    svc = await startTestService({}, { web: true, worker: false });
    const agents = await sandboxAgents(svc.url, svc.config.sandbox.apiKey);
    // An ordinary agent who sees every ticket: not the account admin the service's own key is.
    agent = agents.find((a) => a.ticket_scope === 1 && !a.roles.includes("Account Administrator"))!;
    expect(agent?.api_key).toBeTruthy();
  });
  afterAll(async () => {
    await svc?.stop();
  });

  it("discovers, registers, signs in as a sandbox agent and acts as that agent", async () => {
    const mcpUrl = new URL(`${svc.url}/mcp`);
    const provider = new MemoryOAuthProvider(redirect);
    const first = new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider });
    await expect(new Client({ name: "flow", version: "1" }).connect(first)).rejects.toBeInstanceOf(
      UnauthorizedError,
    );
    // Discovery led the SDK to our authorization endpoint with PKCE and the resource indicator.
    const authorizationUrl = provider.authorizationUrl!;
    expect(authorizationUrl.pathname).toBe("/oauth/authorize");
    expect(authorizationUrl.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorizationUrl.searchParams.get("resource")).toBe(`${svc.url}/mcp`);
    expect(provider.clientInformation()?.client_id).toBeTruthy();

    const back = await consent(authorizationUrl.toString(), agent.api_key);
    expect(`${back.origin}${back.pathname}`).toBe(redirect);
    expect(back.searchParams.get("state")).toBe(authorizationUrl.searchParams.get("state"));
    expect(back.searchParams.get("iss")).toBe(svc.url);
    await first.finishAuth(back.searchParams.get("code")!);

    const tokens = provider.tokens()!;
    expect(tokens.token_type.toLowerCase()).toBe("bearer");
    expect(tokens.expires_in).toBeGreaterThan(0);
    expect(tokens.expires_in).toBeLessThanOrEqual(86_400);
    expect(tokens.refresh_token).toBeTruthy();
    // A non-admin agent asked for every scope (the SDK asks for scopes_supported) and got read and write.
    expect(tokens.scope?.split(" ").sort()).toEqual(["read", "write"]);

    const client = new Client({ name: "flow", version: "1" });
    await client.connect(new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider }));
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toContain("add_note");
    expect(tools.map((t) => t.name)).not.toContain("delete_ticket");

    const me = await client.callTool({ name: "get_current_agent", arguments: {} });
    expect(me.isError).toBeFalsy();
    expect(me.structuredContent).toMatchObject({ id: agent.id, name: agent.name });

    const ticket = await svc.createTicket("Printer on fire", "The office printer is smoking.");
    const note = await client.callTool({
      name: "add_note",
      arguments: { ticket_id: ticket.id, body: "Checked with facilities; the printer is unplugged." },
    });
    expect(note.isError).toBeFalsy();
    const conversations = await svc.freshdesk<Array<{ user_id: number; body_text: string }>>(
      "GET",
      `/tickets/${ticket.id}/conversations`,
    );
    const written = conversations.find((c) => c.body_text.includes("printer is unplugged"));
    expect(written?.user_id).toBe(agent.id);

    // The audit stream names the person and the client, never the key or the token.
    const audit = await svc.service.app!.request("/admin/audit?count=5", {
      headers: { Authorization: "Bearer e2e-admin-token-0123" },
    });
    const auditText = await audit.text();
    expect(auditText).toContain(`agent ${agent.id}`);
    expect(auditText).toContain("SDK flow test");
    expect(auditText).not.toContain(agent.api_key);
    expect(auditText).not.toContain(tokens.access_token);
    await client.close();

    // The refresh token rotates: it works once, and the new one replaces it.
    const clientId = provider.clientInformation()!.client_id;
    const refreshed = await tokenRequest(svc.url, {
      grant_type: "refresh_token",
      refresh_token: tokens.refresh_token!,
      client_id: clientId,
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).toBeTruthy();
    expect(refreshed.body.refresh_token).not.toBe(tokens.refresh_token);
    expect(refreshed.body.access_token).not.toBe(tokens.access_token);
    const again = await tokenRequest(svc.url, {
      grant_type: "refresh_token",
      refresh_token: tokens.refresh_token!,
      client_id: clientId,
    });
    expect(again.status).toBe(400);
    expect(again.body.error).toBe("invalid_grant");
    const withNew = await fetch(`${svc.url}/mcp`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${refreshed.body.access_token}`,
        "Content-Type": "application/json",
        Accept: "application/json, text/event-stream",
      },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
    });
    expect(withNew.status).toBe(200);
  });
});
