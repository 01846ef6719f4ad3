// HTTP Basic with the API key as the username; the password is ignored (reference §1.2).
import { timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import type { SandboxEnv } from "./context.ts";
import { invalidCredentials } from "./errors.ts";

function usernameOf(authorization: string | undefined): string | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization ?? "");
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon === -1 ? decoded : decoded.slice(0, colon);
}

function sameKey(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function basicAuth(apiKey: string): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const username = usernameOf(c.req.header("authorization"));
    // A username with "@" is an email + password login, which this account does not allow.
    if (username === undefined || username.includes("@") || !sameKey(username, apiKey)) {
      throw invalidCredentials();
    }
    await next();
  };
}
