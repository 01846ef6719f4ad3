import { createHash, randomBytes } from "node:crypto";

/**
 * What a browser does on the consent page, for tests: read the form's hidden fields, paste a
 * Freshdesk key, approve. Requests carry the page's own Origin, as a browser's form posts do.
 */

export type SandboxAgent = {
  id: number;
  name: string;
  email: string;
  api_key: string;
  ticket_scope: number;
  group_ids: number[];
  roles: string[];
};

export async function sandboxAgents(baseUrl: string, adminKey: string): Promise<SandboxAgent[]> {
  const response = await fetch(`${baseUrl}/sandbox/_sandbox/agents`, {
    headers: { Authorization: `Basic ${Buffer.from(`${adminKey}:X`).toString("base64")}` },
  });
  if (!response.ok) throw new Error(`GET /sandbox/_sandbox/agents → ${response.status}`);
  return (await response.json()) as SandboxAgent[];
}

/** The hidden fields of the page's form (name → value), HTML entities decoded. */
export function hiddenFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) {
    fields[match[1]!] = decode(match[2]!);
  }
  return fields;
}

function decode(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

export async function postForm(
  url: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: new URL(url).origin, ...headers },
    body: new URLSearchParams(fields),
  });
}

export type ConsentOutcome = { status: number; location: URL | undefined; html: string };

/** Opens the authorization URL, pastes the key; returns the confirmation page (or the error). */
export async function pasteKey(
  authorizationUrl: string,
  apiKey: string,
  headers: Record<string, string> = {},
) {
  const page = await fetch(authorizationUrl, { redirect: "manual", headers });
  const html = await page.text();
  if (page.status !== 200) return { status: page.status, html, location: locationOf(page, authorizationUrl) };
  const action = new URL("/oauth/authorize", authorizationUrl).toString();
  const answer = await postForm(action, { ...hiddenFields(html), freshdesk_api_key: apiKey }, headers);
  return { status: answer.status, html: await answer.text(), location: locationOf(answer, action) };
}

/** The whole consent: key, then Approve; returns where the browser is sent. */
export async function consent(authorizationUrl: string, apiKey: string, decision = "approve"): Promise<URL> {
  const confirm = await pasteKey(authorizationUrl, apiKey);
  if (confirm.status !== 200)
    throw new Error(`consent key step → ${confirm.status}: ${confirm.html.slice(0, 400)}`);
  const action = new URL("/oauth/authorize", authorizationUrl).toString();
  const answer = await postForm(action, { ...hiddenFields(confirm.html), decision });
  const location = locationOf(answer, action);
  if (answer.status !== 303 || !location) throw new Error(`consent approve → ${answer.status}`);
  return location;
}

function locationOf(response: Response, base: string): URL | undefined {
  const location = response.headers.get("location");
  return location ? new URL(location, base) : undefined;
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

export async function registerClient(
  baseUrl: string,
  metadata: Record<string, unknown>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${baseUrl}/oauth/register`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(metadata),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export function authorizeUrl(baseUrl: string, params: Record<string, string>): string {
  return `${baseUrl}/oauth/authorize?${new URLSearchParams({ response_type: "code", code_challenge_method: "S256", ...params })}`;
}

export async function tokenRequest(
  baseUrl: string,
  fields: Record<string, string>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${baseUrl}/oauth/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
