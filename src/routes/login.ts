import { Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { Scope } from "../config.ts";
import { BadRequestError } from "../errors.ts";
import { loginPage } from "../ui/login-page.ts";
import { sendPage } from "../ui/send-page.ts";
import { findBearerToken, scopesGrant } from "./auth.ts";
import { assertSameOrigin, isHttps, type PageAuth, safeNext } from "./page-auth.ts";
import { SESSION_COOKIE, SESSION_TTL_SECONDS } from "./session.ts";

const SCOPES: readonly Scope[] = ["read", "write", "admin"];

/** The login form (`/login`) and `/logout`: tokens in, HttpOnly SameSite=Strict session cookie out. */
export function loginRoutes(auth: PageAuth): Hono {
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
      }),
    );
  });

  routes.post("/login", async (c) => {
    assertSameOrigin(c, auth.publicUrl);
    const form = await formFields(c.req.header("content-type"), () => c.req.parseBody());
    const next = safeNext(form.next);
    const presented = (form.token ?? "").trim();
    const token = /^\S+$/.test(presented) ? findBearerToken(auth.tokens, `Bearer ${presented}`) : undefined;
    if (!token) {
      return sendPage(c, loginPage({ next, error: "That token is not valid. Check MCP_TOKENS." }), 401);
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
