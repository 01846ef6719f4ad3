import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { Redis } from "ioredis";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKeyVault } from "../../src/auth/key-vault.ts";
import { loadConfig } from "../../src/config.ts";
import { type RunningService, startService } from "../../src/service.ts";
import { testRedisUrl } from "../support/redis.ts";
import {
  authorizeUrl,
  consent,
  pasteKey,
  pkcePair,
  registerClient,
  type SandboxAgent,
  sandboxAgents,
  tokenRequest,
} from "./support/consent.ts";

/**
 * Every log line the service writes (at trace level) while people sign in, use and lose their
 * tokens: none may hold a Freshdesk key, a token, a code or a client secret.
 */
describe("OAuth and the logs", () => {
  const lines: string[] = [];
  let service: RunningService;
  let url: string;
  let agent: SandboxAgent;
  let redis: Redis;
  const secretKey = "oauth-logs-secret-key-0123456789abcdef";

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const config = loadConfig({
      NODE_ENV: "test",
      PORT: "0",
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: `logs-${randomUUID().slice(0, 8)}`,
      WEBHOOK_SECRET: "logs-webhook-secret-0123456789",
      MCP_TOKENS: "admin:logs-admin-token-0123:read,write,admin",
      SECRET_KEY: secretKey,
    });
    service = await startService(config, pino({ level: "trace" }, sink), { web: true, worker: false });
    url = service.url!;
    redis = new Redis(testRedisUrl());
    agent = (await sandboxAgents(url, config.sandbox.apiKey)).find((a) => a.ticket_scope === 1)!;
  });
  afterAll(async () => {
    redis?.disconnect();
    await service?.stop();
  });

  it("never shows keys, tokens, codes or client secrets", async () => {
    const secrets: string[] = [agent.api_key];
    const redirect = "http://127.0.0.1:8976/cb";
    const registered = await registerClient(url, { client_name: "Log check", redirect_uris: [redirect] });
    const clientId = registered.body.client_id as string;
    const clientSecret = registered.body.client_secret as string;
    secrets.push(clientSecret);
    const form = { client_id: clientId, client_secret: clientSecret };

    const wrongKey = "WrongKeyForTheLogs123";
    secrets.push(wrongKey);
    const { verifier, challenge } = pkcePair();
    const authorization = authorizeUrl(url, {
      client_id: clientId,
      redirect_uri: redirect,
      code_challenge: challenge,
    });
    expect((await pasteKey(authorization, wrongKey)).status).toBe(401);
    const code = (await consent(authorization, agent.api_key)).searchParams.get("code")!;
    secrets.push(code);
    const tokens = await tokenRequest(url, {
      grant_type: "authorization_code",
      code,
      code_verifier: verifier,
      redirect_uri: redirect,
      ...form,
    });
    const access = tokens.body.access_token as string;
    const refresh = tokens.body.refresh_token as string;
    secrets.push(access, refresh);
    // Reused code: its tokens end (and the service logs that it happened).
    await tokenRequest(url, {
      grant_type: "authorization_code",
      code,
      code_verifier: verifier,
      redirect_uri: redirect,
      ...form,
    });

    const second = pkcePair();
    const code2 = (
      await consent(
        authorizeUrl(url, { client_id: clientId, redirect_uri: redirect, code_challenge: second.challenge }),
        agent.api_key,
      )
    ).searchParams.get("code")!;
    const live = await tokenRequest(url, {
      grant_type: "authorization_code",
      code: code2,
      code_verifier: second.verifier,
      redirect_uri: redirect,
      ...form,
    });
    const rotated = await tokenRequest(url, {
      grant_type: "refresh_token",
      refresh_token: live.body.refresh_token as string,
      ...form,
    });
    secrets.push(code2, live.body.access_token as string, live.body.refresh_token as string);
    secrets.push(rotated.body.access_token as string, rotated.body.refresh_token as string);
    const call = (token: string) =>
      fetch(`${url}/mcp`, {
        method: "POST",
        headers: {
          Authorization: `Bearer ${token}`,
          "Content-Type": "application/json",
          Accept: "application/json, text/event-stream",
        },
        body: JSON.stringify({
          jsonrpc: "2.0",
          id: 1,
          method: "tools/call",
          params: { name: "get_current_agent", arguments: {} },
        }),
      });
    expect((await call(rotated.body.access_token as string)).status).toBe(200);
    expect((await call(access)).status).toBe(401);
    // Freshdesk refuses the stored key: the person is signed out (and the service logs it).
    const staleKey = "StaleKeyForTheLogs0123";
    secrets.push(staleKey);
    await createKeyVault({ redis, keyPrefix: service.accountPrefix, secretKey }).put(agent.id, staleKey);
    await call(rotated.body.access_token as string);
    expect((await call(rotated.body.access_token as string)).status).toBe(401);

    const log = lines.join("");
    expect(log).toContain("oauth: tokens issued");
    expect(log).toContain("their OAuth sign-ins are revoked");
    for (const secret of secrets)
      expect(log.includes(secret), `a secret in the logs: ${secret.slice(0, 6)}…`).toBe(false);
  });
});
