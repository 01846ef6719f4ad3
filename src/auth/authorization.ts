import { randomBytes } from "node:crypto";
import { OAuthError } from "@modelcontextprotocol/sdk/server/auth/errors.js";
import type { Context } from "hono";
import { Hono } from "hono";
import type { Redis } from "ioredis";
import type { Scope } from "../config.ts";
import { RateLimitedError } from "../errors.ts";
import { FreshdeskApiError, FreshdeskAuthError, type FreshdeskClient } from "../freshdesk/index.ts";
import type { Logger } from "../logger.ts";
import { PRODUCT_LABELS, type Product } from "../product.ts";
import type { ClientAddress } from "../routes/client-address.ts";
import { assertSameOrigin } from "../routes/page-auth.ts";
import type { RateLimiter } from "../routes/rate-limit.ts";
import { consentConfirmPage, consentErrorPage, consentKeyPage } from "../ui/consent-page.ts";
import type { Markup } from "../ui/layout.ts";
import {
  type AuthorizeRequest,
  checkAuthorizeParams,
  chooseRedirectUri,
  type RawAuthorizeParams,
  RedirectableError,
  redirectWith,
  UnsafeRedirectError,
} from "./authorize-request.ts";
import {
  type ClientMetadataFetchOptions,
  fetchClientMetadataDocument,
  isMetadataDocumentClientId,
} from "./client-metadata-document.ts";
import { freshdeskKeyCheck, type KeyCheck, type KeyOwner } from "./key-check.ts";
import type { KeyVault } from "./key-vault.ts";
import { serviceBase } from "./oauth-metadata.ts";
import { oauthErrorHandler, tokenEndpointRoutes } from "./token-endpoints.ts";
import { hashSecret, type StoredClient, type TokenStore } from "./token-store.ts";

/**
 * The embedded authorization server: the consent page (`/oauth/authorize`), where a person signs
 * in by pasting their own Freshdesk (or Freshservice) API key, and the token, registration and
 * revocation endpoints. Mounted at the root; the well-known documents are in oauth-metadata.ts.
 *
 * The product only changes the page's wording and how a pasted key is checked (`keyCheck`);
 * the form field stays `freshdesk_api_key` for every product, so clients and scripts that post
 * the form keep working.
 */
export type AuthorizationDeps = {
  store: TokenStore;
  vault: KeyVault;
  redis: Redis;
  /** Carries the Freshdesk account (pending consent forms live under it). */
  keyPrefix: string;
  publicUrl: string | undefined;
  /** MCP_ADMIN_AGENTS: agent ids or emails that may grant admin without being account admins. */
  adminAgents: readonly string[];
  /** The product whose key the page asks for; Freshdesk when left out. */
  product?: Product;
  /**
   * Who owns a pasted key (person-freshservice.ts's `keyCheck` for Freshservice). When left out,
   * Freshdesk's check over `freshdeskFor`.
   */
  keyCheck?: KeyCheck;
  /** A Freshdesk client acting with this key, on the account's shared rate budget. */
  freshdeskFor?(apiKey: string): FreshdeskClient;
  /** Wrong keys per client address: the budget /login and /mcp spend. */
  failedSignIns: RateLimiter;
  /** Registrations per client address. */
  registrations: RateLimiter;
  addressOf: ClientAddress;
  logger: Logger;
  clientMetadata?: ClientMetadataFetchOptions;
};

/** A consent form is good for one submission, within this time. */
const CONSENT_TTL_SECONDS = 600;
const REQUEST_FIELDS = [
  "response_type",
  "client_id",
  "redirect_uri",
  "state",
  "scope",
  "code_challenge",
  "code_challenge_method",
  "resource",
] as const;

type Person = { agentId: number; name: string; email: string | undefined };
type Pending =
  | { step: "key"; raw: RawAuthorizeParams }
  | {
      step: "confirm";
      raw: RawAuthorizeParams;
      person: Person;
      scopes: Scope[];
      withheld: Scope[];
      sealedKey: string;
    };

