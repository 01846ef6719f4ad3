import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import type { McpToken, Scope } from "../config.ts";
import { ForbiddenError, UnauthorizedError } from "../errors.ts";
import { bearerToken, type FailedAttempts, scopesGrant } from "./auth.ts";
import { createSessionSigner, SESSION_COOKIE, type SessionSigner } from "./session.ts";

/**
 * Access to the pages (activity page, queue dashboard): an `Authorization: Bearer` token, or
 * the session cookie the login form sets. Session requests that change something must come
 * from our own pages: the cookie is SameSite=Strict, and the Origin header is checked too.
 */

export type Viewer = { token: McpToken; via: "bearer" | "session" };
export type ViewerVariables = { viewer: Viewer };

export type PageAuth = {
  tokens: readonly McpToken[];
  signer: SessionSigner;
  /** The service's public URL, when it sits behind a proxy that changes scheme or host. */
  publicUrl: string | undefined;
  /** Limits wrong bearer tokens per client address, as the login form does. */
  failedSignIns?: FailedAttempts | undefined;
};

export function createPageAuth(
  tokens: readonly McpToken[],
  publicUrl: string | undefined,
  failedSignIns?: FailedAttempts,
): PageAuth {
  return { tokens, signer: createSessionSigner(tokens), publicUrl, failedSignIns };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function requireViewer(
  auth: PageAuth,
  needed: Scope,
): MiddlewareHandler<{ Variables: ViewerVariables }> {
  return async (c, next) => {
    const viewer = await findViewer(c, auth);
    const browserNavigation = c.req.method === "GET" && wantsHtml(c);
    if (!viewer) {
      if (browserNavigation) return c.redirect(loginPath(requestPath(c)), 303);
      c.header("WWW-Authenticate", "Bearer");
      throw new UnauthorizedError(
        "Sign in at /login, or send an `Authorization: Bearer <token>` header with a token from MCP_TOKENS.",
      );
    }
    if (!scopesGrant(viewer.token.scopes, needed)) {
      if (browserNavigation) return c.redirect(loginPath(requestPath(c), needed), 303);
      throw new ForbiddenError(
        `The token "${viewer.token.name}" lacks the "${needed}" scope this page needs.`,
      );
    }
    if (viewer.via === "session" && !SAFE_METHODS.has(c.req.method)) assertSameOrigin(c, auth.publicUrl);
    c.set("viewer", viewer);
    await next();
  };
}

/** Who is asking, if anyone: a bearer header wins over the cookie, and a bad header is not retried as a cookie. */
export async function findViewer(c: Context, auth: PageAuth): Promise<Viewer | undefined> {
  const authorization = c.req.header("authorization");
  if (authorization) {
    const token = await bearerToken(c, auth.tokens, auth.failedSignIns);
    if (!token) throw new UnauthorizedError("The bearer token is not valid.");
    return { token, via: "bearer" };
  }
  const token = auth.signer.verify(getCookie(c, SESSION_COOKIE));
  return token ? { token, via: "session" } : undefined;
}

/** Refuses a state-changing browser request that did not come from one of our own pages. */
export function assertSameOrigin(c: Context, publicUrl: string | undefined): void {
  const origin = c.req.header("origin");
  if (!origin || !ownOrigins(c, publicUrl).has(origin)) {
    throw new ForbiddenError("This request did not come from this service's own pages, so it was refused.");
  }
}

function ownOrigins(c: Context, publicUrl: string | undefined): Set<string> {
  const url = new URL(c.req.url);
  const origins = new Set([url.origin]);
  if (publicUrl) origins.add(new URL(publicUrl).origin);
  // Behind a TLS-terminating proxy the request arrives as http for the same host.
  const forwardedProto = c.req.header("x-forwarded-proto")?.split(",")[0]?.trim();
  if (forwardedProto === "https" || forwardedProto === "http") origins.add(`${forwardedProto}://${url.host}`);
  return origins;
}

/** True when the browser reached us over HTTPS, directly or through a proxy, so cookies get `Secure`. */
export function isHttps(c: Context, publicUrl: string | undefined): boolean {
  if (new URL(c.req.url).protocol === "https:") return true;
  if (c.req.header("x-forwarded-proto")?.split(",")[0]?.trim() === "https") return true;
  return publicUrl?.startsWith("https://") === true;
}

function wantsHtml(c: Context): boolean {
  return c.req.header("accept")?.includes("text/html") === true;
}

function requestPath(c: Context): string {
  const url = new URL(c.req.url);
  return `${url.pathname}${url.search}`;
}

export function loginPath(next: string, scope?: Scope): string {
  const query = new URLSearchParams({ next });
  if (scope) query.set("scope", scope);
  return `/login?${query}`;
}

/** Where to go after signing in: only a path on this site, never another host. */
export function safeNext(raw: string | undefined): string {
  if (!raw?.startsWith("/") || raw.startsWith("//")) return "/";
  // Browsers read "\\" as "/", and control characters could split headers.
  const suspicious = [...raw].some(
    (ch) => ch === "\\" || ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f,
  );
  return suspicious ? "/" : raw;
}
