import { createHmac, timingSafeEqual } from "node:crypto";
import type { McpToken } from "../config.ts";

/**
 * Browser sessions for the pages (activity page, queue dashboard). A browser cannot send a
 * bearer header when it navigates, so signing in with a token sets a cookie holding
 * `name.expiry.signature`. The signature is an HMAC whose key is derived from that token, so
 * the cookie never carries the token, cannot be forged without it, and stops working as soon as
 * the token is removed or rotated in `MCP_TOKENS`. Scopes are read from the current config on
 * every request, never from the cookie.
 */

export const SESSION_COOKIE = "triage_session";
export const SESSION_TTL_SECONDS = 12 * 3600;

const KEY_LABEL = "freshdesk-triage session key v1";

export type SessionSigner = {
  /** The cookie value for a session of `token`, valid for SESSION_TTL_SECONDS. */
  issue(token: McpToken): string;
  /** The token a cookie value was issued for, if it is authentic and not expired. */
  verify(value: string | undefined): McpToken | undefined;
};

export function createSessionSigner(
  tokens: readonly McpToken[],
  now: () => number = Date.now,
): SessionSigner {
  const keyOf = (token: McpToken) => createHmac("sha256", token.token).update(KEY_LABEL).digest();
  const sign = (token: McpToken, name: string, expires: number) =>
    createHmac("sha256", keyOf(token)).update(`${name}.${expires}`).digest();

  return {
    issue(token) {
      const expires = Math.floor(now() / 1000) + SESSION_TTL_SECONDS;
      const name = Buffer.from(token.name).toString("base64url");
      return `${name}.${expires}.${sign(token, name, expires).toString("base64url")}`;
    },
    verify(value) {
      const match = /^([A-Za-z0-9_-]+)\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(value ?? "");
      if (!match) return undefined;
      const [, name = "", expiresText = "", signatureText = ""] = match;
      const expires = Number(expiresText);
      if (expires <= Math.floor(now() / 1000)) return undefined;
      const presented = Buffer.from(signatureText, "base64url");
      const tokenName = Buffer.from(name, "base64url").toString("utf8");
      let found: McpToken | undefined;
      for (const token of tokens) {
        if (token.name !== tokenName) continue;
        if (timingSafeEqual(presented, sign(token, name, expires)) && !found) found = token;
      }
      return found;
    },
  };
}
