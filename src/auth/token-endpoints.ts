import { createHash, randomBytes } from "node:crypto";
import {
  InvalidClientError,
  InvalidClientMetadataError,
  InvalidGrantError,
  InvalidRequestError,
  InvalidTargetError,
  OAuthError,
  TooManyRequestsError,
  UnsupportedGrantTypeError,
} from "@modelcontextprotocol/sdk/server/auth/errors.js";
import { OAuthClientMetadataSchema } from "@modelcontextprotocol/sdk/shared/auth.js";
import type { Context, ErrorHandler } from "hono";
import { Hono } from "hono";
import { AppError, RateLimitedError } from "../errors.ts";
import type { Logger } from "../logger.ts";
import { secretsEqual } from "../routes/constant-time.ts";
import type { AuthorizationDeps } from "./authorization.ts";
import { canonicalResource, redirectUriProblem } from "./authorize-request.ts";
import { isMetadataDocumentClientId } from "./client-metadata-document.ts";
import { openCors, serviceBase } from "./oauth-metadata.ts";
import { hashSecret, newSecret, type StoredClient } from "./token-store.ts";

/**
 * The authorization server's JSON endpoints, for clients rather than people: /oauth/token
 * (authorization_code with PKCE, refresh_token with rotation), /oauth/register (RFC 7591) and
 * /oauth/revoke (RFC 7009). Open to any origin, since browser-based clients call them.
 */
