import { checkResourceAllowed } from "@modelcontextprotocol/sdk/shared/auth-utils.js";
import type { Scope } from "../config.ts";
import { OAUTH_SCOPES, resourceUrl } from "./oauth-metadata.ts";
import type { StoredClient } from "./token-store.ts";

/**
 * Checks on an authorization request that do not need the network: redirect URI matching,
 * scopes, the RFC 8707 resource and PKCE parameters. Shared by the consent page's GET and its
 * POSTs, so a tampered form is held to the same rules as the link the client opened.
 */

export type AuthorizeRequest = {
  clientId: string;
  clientName: string;
  redirectUri: string;
  state: string | undefined;
  codeChallenge: string;
  scopes: Scope[];
  /** The canonical resource: always this service's /mcp URL. */
  resource: string;
};

/** A problem the browser cannot be sent back to the client with (it would be an open redirect). */
export class UnsafeRedirectError extends Error {}

/** A problem reported to the client on its redirect URI, as OAuth prescribes. */
export class RedirectableError extends Error {
  readonly error: string;
  constructor(error: string, description: string) {
    super(description);
    this.error = error;
  }
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

function isLoopbackHttp(url: URL): boolean {
  return url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname);
}

/**
 * Exact string match, except that a loopback redirect may use any port (RFC 8252 §7.3: native
 * apps listen on whatever port is free).
 */
export function redirectUriMatches(requested: string, registered: string): boolean {
  if (requested === registered) return true;
  const a = URL.parse(requested);
  const b = URL.parse(registered);
  if (!a || !b || !isLoopbackHttp(a) || !isLoopbackHttp(b)) return false;
  return a.hostname === b.hostname && a.pathname === b.pathname && a.search === b.search;
}

/** Why a redirect URI may not be registered, or undefined when it may. */
export function redirectUriProblem(raw: string): string | undefined {
  const url = URL.parse(raw);
  if (!url) return `"${raw}" is not a URL`;
  if (url.hash) return `"${raw}" has a fragment`;
  if (url.username || url.password) return `"${raw}" holds a user name or password`;
  if (url.protocol === "https:" || isLoopbackHttp(url)) return undefined;
  if (url.protocol === "http:")
    return `"${raw}" uses http:// on a host other than this computer; use https://`;
  // Private-use schemes of native apps (claude://, cursor://, vscode://); never script schemes.
  if (/^(javascript|data|vbscript|file|blob):$/i.test(url.protocol))
    return `"${raw}" uses a forbidden scheme`;
  return undefined;
}

/** The registered redirect URI the request names (or the only one, when it names none). */
export function chooseRedirectUri(client: StoredClient, requested: string | undefined): string {
  if (requested === undefined || requested === "") {
    if (client.redirect_uris.length === 1) return client.redirect_uris[0]!;
    throw new UnsafeRedirectError("The request has no redirect_uri, and the client registered several.");
  }
  if (!client.redirect_uris.some((registered) => redirectUriMatches(requested, registered))) {
    throw new UnsafeRedirectError(`The redirect_uri "${requested}" is not registered for this client.`);
  }
  return requested;
}

/**
 * The resource a request names, as this service's /mcp URL, or an invalid_target error. The
 * origin alone (with or without a trailing slash, as some clients send) also means /mcp.
 */
export function canonicalResource(requested: string | undefined, base: string): string {
  const ours = resourceUrl(base);
  if (requested === undefined || requested === "") return ours;
  const url = URL.parse(requested);
  if (!url || url.hash)
    throw new RedirectableError("invalid_target", "The resource parameter is not a valid URL.");
  const normalized = `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
  if (normalized === new URL(base).origin) return ours;
  if (
    checkResourceAllowed({ requestedResource: normalized, configuredResource: ours }) &&
    !/%/.test(url.pathname)
  ) {
    return ours;
  }
  throw new RedirectableError(
    "invalid_target",
    `This server issues tokens only for ${ours}, not for ${requested}.`,
  );
}

/** Requested scopes; none named means read and write (admin must be asked for). */
export function parseScopes(raw: string | undefined): Scope[] {
  const names = (raw ?? "").split(/\s+/).filter(Boolean);
  if (names.length === 0) return ["read", "write"];
  const unknown = names.filter((name) => !(OAUTH_SCOPES as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new RedirectableError(
      "invalid_scope",
      `Unknown scope ${unknown.map((s) => `"${s}"`).join(", ")}; the scopes are ${OAUTH_SCOPES.join(", ")}.`,
    );
  }
  return OAUTH_SCOPES.filter((scope) => names.includes(scope));
}

export type RawAuthorizeParams = Partial<
  Record<
    | "response_type"
    | "client_id"
    | "redirect_uri"
    | "state"
    | "scope"
    | "code_challenge"
    | "code_challenge_method"
    | "resource",
    string
  >
>;

/** The checks after the client and redirect URI are known; their failures go back to the client. */
export function checkAuthorizeParams(
  params: RawAuthorizeParams,
  client: StoredClient,
  redirectUri: string,
  base: string,
): AuthorizeRequest {
  if (params.response_type !== "code") {
    throw new RedirectableError("unsupported_response_type", "Only response_type=code is supported.");
  }
  if (!params.code_challenge || !/^[A-Za-z0-9._~-]{43,128}$/.test(params.code_challenge)) {
    throw new RedirectableError("invalid_request", "A PKCE code_challenge (S256) is required.");
  }
  if (params.code_challenge_method !== "S256") {
    throw new RedirectableError("invalid_request", "code_challenge_method must be S256.");
  }
  return {
    clientId: client.client_id,
    clientName: client.client_name?.trim() || client.client_id,
    redirectUri,
    state: params.state || undefined,
    codeChallenge: params.code_challenge,
    scopes: parseScopes(params.scope),
    resource: canonicalResource(params.resource, base),
  };
}

/** Where the browser goes with the outcome: the redirect URI plus code or error, state and issuer. */
export function redirectWith(redirectUri: string, values: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(values))
    if (value !== undefined) url.searchParams.set(name, value);
  return url.toString();
}
