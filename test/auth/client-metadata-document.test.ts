import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorizationRoutes } from "../../src/auth/authorization.ts";
import { fetchClientMetadataDocument, isPrivateAddress } from "../../src/auth/client-metadata-document.ts";
import { createKeyVault } from "../../src/auth/key-vault.ts";
import { createTokenStore } from "../../src/auth/token-store.ts";
import { createFreshdeskClient } from "../../src/freshdesk/index.ts";
import { silentLogger } from "../../src/logger.ts";
import { clientAddress } from "../../src/routes/client-address.ts";
import { createFailedSignInLimiter, createRateLimiter } from "../../src/routes/rate-limit.ts";
import { testRedis } from "../support/redis.ts";
import { startSandboxServer } from "../support/sandbox-server.ts";
import { consent, pkcePair, tokenRequest } from "./support/consent.ts";

/**
 * Client ID Metadata Documents: the client_id is the URL of the client's own metadata. Served
 * here by a loopback server, which only the explicit test option lets the fetch reach.
 */
describe("Client ID Metadata Documents", () => {
  let documents: Server;
  let docBase: string;
  const bodies = new Map<string, string>();

  beforeAll(async () => {
    documents = createServer((request, response) => {
      const body = bodies.get(request.url ?? "");
      response.writeHead(body === undefined ? 404 : 200, { "Content-Type": "application/json" });
      response.end(body ?? "{}");
    });
    await new Promise<void>((resolve) => documents.listen(0, "127.0.0.1", resolve));
    docBase = `http://127.0.0.1:${(documents.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => documents.close(() => resolve()));
  });

  function publish(path: string, document: unknown): string {
    bodies.set(path, typeof document === "string" ? document : JSON.stringify(document));
    return `${docBase}${path}`;
  }

  const options = { allowPrivateNetwork: true };

  it("reads a client's document and checks that it names its own URL", async () => {
    const id = publish("/client.json", {
      client_id: `${docBase}/client.json`,
      client_name: "Doc Client",
      redirect_uris: ["https://app.example/cb"],
    });
    const client = await fetchClientMetadataDocument(id, options);
    expect(client).toMatchObject({
      client_id: id,
      client_name: "Doc Client",
      redirect_uris: ["https://app.example/cb"],
      token_endpoint_auth_method: "none",
    });

    const wrongId = publish("/liar.json", {
      client_id: "https://someone-else.example/client.json",
      redirect_uris: ["https://app.example/cb"],
    });
    await expect(fetchClientMetadataDocument(wrongId, options)).rejects.toThrow(/another client_id/);
    const notJson = publish("/text.json", "hello");
    await expect(fetchClientMetadataDocument(notJson, options)).rejects.toThrow(/not JSON/);
    const big = publish("/big.json", {
      client_id: `${docBase}/big.json`,
      redirect_uris: ["https://app.example/cb"],
      pad: "x".repeat(10_000),
    });
    await expect(fetchClientMetadataDocument(big, options)).rejects.toThrow(/larger than 5120 bytes/);
    await expect(fetchClientMetadataDocument(`${docBase}/missing.json`, options)).rejects.toThrow(/HTTP 404/);
  });

  it("fetches only https URLs on public addresses unless the test option allows otherwise", async () => {
    const id = publish("/public.json", {
      client_id: `${docBase}/public.json`,
      redirect_uris: ["https://app.example/cb"],
    });
    await expect(fetchClientMetadataDocument(id)).rejects.toThrow(/must be an https URL/);
    await expect(fetchClientMetadataDocument("https://127.0.0.1/client.json")).rejects.toThrow(
      /private address/,
    );
    await expect(fetchClientMetadataDocument("https://localhost/client.json")).rejects.toThrow(
      /private address/,
    );
    await expect(fetchClientMetadataDocument("https://app.example/")).rejects.toThrow(/must have a path/);
    for (const address of [
      "10.1.2.3",
      "192.168.1.1",
      "169.254.169.254",
      "::1",
      "fd00::1",
      "::ffff:127.0.0.1",
    ]) {
      expect(isPrivateAddress(address)).toBe(true);
    }
    expect(isPrivateAddress("93.184.216.34")).toBe(false);
  });

  it("signs a person in for a client known only by its document", async () => {
    const sandbox = await startSandboxServer();
    const { redis, prefix, close } = testRedis();
    const store = createTokenStore({
      redis,
      keyPrefix: prefix,
      accessTokenTtlSeconds: 600,
      refreshTokenTtlSeconds: 600,
    });
    const app = new Hono();
    app.route(
      "/",
      authorizationRoutes({
        store,
        vault: createKeyVault({
          redis,
          keyPrefix: prefix,
          secretKey: "cimd-test-secret-key-0123456789abcdef",
        }),
        redis,
        keyPrefix: prefix,
        publicUrl: undefined,
        adminAgents: [],
        freshdeskFor: (apiKey) => createFreshdeskClient({ baseUrl: sandbox.baseUrl, apiKey, maxRetries: 0 }),
        failedSignIns: createFailedSignInLimiter({ redis, keyPrefix: prefix }),
        registrations: createRateLimiter({ redis, keyPrefix: `${prefix}:reg`, perMinute: 10 }),
        addressOf: clientAddress(0),
        logger: silentLogger(),
        clientMetadata: { allowPrivateNetwork: true },
      }),
    );
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const redirect = "http://127.0.0.1:8976/cb";
      const clientId = publish("/mcp-client.json", {
        client_id: `${docBase}/mcp-client.json`,
        client_name: "Doc Client",
        redirect_uris: [redirect],
      });
      const { verifier, challenge } = pkcePair();
      const url = `${base}/oauth/authorize?${new URLSearchParams({ response_type: "code", client_id: clientId, redirect_uri: redirect, code_challenge: challenge, code_challenge_method: "S256" })}`;
      const unregistered = await fetch(
        url.replace(encodeURIComponent(redirect), encodeURIComponent("https://evil.example/cb")),
        { redirect: "manual" },
      );
      expect(unregistered.status).toBe(400);
      const back = await consent(url, sandbox.apiKey);
      const tokens = await tokenRequest(base, {
        grant_type: "authorization_code",
        code: back.searchParams.get("code")!,
        code_verifier: verifier,
        redirect_uri: redirect,
        client_id: clientId,
      });
      expect(tokens.status).toBe(200);
      expect((await store.findAccessToken(tokens.body.access_token as string))?.grant.clientName).toBe(
        "Doc Client",
      );
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await close();
      await sandbox.close();
    }
  });
});
