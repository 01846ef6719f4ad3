import { html } from "hono/html";
import type { Scope } from "../config.ts";
import { layout, type Markup } from "./layout.ts";

export type LoginPageProps = {
  /** Where to return after signing in (already checked to be a local path). */
  next: string;
  /** The scope the page that sent us here needs, when the current session lacks it. */
  needed?: Scope | undefined;
  error?: string | undefined;
  signedInAs?: string | undefined;
  /** The service's name for its product, e.g. "Freshservice triage". */
  site?: string | undefined;
};

/** The sign-in form: a token from MCP_TOKENS in, a session cookie out. */
export function loginPage(props: LoginPageProps): Markup {
  const needed = props.needed ?? "read";
  const body = html`<section class="login">
    <h1>Sign in</h1>
    <p>
      These pages show ticket subjects and can re-run triage, so they need a token from
      <code>MCP_TOKENS</code>: the <strong>read</strong> scope to see the activity page, the
      <strong>admin</strong> scope for the queue dashboard and the reprocess button.
    </p>
    <p class="muted">
      With no <code>MCP_TOKENS</code> set, <code>npm start</code> prints a generated admin token when it
      starts.
    </p>
    ${props.signedInAs ? html`<p class="notice">You are signed in as “${props.signedInAs}”, which lacks the “${needed}” scope this page needs.</p>` : ""}
    ${props.error ? html`<p class="error" role="alert">${props.error}</p>` : ""}
    <form method="post" action="/login">
      <input type="hidden" name="next" value="${props.next}" />
      <p>
        <label for="token">Token (needs the “${needed}” scope)</label><br />
        <input id="token" name="token" type="password" autocomplete="current-password" required autofocus />
      </p>
      <button class="primary" type="submit">Sign in</button>
    </form>
    <p class="muted">The session lasts 12 hours; the token itself is not stored in the browser.</p>
  </section>`;
  return layout("Sign in", "", body, props.site);
}
