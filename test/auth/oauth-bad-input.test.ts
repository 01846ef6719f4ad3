import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKeyVault } from "../../src/auth/key-vault.ts";
import { resolveSecretKey } from "../../src/auth/secret-key.ts";
import { createTokenStore, hashSecret } from "../../src/auth/token-store.ts";
import { createRateGovernor } from "../../src/freshdesk/index.ts";
import { testRedisUrl } from "../support/redis.ts";
import { startTestService, type TestService } from "../support/service.ts";
import {
  authorizeUrl,
  consent,
  hiddenFields,
  pasteKey,
  pkcePair,
  postForm,
  registerClient,
  type SandboxAgent,
  sandboxAgents,
  tokenRequest,
} from "./support/consent.ts";

/**
 * The issue's "bad input and safety" list, against the running service over real HTTP: each
 * case gets its own client address (TRUST_PROXY=1 and X-Forwarded-For), so the per-address
 * budget of wrong keys one case spends never refuses another.
 */
describe("OAuth bad input and safety", () => {
  let svc: TestService;
  let agent: SandboxAgent;
  let redis: Redis;
  const redirect = "http://127.0.0.1:8976/cb";
  const secretKey = "oauth-bad-input-secret-key-0123456789";

  beforeAll(async () => {
    svc = await startTestService({ TRUST_PROXY: "1", SECRET_KEY: secretKey }, { web: true, worker: false });
    redis = new Redis(testRedisUrl());
    const agents = await sandboxAgents(svc.url, svc.config.sandbox.apiKey);
    agent = agents.find((a) => a.ticket_scope === 1 && !a.roles.includes("Account Administrator"))!;
  });
  afterAll(async () => {
    redis?.disconnect();
    await svc?.stop();
  });

  const address = () => ({
    "X-Forwarded-For": `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
  });

  async function newClient(redirectUris = [redirect]): Promise<string> {
    const registered = await registerClient(svc.url, {
      client_name: "Bad input test",
      redirect_uris: redirectUris,
      token_endpoint_auth_method: "none",
    });
    expect(registered.status).toBe(201);
    return registered.body.client_id as string;
  }

  /** Register, consent and exchange: a client holding live tokens. */
  async function signedIn(key = agent.api_key) {
    const clientId = await newClient();
    const { verifier, challenge } = pkcePair();
    const back = await consent(
      authorizeUrl(svc.url, {
        client_id: clientId,
        redirect_uri: redirect,
        code_challenge: challenge,
        state: "s1",
      }),
      key,
    );
    const code = back.searchParams.get("code")!;
    const tokens = await tokenRequest(svc.url, {
      grant_type: "authorization_code",
      code,
      code_verifier: verifier,
      redirect_uri: redirect,
      client_id: clientId,
    });
    expect(tokens.status).toBe(200);
    return { clientId, code, verifier, tokens: tokens.body as Record<string, string> };
  }

  async function mcp(token: string): Promise<Response> {
    return fetch(`${svc.url}/mcp`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${token}`,
        "Content-Type": "application/json",
        Accept: "application/json, text/event-stream",
        ...address(),
      },
      body: JSON.stringify({
        jsonrpc: "2.0",
        id: 1,
        method: "tools/call",
        params: { name: "get_current_agent", arguments: {} },
      }),
    });
  }

  it("serves both metadata documents with open CORS, and /mcp's 401 points at them", async () => {
    for (const path of [
      "/.well-known/oauth-protected-resource",
      "/.well-known/oauth-protected-resource/mcp",
    ]) {
      const response = await fetch(`${svc.url}${path}`, { headers: { Origin: "https://inspector.example" } });
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      expect(await response.json()).toMatchObject({
        resource: `${svc.url}/mcp`,
        authorization_servers: [svc.url],
      });
    }
    const server = (await (
      await fetch(`${svc.url}/.well-known/oauth-authorization-server`)
    ).json()) as Record<string, unknown>;
    expect(server).toMatchObject({
      issuer: svc.url,
      code_challenge_methods_supported: ["S256"],
      token_endpoint_auth_methods_supported: ["none", "client_secret_basic", "client_secret_post"],
      client_id_metadata_document_supported: true,
      scopes_supported: ["read", "write", "admin"],
      revocation_endpoint: `${svc.url}/oauth/revoke`,
    });
    const challenge = await fetch(`${svc.url}/mcp`, { method: "POST", headers: { Origin: svc.url } });
    expect(challenge.status).toBe(401);
    expect(challenge.headers.get("www-authenticate")).toBe(
      `Bearer resource_metadata="${svc.url}/.well-known/oauth-protected-resource/mcp", scope="read write admin"`,
    );
    // No CORS on the consent page.
    const page = await fetch(`${svc.url}/oauth/authorize`, { headers: { Origin: "https://evil.example" } });
    expect(page.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("refuses a redirect URI that is not registered, without redirecting anywhere", async () => {
    const clientId = await newClient();
    const { challenge } = pkcePair();
    for (const other of ["https://evil.example/cb", "http://127.0.0.1:8976/other", `${redirect}?x=1`]) {
      const response = await fetch(
        authorizeUrl(svc.url, { client_id: clientId, redirect_uri: other, code_challenge: challenge }),
        { redirect: "manual" },
      );
      expect(response.status).toBe(400);
      expect(response.headers.get("location")).toBeNull();
      expect(await response.text()).toContain("is not registered for this client");
    }
    // A loopback redirect may use another port (native apps take any free one).
    const otherPort = await fetch(
      authorizeUrl(svc.url, {
        client_id: clientId,
        redirect_uri: "http://127.0.0.1:9111/cb",
        code_challenge: challenge,
      }),
      { redirect: "manual" },
    );
    expect(otherPort.status).toBe(200);
  });

  it("never becomes an open redirect: unknown clients and unsafe registrations are refused on our page", async () => {
    const unknown = await fetch(
      authorizeUrl(svc.url, {
        client_id: "no-such-client",
        redirect_uri: "https://evil.example/",
        code_challenge: pkcePair().challenge,
      }),
      { redirect: "manual" },
    );
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get("location")).toBeNull();
    for (const uri of [
      "http://evil.example/cb",
      "javascript:alert(1)",
      "https://user:pw@evil.example/cb",
      "https://x.example/cb#frag",
    ]) {
      const registered = await registerClient(svc.url, {
        redirect_uris: [uri],
        token_endpoint_auth_method: "none",
      });
      expect(registered.status).toBe(400);
      expect(registered.body.error).toBe("invalid_client_metadata");
    }
  });

  it("shows a client's name as text, never as markup", async () => {
    const registered = await registerClient(svc.url, {
      client_name: '<img src=x onerror="alert(1)">Evil',
      redirect_uris: [redirect],
      token_endpoint_auth_method: "none",
    });
    const page = await fetch(
      authorizeUrl(svc.url, {
        client_id: registered.body.client_id as string,
        redirect_uri: redirect,
        code_challenge: pkcePair().challenge,
      }),
    );
    const html = await page.text();
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;img src=x");
  });

  it("sends request errors back to a registered redirect URI only, with the state", async () => {
    const clientId = await newClient();
    const plain = await fetch(
      authorizeUrl(svc.url, {
        client_id: clientId,
        redirect_uri: redirect,
        code_challenge: pkcePair().challenge,
        code_challenge_method: "plain",
        state: "st",
      }),
      { redirect: "manual" },
    );
    expect(plain.status).toBe(303);
    const location = new URL(plain.headers.get("location")!);
    expect(`${location.origin}${location.pathname}`).toBe(redirect);
    expect(location.searchParams.get("error")).toBe("invalid_request");
    expect(location.searchParams.get("state")).toBe("st");
  });

  it("refuses a missing or wrong PKCE verifier", async () => {
    for (const verifier of [undefined, "a-wrong-verifier-that-is-long-enough-to-look-real-0123"]) {
      const clientId = await newClient();
      const { challenge } = pkcePair();
      const back = await consent(
        authorizeUrl(svc.url, { client_id: clientId, redirect_uri: redirect, code_challenge: challenge }),
        agent.api_key,
      );
      const answer = await tokenRequest(svc.url, {
        grant_type: "authorization_code",
        code: back.searchParams.get("code")!,
        redirect_uri: redirect,
        client_id: clientId,
        ...(verifier ? { code_verifier: verifier } : {}),
      });
      expect(answer.status).toBe(400);
      expect(answer.body.error).toBe("invalid_grant");
      expect(String(answer.body.error_description)).toMatch(/code_verifier/);
    }
  });

  it("revokes the tokens of a code that is used twice", async () => {
    const first = await signedIn();
    expect((await mcp(first.tokens.access_token!)).status).toBe(200);
    const again = await tokenRequest(svc.url, {
      grant_type: "authorization_code",
      code: first.code,
      code_verifier: first.verifier,
      redirect_uri: redirect,
      client_id: first.clientId,
    });
    expect(again.status).toBe(400);
    expect(again.body.error).toBe("invalid_grant");
    expect((await mcp(first.tokens.access_token!)).status).toBe(401);
    const refresh = await tokenRequest(svc.url, {
      grant_type: "refresh_token",
      refresh_token: first.tokens.refresh_token!,
      client_id: first.clientId,
    });
    expect(refresh.body.error).toBe("invalid_grant");
  });

  it("refuses expired and revoked tokens", async () => {
    const expired = await signedIn();
    // The record's own expiry time is what counts (Redis drops it later): move it into the past.
    const key = `${svc.service.accountPrefix}:oauth:at:${hashSecret(expired.tokens.access_token!)}`;
    const record = JSON.parse((await redis.get(key))!) as { expiresAt: number };
    await redis.set(key, JSON.stringify({ ...record, expiresAt: Date.now() - 1000 }), "KEEPTTL");
    const answer = await mcp(expired.tokens.access_token!);
    expect(answer.status).toBe(401);
    expect(answer.headers.get("www-authenticate")).toMatch(/error="invalid_token"/);

    // Clients sharing one address send expired tokens before refreshing: no guesses, no budget spent.
    const shared = address();
    const statuses = new Set<number>();
    for (let i = 0; i < 12; i++) {
      const response = await fetch(`${svc.url}/mcp`, {
        method: "POST",
        headers: { Authorization: `Bearer ${expired.tokens.access_token}`, ...shared },
      });
      statuses.add(response.status);
    }
    expect([...statuses]).toEqual([401]);

    const revoked = await signedIn();
    const revoke = await fetch(`${svc.url}/oauth/revoke`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token: revoked.tokens.refresh_token!, client_id: revoked.clientId }),
    });
    expect(revoke.status).toBe(200);
    expect((await mcp(revoked.tokens.access_token!)).status).toBe(401);
  });

  it("accepts only tokens issued for its own /mcp resource", async () => {
    const clientId = await newClient();
    const other = await fetch(
      authorizeUrl(svc.url, {
        client_id: clientId,
        redirect_uri: redirect,
        code_challenge: pkcePair().challenge,
        resource: "https://other.example/mcp",
      }),
      { redirect: "manual" },
    );
    expect(new URL(other.headers.get("location")!).searchParams.get("error")).toBe("invalid_target");
    // A token whose audience is another resource, as another server's would be, is refused.
    const store = createTokenStore({
      redis,
      keyPrefix: svc.service.accountPrefix,
      accessTokenTtlSeconds: 600,
      refreshTokenTtlSeconds: 600,
    });
    const vault = createKeyVault({
      redis,
      keyPrefix: svc.service.accountPrefix,
      secretKey: resolveSecretKey(secretKey, "/nonexistent"),
    });
    await vault.put(agent.id, agent.api_key);
    const { tokens } = await store.createGrant({
      agentId: agent.id,
      personName: agent.name,
      personEmail: agent.email,
      clientId,
      clientName: "elsewhere",
      scopes: ["read"],
      resource: "https://other.example/mcp",
    });
    const answer = await mcp(tokens.access_token);
    expect(answer.status).toBe(401);
    expect(await answer.text()).toContain("another resource");
  });

  it("limits wrong Freshdesk keys per address, and never echoes the key", async () => {
    const clientId = await newClient();
    const url = authorizeUrl(svc.url, {
      client_id: clientId,
      redirect_uri: redirect,
      code_challenge: pkcePair().challenge,
    });
    const from = address();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt++) {
      const wrongKey = `WrongKey${randomUUID().replace(/-/g, "").slice(0, 12)}`;
      const answer = await pasteKey(url, wrongKey, from);
      statuses.push(answer.status);
      expect(answer.html).not.toContain(wrongKey);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
    // Spent for this address only: another address still signs in.
    expect((await pasteKey(url, agent.api_key, address())).status).toBe(200);
    // An email in the key field gets told what to paste instead.
    expect((await pasteKey(url, "maria@example.com", address())).html).toContain(
      "looks like an email address",
    );
  });

  it("refuses a consent POST from another origin, or with no origin", async () => {
    const clientId = await newClient();
    const page = await fetch(
      authorizeUrl(svc.url, {
        client_id: clientId,
        redirect_uri: redirect,
        code_challenge: pkcePair().challenge,
      }),
    );
    const fields = { ...hiddenFields(await page.text()), freshdesk_api_key: agent.api_key };
    const foreign = await postForm(`${svc.url}/oauth/authorize`, fields, { Origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
    const response = await fetch(`${svc.url}/oauth/authorize`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields),
    });
    expect(response.status).toBe(403);
    // The page may not be framed by another site either.
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("uses each consent form once, and refuses a form whose hidden fields were changed", async () => {
    const clientId = await newClient();
    const url = authorizeUrl(svc.url, {
      client_id: clientId,
      redirect_uri: redirect,
      code_challenge: pkcePair().challenge,
    });
    const fields = hiddenFields(await (await fetch(url)).text());
    const tampered = await postForm(`${svc.url}/oauth/authorize`, {
      ...fields,
      redirect_uri: "http://127.0.0.1:8976/elsewhere",
      freshdesk_api_key: agent.api_key,
    });
    expect(tampered.status).toBe(400);
    const fresh = hiddenFields(await (await fetch(url)).text());
    expect(
      (await postForm(`${svc.url}/oauth/authorize`, { ...fresh, freshdesk_api_key: agent.api_key })).status,
    ).toBe(200);
    const replay = await postForm(`${svc.url}/oauth/authorize`, {
      ...fresh,
      freshdesk_api_key: agent.api_key,
    });
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain("already used");
  });

  it("signs a person out when Freshdesk refuses their key, and tells the client", async () => {
    const person = await signedIn();
    expect((await mcp(person.tokens.access_token!)).status).toBe(200);
    // As if the agent had regenerated their key in Freshdesk: the stored one is now refused.
    const vault = createKeyVault({ redis, keyPrefix: svc.service.accountPrefix, secretKey });
    await vault.put(agent.id, "RevokedKey0123456789");
    const refused = await mcp(person.tokens.access_token!);
    expect(refused.status).toBe(200);
    expect(await refused.text()).toContain("you were signed out of this connection");
    const after = await mcp(person.tokens.access_token!);
    expect(after.status).toBe(401);
    expect(await vault.get(agent.id)).toBeUndefined();
  });

  it("lets operators see and revoke sign-ins per client and per person", async () => {
    const admin = { Authorization: "Bearer e2e-admin-token-0123" };
    const one = await signedIn();
    const two = await signedIn();
    const listed = await fetch(`${svc.url}/admin/oauth/people/${agent.id}`, { headers: admin });
    const body = (await listed.json()) as { signed_in: Array<{ client_id: string }> };
    expect(body.signed_in.map((g) => g.client_id)).toEqual(
      expect.arrayContaining([one.clientId, two.clientId]),
    );

    const byClient = await fetch(`${svc.url}/admin/oauth/clients/${one.clientId}`, {
      method: "DELETE",
      headers: admin,
    });
    expect(await byClient.json()).toEqual({ revoked: 1 });
    expect((await mcp(one.tokens.access_token!)).status).toBe(401);
    expect((await mcp(two.tokens.access_token!)).status).toBe(200);

    const byPerson = await fetch(`${svc.url}/admin/oauth/people/${agent.id}`, {
      method: "DELETE",
      headers: admin,
    });
    expect(((await byPerson.json()) as { revoked: number }).revoked).toBeGreaterThanOrEqual(1);
    expect((await mcp(two.tokens.access_token!)).status).toBe(401);
    const vault = createKeyVault({ redis, keyPrefix: svc.service.accountPrefix, secretKey });
    expect(await vault.get(agent.id)).toBeUndefined();
    // Not for a token without admin.
    expect((await fetch(`${svc.url}/admin/oauth/people/${agent.id}`)).status).toBe(401);
  });

  it("authenticates confidential clients by Basic or body secret, kept only as a hash", async () => {
    const registered = await registerClient(svc.url, {
      client_name: "Confidential",
      redirect_uris: [redirect],
    });
    expect(registered.status).toBe(201);
    const { client_id: clientId, client_secret: secret } = registered.body as Record<string, string>;
    expect(secret).toBeTruthy();
    const keys: string[] = [];
    for (const key of await redis.keys(`${svc.service.accountPrefix}:oauth:client:*`)) {
      if ((await redis.get(key))?.includes(clientId!)) keys.push(key);
    }
    expect(keys).toHaveLength(1);
    const stored = await Promise.all(keys.map((key) => redis.get(key)));
    expect(stored.join("")).not.toContain(secret);

    const codeFor = async () => {
      const { verifier, challenge } = pkcePair();
      const back = await consent(
        authorizeUrl(svc.url, { client_id: clientId!, redirect_uri: redirect, code_challenge: challenge }),
        agent.api_key,
      );
      return { code: back.searchParams.get("code")!, verifier };
    };
    const exchange = async (headers: Record<string, string>, fields: Record<string, string>) => {
      const { code, verifier } = await codeFor();
      const response = await fetch(`${svc.url}/oauth/token`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
        body: new URLSearchParams({
          grant_type: "authorization_code",
          code,
          code_verifier: verifier,
          redirect_uri: redirect,
          ...fields,
        }),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const basic = (id: string, pw: string) => ({
      Authorization: `Basic ${Buffer.from(`${id}:${pw}`).toString("base64")}`,
    });
    // A client in use keeps its registration: each token request extends it.
    await redis.expire(keys[0]!, 100);
    expect((await exchange(basic(clientId!, secret!), {})).status).toBe(200);
    expect(await redis.ttl(keys[0]!)).toBeGreaterThan(86_400);
    expect((await exchange({}, { client_id: clientId!, client_secret: secret! })).status).toBe(200);
    const wrong = await exchange(basic(clientId!, "not-the-secret"), {});
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBe("invalid_client");
    expect((await exchange({}, { client_id: clientId! })).body.error).toBe("invalid_client");
  });

  it("answers browser preflights on the token endpoint, exposing WWW-Authenticate", async () => {
    const preflight = await fetch(`${svc.url}/oauth/token`, {
      method: "OPTIONS",
      headers: {
        Origin: "http://localhost:6274",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    const metadata = await fetch(`${svc.url}/.well-known/oauth-authorization-server`, {
      headers: { Origin: "http://localhost:6274" },
    });
    expect(metadata.headers.get("access-control-expose-headers")).toContain("WWW-Authenticate");
  });

  it("applies the person's own Freshdesk permissions: a group-restricted agent sees only their groups' tickets", async () => {
    const agents = await sandboxAgents(svc.url, svc.config.sandbox.apiKey);
    const restricted = agents.find((a) => a.ticket_scope === 2 && a.group_ids.length > 0)!;
    const groups = (await svc.freshdesk<Array<{ id: number }>>("GET", "/groups")).map((g) => g.id);
    const outside = groups.find((id) => !restricted.group_ids.includes(id))!;
    await svc.createTicket("Mine to see", "In my group", { group_id: restricted.group_ids[0] });
    await svc.createTicket("Not mine to see", "In another group", { group_id: outside });
    const person = await signedIn(restricted.api_key);
    const answer = await fetch(`${svc.url}/mcp`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${person.tokens.access_token}`,
        "Content-Type": "application/json",
        Accept: "application/json, text/event-stream",
      },
      body: JSON.stringify({
        jsonrpc: "2.0",
        id: 1,
        method: "tools/call",
        params: { name: "list_tickets", arguments: {} },
      }),
    });
    const { result } = (await answer.json()) as {
      result: { structuredContent: { items: Array<{ group_id?: number; subject: string }> } };
    };
    const seen = result.structuredContent.items;
    expect(seen.map((t) => t.subject)).toContain("Mine to see");
    expect(seen.map((t) => t.subject)).not.toContain("Not mine to see");
    expect(seen.every((t) => t.group_id !== undefined && restricted.group_ids.includes(t.group_id))).toBe(
      true,
    );
  });

  it("counts a person's Freshdesk calls in the account's one shared rate budget", async () => {
    const governor = createRateGovernor({ redis, account: svc.service.account, keyPrefix: svc.prefix });
    const person = await signedIn();
    // The first call also loads the account's group names (through the service's own client).
    expect((await mcp(person.tokens.access_token!)).status).toBe(200);
    const before = (await governor.snapshot()).usedInWindow;
    expect((await mcp(person.tokens.access_token!)).status).toBe(200);
    expect((await governor.snapshot()).usedInWindow).toBeGreaterThan(before);
  });

  it("sends a denial back as access_denied, with no code", async () => {
    const clientId = await newClient();
    const back = await consent(
      authorizeUrl(svc.url, {
        client_id: clientId,
        redirect_uri: redirect,
        code_challenge: pkcePair().challenge,
        state: "d",
      }),
      agent.api_key,
      "deny",
    );
    expect(back.searchParams.get("error")).toBe("access_denied");
    expect(back.searchParams.get("state")).toBe("d");
    expect(back.searchParams.get("code")).toBeNull();
  });

  it("keeps secrets out of the audit stream", async () => {
    const person = await signedIn();
    const ticket = await svc.createTicket("Audit check", "Body");
    await fetch(`${svc.url}/mcp`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${person.tokens.access_token}`,
        "Content-Type": "application/json",
        Accept: "application/json, text/event-stream",
      },
      body: JSON.stringify({
        jsonrpc: "2.0",
        id: 1,
        method: "tools/call",
        params: { name: "add_note", arguments: { ticket_id: ticket.id, body: "checked" } },
      }),
    });
    const entries = await redis.xrevrange(`${svc.prefix}:audit`, "+", "-", "COUNT", 5);
    const text = JSON.stringify(entries);
    expect(text).toContain(`agent ${agent.id}`);
    expect(text).toContain("Bad input test");
    for (const secret of [agent.api_key, person.tokens.access_token!, person.tokens.refresh_token!]) {
      expect(text).not.toContain(secret);
    }
  });
});
