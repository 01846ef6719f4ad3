import { html } from "hono/html";
import type { Product } from "../product.ts";
import { layout, type Markup } from "./layout.ts";

/** The authorization request, carried through the form in hidden fields. */
export type ConsentRequestFields = Record<string, string>;

export type ConsentClient = {
  name: string;
  /** Where the browser goes back to (the redirect URI's host), shown so people see who receives the code. */
  redirectHost: string;
  /** True when every redirect goes to this computer (a desktop app or the Inspector). */
  localOnly: boolean;
};

export type ConsentPageProps = {
  client: ConsentClient;
  scopes: readonly string[];
  fields: ConsentRequestFields;
  error?: string | undefined;
  /** Whose API key the page asks for; Freshdesk when left out. */
  product?: Product;
};

/** What differs on the page between products: names, where the key is, what scopes cover. */
type ProductWording = {
  label: string;
  desk: string;
  keyHelp: string;
  scopes: Record<string, string>;
};

const WORDING: Record<Product, ProductWording> = {
  freshdesk: {
    label: "Freshdesk",
    desk: "this Freshdesk helpdesk",
    keyHelp: "Find it in Freshdesk under your profile picture → Profile settings → “View API key”.",
    scopes: {
      read: "read tickets, contacts, companies and the knowledge base",
      write: "write notes and replies, and update tickets, contacts and articles",
      admin: "delete tickets and other admin-only actions",
    },
  },
  freshservice: {
    label: "Freshservice",
    desk: "this Freshservice service desk",
    // [inferred] Where Freshservice's profile page shows the key (Freshworks' help articles).
    keyHelp: "Find it in Freshservice under your profile picture → Profile settings → “Your API Key”.",
    scopes: {
      read: "read tickets, requesters, assets, changes, problems and the knowledge base",
      write: "write notes and replies, update tickets and requesters, and place service requests",
      admin: "delete tickets and other admin-only actions",
    },
  },
};

function hiddenFields(fields: ConsentRequestFields): Markup {
  return html`${Object.entries(fields).map(
    ([name, value]) => html`<input type="hidden" name="${name}" value="${value}" />`,
  )}`;
}

function scopeList(scopes: readonly string[], wording: ProductWording): Markup {
  return html`<ul>
    ${scopes.map((scope) => html`<li><strong>${scope}</strong>: ${wording.scopes[scope] ?? scope}</li>`)}
  </ul>`;
}

function clientIntro(client: ConsentClient, wording: ProductWording): Markup {
  return html`<p>
      <strong>${client.name}</strong> asks to use ${wording.desk} as you. After you approve, your
      browser returns to <strong>${client.redirectHost}</strong>.
    </p>
    ${client.localOnly ? html`<p class="notice">That address is on this computer: approve only if you just started the connection from an app here.</p>` : ""}`;
}

/**
 * Step one: the person pastes their own API key, which names who they are. The field is named
 * `freshdesk_api_key` for every product: clients and scripts that post the form keep working.
 */
export function consentKeyPage(props: ConsentPageProps): Markup {
  const wording = WORDING[props.product ?? "freshdesk"];
  const body = html`<section class="login">
    <h1>Connect ${props.client.name}</h1>
    ${clientIntro(props.client, wording)}
    <p>It asks for:</p>
    ${scopeList(props.scopes, wording)}
    ${props.error ? html`<p class="error" role="alert">${props.error}</p>` : ""}
    <form method="post" action="/oauth/authorize">
      ${hiddenFields(props.fields)}
      <p>
        <label for="freshdesk_api_key">Your ${wording.label} API key</label><br />
        <input id="freshdesk_api_key" name="freshdesk_api_key" type="password" autocomplete="off" required autofocus />
      </p>
      <button class="primary" type="submit">Continue</button>
    </form>
    <p class="muted">
      ${wording.keyHelp} Notes, replies
      and updates made through ${props.client.name} then appear in ${wording.label} under your name, with your
      permissions. The key is stored encrypted; signing out of the client or a refused key removes access.
    </p>
  </section>`;
  return layout("Connect", "", body, `${wording.label} triage`);
}

export type ConfirmPageProps = ConsentPageProps & {
  person: { name: string; email: string | undefined; agentId: number };
  /** Scopes asked for that this person may not grant (admin for non-admins). */
  withheld: readonly string[];
};

/** Step two: the key checked out; the person sees who they are and approves or denies. */
export function consentConfirmPage(props: ConfirmPageProps): Markup {
  const wording = WORDING[props.product ?? "freshdesk"];
  const who = props.person.email ? `${props.person.name} (${props.person.email})` : props.person.name;
  const body = html`<section class="login">
    <h1>Allow ${props.client.name}?</h1>
    <p>You are signed in to ${wording.label} as <strong>${who}</strong>.</p>
    ${clientIntro(props.client, wording)}
    <p>${props.client.name} will be able to:</p>
    ${scopeList(props.scopes, wording)}
    ${props.withheld.length > 0 ? html`<p class="notice">Not granted: ${props.withheld.join(", ")} (only ${wording.label} account admins and agents listed in MCP_ADMIN_AGENTS get admin).</p>` : ""}
    <form method="post" action="/oauth/authorize">
      ${hiddenFields(props.fields)}
      <button class="primary" type="submit" name="decision" value="approve">Approve</button>
      <button type="submit" name="decision" value="deny">Deny</button>
    </form>
  </section>`;
  return layout("Allow access", "", body, `${wording.label} triage`);
}

/** A request that cannot be sent back to the client (unknown client, unregistered redirect URI). */
export function consentErrorPage(message: string): Markup {
  const body = html`<section class="login">
    <h1>This sign-in link does not work</h1>
    <p class="error" role="alert">${message}</p>
    <p class="muted">Start the connection again from your MCP client.</p>
  </section>`;
  return layout("Sign-in error", "", body);
}