export function tokenEndpointRoutes(deps: AuthorizationDeps): Hono {
  const routes = new Hono();
  routes.onError(oauthErrorHandler(deps.logger));
  routes.use("/oauth/token", openCors);
  routes.use("/oauth/register", openCors);
  routes.use("/oauth/revoke", openCors);

  routes.post("/oauth/token", async (c) => {
    const form = await formBody(c);
    const clientId = await authenticateClient(c, form);
    const grantType = form.get("grant_type");
    c.header("Cache-Control", "no-store");
    c.header("Pragma", "no-cache");
    if (grantType === "authorization_code") {
      const code = form.get("code");
      if (!code) throw new InvalidRequestError("The code parameter is missing.");
      const taken = await deps.store.takeCode(code);
      if (taken.kind === "reused") {
        deps.logger.warn({ clientId }, "oauth: an authorization code was used twice; its tokens are revoked");
        throw new InvalidGrantError(
          "This authorization code was already used; the tokens it gave are now revoked.",
        );
      }
      if (taken.kind === "unknown")
        throw new InvalidGrantError("The authorization code is unknown or expired.");
      const pending = taken.code;
      if (pending.clientId !== clientId)
        throw new InvalidGrantError("The authorization code was issued to another client.");
      const redirectUri = form.get("redirect_uri");
      if (redirectUri !== null && redirectUri !== pending.redirectUri) {
        throw new InvalidGrantError("redirect_uri differs from the one in the authorization request.");
      }
      const verifier = form.get("code_verifier");
      if (!verifier) throw new InvalidGrantError("The PKCE code_verifier is missing.");
      if (!secretsEqual(createHash("sha256").update(verifier).digest("base64url"), pending.codeChallenge)) {
        throw new InvalidGrantError("The PKCE code_verifier does not match the code_challenge.");
      }
      checkResource(c, form, pending.resource);
      const { redirectUri: _r, codeChallenge: _c, ...fields } = pending;
      const { grant, tokens } = await deps.store.createGrant(fields);
      await taken.markIssued(grant.id);
      deps.logger.info({ clientId, agentId: grant.agentId, grant: grant.id }, "oauth: tokens issued");
      return c.json(tokens);
    }
    if (grantType === "refresh_token") {
      const refreshToken = form.get("refresh_token");
      if (!refreshToken) throw new InvalidRequestError("The refresh_token parameter is missing.");
      const rotated = await deps.store.rotateRefreshToken(refreshToken, clientId);
      if (!rotated)
        throw new InvalidGrantError("The refresh token is unknown, already used, revoked or expired.");
      checkResource(c, form, rotated.grant.resource);
      deps.logger.info(
        { clientId, agentId: rotated.grant.agentId, grant: rotated.grant.id },
        "oauth: tokens refreshed",
      );
      return c.json(rotated.tokens);
    }
    throw new UnsupportedGrantTypeError("grant_type must be authorization_code or refresh_token.");
  });

  function checkResource(c: Context, form: URLSearchParams, granted: string) {
    const requested = form.getAll("resource");
    if (requested.length > 1) throw new InvalidTargetError("Only one resource may be named.");
    let resource: string;
    try {
      resource = canonicalResource(requested[0], serviceBase(c, deps.publicUrl));
    } catch (error) {
      throw new InvalidTargetError(
        error instanceof Error ? error.message : "The resource is not served here.",
      );
    }
    if (resource !== granted) throw new InvalidTargetError("The resource differs from the one authorized.");
  }

  /** client_secret_basic, client_secret_post or a public client (none); returns the client id. */
  async function authenticateClient(c: Context, form: URLSearchParams): Promise<string> {
    let clientId = form.get("client_id") ?? undefined;
    let secret = form.get("client_secret") ?? undefined;
    const basic = /^Basic\s+(\S+)$/i.exec(c.req.header("authorization") ?? "");
    if (basic?.[1]) {
      const decoded = Buffer.from(basic[1], "base64").toString("utf8");
      const colon = decoded.indexOf(":");
      if (colon < 0) throw new InvalidClientError("The Basic credentials are malformed.");
      clientId = decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, " "));
      secret = decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, " "));
    }
    if (!clientId) throw new InvalidClientError("The client_id is missing.");
    // A metadata-document client is public: the code and refresh token are bound to its id.
    if (isMetadataDocumentClientId(clientId)) return clientId;
    const client = await deps.store.getClient(clientId);
    if (!client)
      throw new InvalidClientError(
        "This client is not registered (or its registration expired); register again.",
      );
    if (
      client.token_endpoint_auth_method !== "none" &&
      (!secret || !client.client_secret_hash || !secretsEqual(hashSecret(secret), client.client_secret_hash))
    ) {
      throw new InvalidClientError("The client secret is wrong.");
    }
    await deps.store.touchClient(clientId);
    return clientId;
  }

  routes.post("/oauth/register", async (c) => {
    try {
      await deps.registrations.consume(deps.addressOf(c));
    } catch (error) {
      if (error instanceof RateLimitedError) {
        c.header("Retry-After", String(error.retryAfterSeconds));
        throw new TooManyRequestsError("Too many registrations from this address; retry in a minute.");
      }
      throw error;
    }
    const json = await c.req.json().catch(() => {
      throw new InvalidClientMetadataError("The registration body must be a JSON object.");
    });
    const parsed = OAuthClientMetadataSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InvalidClientMetadataError(
        `${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}`,
      );
    }
    const metadata = parsed.data;
    if (metadata.redirect_uris.length === 0)
      throw new InvalidClientMetadataError("redirect_uris must name at least one URI.");
    for (const uri of metadata.redirect_uris) {
      const problem = redirectUriProblem(String(uri));
      if (problem) throw new InvalidClientMetadataError(`redirect_uris: ${problem}.`);
    }
    const method = metadata.token_endpoint_auth_method ?? "client_secret_basic";
    if (method !== "none" && method !== "client_secret_basic" && method !== "client_secret_post") {
      throw new InvalidClientMetadataError(
        "token_endpoint_auth_method must be none, client_secret_basic or client_secret_post.",
      );
    }
    const grantTypes = metadata.grant_types ?? ["authorization_code", "refresh_token"];
    if (grantTypes.some((grant) => grant !== "authorization_code" && grant !== "refresh_token")) {
      throw new InvalidClientMetadataError("grant_types may hold only authorization_code and refresh_token.");
    }
    const secret = method === "none" ? undefined : newSecret("fdt_cs");
    const client: StoredClient = {
      client_id: randomBytes(16).toString("hex"),
      client_id_issued_at: Math.floor(Date.now() / 1000),
      ...(secret ? { client_secret_hash: hashSecret(secret), client_secret_expires_at: 0 } : {}),
      ...(metadata.client_name ? { client_name: metadata.client_name.slice(0, 100) } : {}),
      ...(metadata.client_uri ? { client_uri: String(metadata.client_uri) } : {}),
      redirect_uris: metadata.redirect_uris.map(String),
      token_endpoint_auth_method: method,
      grant_types: grantTypes,
      response_types: ["code"],
      ...(metadata.scope ? { scope: metadata.scope } : {}),
    };
    await deps.store.saveClient(client);
    deps.logger.info(
      { clientId: client.client_id, clientName: client.client_name },
      "oauth: client registered",
    );
    const { client_secret_hash: _hash, ...visible } = client;
    c.header("Cache-Control", "no-store");
    return c.json({ ...visible, ...(secret ? { client_secret: secret } : {}) }, 201);
  });

  routes.post("/oauth/revoke", async (c) => {
    const form = await formBody(c);
    const clientId = await authenticateClient(c, form);
    const token = form.get("token");
    if (!token) throw new InvalidRequestError("The token parameter is missing.");
    await deps.store.revokeToken(token, clientId);
    return c.body(null, 200);
  });

  return routes;
}

/** OAuth errors as RFC 6749 bodies; the service's own errors in its usual shape. */
export function oauthErrorHandler(logger: Logger): ErrorHandler {
  return (error, c) => {
    if (error instanceof OAuthError) {
      const status =
        error instanceof InvalidClientError ? 401 : error instanceof TooManyRequestsError ? 429 : 400;
      if (status === 401) c.header("WWW-Authenticate", 'Basic realm="oauth"');
      c.header("Cache-Control", "no-store");
      return c.json(error.toResponseObject(), status);
    }
    if (error instanceof AppError) {
      if (error instanceof RateLimitedError) c.header("Retry-After", String(error.retryAfterSeconds));
      return c.json({ error: { code: error.code, message: error.message } }, error.status as 400);
    }
    logger.error({ err: error, path: c.req.path }, "unhandled error in the authorization server");
    return c.json({ error: "server_error", error_description: "Something went wrong on our side." }, 500);
  };
}

async function formBody(c: Context): Promise<URLSearchParams> {
  const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") {
    throw new InvalidRequestError("The body must be application/x-www-form-urlencoded.");
  }
  return new URLSearchParams(await c.req.text());
}