export function authorizationRoutes(deps: AuthorizationDeps): Hono {
  const product = deps.product ?? "freshdesk";
  const label = PRODUCT_LABELS[product];
  const keyCheck = keyCheckOf(deps);
  const routes = new Hono();
  const pendingKey = (id: string) => `${deps.keyPrefix}:oauth:consent:${hashSecret(id)}`;

  routes.onError(oauthErrorHandler(deps.logger));

  async function findClient(clientId: string): Promise<StoredClient | undefined> {
    if (isMetadataDocumentClientId(clientId))
      return fetchClientMetadataDocument(clientId, deps.clientMetadata);
    return deps.store.getClient(clientId);
  }

  /** The client and redirect URI; failures here are shown on our page, never redirected. */
  async function clientAndRedirect(
    raw: RawAuthorizeParams,
  ): Promise<{ client: StoredClient; redirectUri: string }> {
    if (!raw.client_id) throw new UnsafeRedirectError("The request has no client_id.");
    let client: StoredClient | undefined;
    try {
      client = await findClient(raw.client_id);
    } catch (error) {
      if (error instanceof OAuthError) throw new UnsafeRedirectError(error.message);
      throw error;
    }
    if (!client)
      throw new UnsafeRedirectError("This client is not registered here (or its registration expired).");
    return { client, redirectUri: chooseRedirectUri(client, raw.redirect_uri) };
  }

  async function newPending(pending: Pending): Promise<string> {
    const id = randomBytes(24).toString("base64url");
    await deps.redis.set(pendingKey(id), JSON.stringify(pending), "EX", CONSENT_TTL_SECONDS);
    return id;
  }

  function formFields(raw: RawAuthorizeParams, requestId: string): Record<string, string> {
    const fields: Record<string, string> = {};
    for (const name of REQUEST_FIELDS) if (raw[name] !== undefined) fields[name] = raw[name]!;
    fields.request_id = requestId;
    return fields;
  }

  async function page(c: Context, markup: Markup, status: number, redirectUri?: string): Promise<Response> {
    // form-action must allow the redirect the approval answers with: browsers check it too.
    const target = redirectUri ? URL.parse(redirectUri) : null;
    const formTarget = target ? (/^https?:$/.test(target.protocol) ? target.origin : target.protocol) : "";
    c.header(
      "Content-Security-Policy",
      `default-src 'none'; style-src 'unsafe-inline'; form-action 'self' ${formTarget}; frame-ancestors 'none'; base-uri 'none'`,
    );
    c.header("X-Frame-Options", "DENY");
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "no-referrer");
    c.header("Cache-Control", "no-store");
    return c.html(await markup, status as 200);
  }

  function clientView(request: AuthorizeRequest) {
    const url = URL.parse(request.redirectUri);
    const host = url ? url.host || url.protocol : request.redirectUri;
    return {
      name: request.clientName,
      redirectHost: host,
      localOnly: url !== null && url.protocol === "http:",
    };
  }

  /** Validates a request (GET query or posted hidden fields); the outcome is a page or a redirect. */
  async function validated(
    c: Context,
    raw: RawAuthorizeParams,
  ): Promise<{ request: AuthorizeRequest } | { response: Response }> {
    let client: StoredClient;
    let redirectUri: string;
    try {
      ({ client, redirectUri } = await clientAndRedirect(raw));
    } catch (error) {
      if (!(error instanceof UnsafeRedirectError)) throw error;
      return { response: await page(c, consentErrorPage(error.message), 400) };
    }
    try {
      return { request: checkAuthorizeParams(raw, client, redirectUri, serviceBase(c, deps.publicUrl)) };
    } catch (error) {
      if (!(error instanceof RedirectableError)) throw error;
      return {
        response: back(c, redirectUri, {
          error: error.error,
          error_description: error.message,
          state: raw.state,
        }),
      };
    }
  }

  function back(c: Context, redirectUri: string, values: Record<string, string | undefined>): Response {
    c.header("Cache-Control", "no-store");
    c.header("Referrer-Policy", "no-referrer");
    return c.redirect(redirectWith(redirectUri, { ...values, iss: serviceBase(c, deps.publicUrl) }), 303);
  }

  routes.get("/oauth/authorize", async (c) => {
    const raw = readParams((name) => c.req.query(name));
    if (c.req.queries("resource")?.length && c.req.queries("resource")!.length > 1) {
      return page(c, consentErrorPage("The request names more than one resource."), 400);
    }
    const outcome = await validated(c, raw);
    if ("response" in outcome) return outcome.response;
    const requestId = await newPending({ step: "key", raw });
    return page(
      c,
      consentKeyPage({
        client: clientView(outcome.request),
        scopes: outcome.request.scopes,
        fields: formFields(raw, requestId),
        product,
      }),
      200,
      outcome.request.redirectUri,
    );
  });

  routes.post("/oauth/authorize", async (c) => {
    // The page's other forms refuse cross-site posts the same way (SameSite cookies aside).
    assertSameOrigin(c, deps.publicUrl);
    const body = await c.req.parseBody();
    const text = (name: string) => (typeof body[name] === "string" ? (body[name] as string) : undefined);
    const requestId = text("request_id") ?? "";
    const stored = requestId ? await deps.redis.getdel(pendingKey(requestId)) : null;
    if (!stored) {
      return page(
        c,
        consentErrorPage("This form was already used or has expired (forms last 10 minutes)."),
        400,
      );
    }
    const pending = JSON.parse(stored) as Pending;
    const raw = readParams(text);
    if (REQUEST_FIELDS.some((name) => (raw[name] ?? "") !== (pending.raw[name] ?? ""))) {
      return page(c, consentErrorPage("The form's fields were changed; start the connection again."), 400);
    }
    const outcome = await validated(c, pending.raw);
    if ("response" in outcome) return outcome.response;
    const request = outcome.request;
    if (pending.step === "key") return keyStep(c, request, pending.raw, text("freshdesk_api_key") ?? "");
    if (text("decision") !== "approve") {
      deps.logger.info(
        { clientId: request.clientId, agentId: pending.person.agentId },
        "oauth consent denied",
      );
      return back(c, request.redirectUri, {
        error: "access_denied",
        error_description: "The person denied access.",
        state: request.state,
      });
    }
    const apiKey = deps.vault.open(`consent:${pending.person.agentId}`, pending.sealedKey);
    if (!apiKey)
      return page(c, consentErrorPage("This form can no longer be read; start the connection again."), 400);
    await deps.vault.put(pending.person.agentId, apiKey);
    const code = await deps.store.saveCode({
      agentId: pending.person.agentId,
      personName: pending.person.name,
      personEmail: pending.person.email,
      clientId: request.clientId,
      clientName: request.clientName,
      scopes: pending.scopes,
      resource: request.resource,
      redirectUri: request.redirectUri,
      codeChallenge: request.codeChallenge,
    });
    deps.logger.info(
      { clientId: request.clientId, agentId: pending.person.agentId, scopes: pending.scopes },
      "oauth consent approved",
    );
    return back(c, request.redirectUri, { code, state: request.state });
  });

  async function keyStep(c: Context, request: AuthorizeRequest, raw: RawAuthorizeParams, pasted: string) {
    const address = deps.addressOf(c);
    const again = async (error: string, status: number) =>
      page(
        c,
        consentKeyPage({
          client: clientView(request),
          scopes: request.scopes,
          fields: formFields(raw, await newPending({ step: "key", raw })),
          error,
          product,
        }),
        status,
        request.redirectUri,
      );
    const tooMany = (error: RateLimitedError) => {
      c.header("Retry-After", String(error.retryAfterSeconds));
      return again(
        `Too many wrong keys from your address; wait ${error.retryAfterSeconds} s and try again.`,
        429,
      );
    };
    try {
      await deps.failedSignIns.check(address);
    } catch (error) {
      if (error instanceof RateLimitedError) return tooMany(error);
      throw error;
    }
    const refused = async (message: string) => {
      try {
        await deps.failedSignIns.consume(address);
      } catch (error) {
        if (error instanceof RateLimitedError) return tooMany(error);
        throw error;
      }
      return again(message, 401);
    };
    const key = pasted.trim();
    if (key.includes("@"))
      return refused(`That looks like an email address: paste your ${label} API key instead.`);
    if (!/^[A-Za-z0-9_-]{4,128}$/.test(key))
      return refused(`That is not a ${label} API key (letters and digits only).`);
    let owner: KeyOwner;
    try {
      owner = await keyCheck(key);
    } catch (error) {
      if (error instanceof FreshdeskAuthError && error.status === 401) {
        return refused(`${label} did not accept that API key. Copy it again from your ${label} profile.`);
      }
      if (error instanceof FreshdeskAuthError) {
        return refused(
          `${label} accepted the key but refused access: it does not belong to an active agent.`,
        );
      }
      deps.logger.warn(
        { err: error instanceof FreshdeskApiError ? error.code : String(error) },
        `consent: ${label} unavailable`,
      );
      return again(`${label} did not answer just now; try again in a moment.`, 503);
    }
    const person: Person = { agentId: owner.agentId, name: owner.name, email: owner.email };
    const admin = await isAdmin(owner);
    const withheld: Scope[] = admin ? [] : request.scopes.filter((scope) => scope === "admin");
    let scopes = request.scopes.filter((scope) => !withheld.includes(scope));
    if (scopes.length === 0) scopes = ["read", "write"];
    const requestId = await newPending({
      step: "confirm",
      raw,
      person,
      scopes,
      withheld,
      sealedKey: deps.vault.seal(`consent:${person.agentId}`, key),
    });
    return page(
      c,
      consentConfirmPage({
        client: clientView(request),
        scopes,
        withheld,
        person,
        fields: formFields(raw, requestId),
        product,
      }),
      200,
      request.redirectUri,
    );
  }

  /** MCP_ADMIN_AGENTS (an id or email) first; otherwise the product's account-admin roles. */
  async function isAdmin(owner: KeyOwner): Promise<boolean> {
    const named = deps.adminAgents.map((entry) => entry.toLowerCase());
    if (named.includes(String(owner.agentId)) || (owner.email && named.includes(owner.email.toLowerCase()))) {
      return true;
    }
    return owner.hasAdminRole();
  }

  // Token, registration and revocation: JSON APIs for clients (token-endpoints.ts).
  routes.route("/", tokenEndpointRoutes(deps));
  return routes;
}

function keyCheckOf(deps: AuthorizationDeps): KeyCheck {
  if (deps.keyCheck) return deps.keyCheck;
  if (deps.freshdeskFor) return freshdeskKeyCheck(deps.freshdeskFor, deps.logger);
  throw new Error("authorizationRoutes needs keyCheck (or freshdeskFor for Freshdesk).");
}

function readParams(get: (name: string) => string | undefined): RawAuthorizeParams {
  const raw: RawAuthorizeParams = {};
  for (const name of REQUEST_FIELDS) {
    const value = get(name);
    if (value !== undefined) raw[name] = value;
  }
  return raw;
}
