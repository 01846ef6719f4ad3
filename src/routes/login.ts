import { Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { Scope } from "../config.ts";
import { BadRequestError, RateLimitedError } from "../errors.ts";
import { loginPage } from "../ui/login-page.ts";
import { sendPage } from "../ui/send-page.ts";
import { findBearerToken, scopesGrant } from "./auth.ts";
import type { ClientAddress } from "./client-address.ts";
import { assertSameOrigin, isHttps, type PageAuth, safeNext } from "./page-auth.ts";
import type { RateLimiter } from "./rate-limit.ts";
import { SESSION_COOKIE, SESSION_TTL_SECONDS } from "./session.ts";

const SCOPES: readonly Scope[] = ["read", "write", "admin"];

/**
 * The login form (`/login`) and `/logout`: tokens in, HttpOnly SameSite=Strict session cookie out.
 * Failed sign-ins are limited per client address so tokens cannot be guessed by volume.
 */
export function loginRoutes(
  auth: PageAuth,
  attempts: RateLimiter,
  clientAddress: ClientAddress,
  /** The service's name for its product, e.g. "Freshservice triage". */
  site?: string,
): Hono {
  const routes = new Hono();

  routes.get("/login", (c) => {
    const needed = SCOPES.find((scope) => scope === c.req.query("scope"));
    const session = auth.signer.verify(getCookie(c, SESSION_COOKIE));
    const lacking = needed && session && !scopesGrant(session.scopes, needed);
    return sendPage(
      c,
      loginPage({
        next: safeNext(c.req.query("next")),
        needed,
        signedInAs: lacking ? session.name : undefined,
        site,
      }),
    );
  });

  routes.post("/login", async (c) => {
    assertSameOrigin(c, auth.publicUrl);
    const form = await formFields(c.req.header("content-type"), () => c.req.parseBody());
    const next = safeNext(form.next);
    const address = clientAddress(c);
    // Only failed attempts spend the budget, and a spent budget refuses even a right guess.
    const tooMany = (error: unknown) => {
      if (!(error instanceof RateLimitedError)) throw error;
      c.header("Retry-After", String(error.retryAfterSeconds));
      return sendPage(c, loginPage({ next, error: "Too many failed sign-ins; wait a minute.", site }), 429);
    };
    try {
      await attempts.check(address);
    } catch (error) {
      return tooMany(error);
    }
    const presented = (form.token ?? "").trim();
    const token = /^\S+$/.test(presented) ? findBearerToken(auth.tokens, `Bearer ${presented}`) : undefined;
    if (!token) {
      try {
        await attempts.consume(address);
      } catch (error) {
        return tooMany(error);
      }
      return sendPage(c, loginPage({ next, error: "That token is not valid. Check MCP_TOKENS.", site }), 401);
    }
    setCookie(c, SESSION_COOKIE, auth.signer.issue(token), {
      path: "/",
      httpOnly: true,
      sameSite: "Strict",
      secure: isHttps(c, auth.publicUrl),
      maxAge: SESSION_TTL_SECONDS,
    });
    return c.redirect(next, 303);
  });

  routes.post("/logout", (c) => {
    assertSameOrigin(c, auth.publicUrl);
    deleteCookie(c, SESSION_COOKIE, { path: "/", secure: isHttps(c, auth.publicUrl) });
    return c.redirect("/login", 303);
  });
  return routes;
}

async function formFields(
  contentType: string | undefined,
  parse: () => Promise<Record<string, unknown>>,
): Promise<{ token?: string; next?: string }> {
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded" && type !== "multipart/form-data") {
    throw new BadRequestError("Sign in with the login form (a form-encoded body with a `token` field).");
  }
  const body = await parse();
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  return { token: text(body.token), next: text(body.next) };
}
