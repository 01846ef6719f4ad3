// HTTP Basic with the API key as the username; the password is ignored (reference §1.2).
// The key names who is acting: the account's admin key acts as the account admin
// (`store.currentAgentId`), every agent's own key as that agent.
import { timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import type { SandboxEnv } from "./context.ts";
import { invalidCredentials } from "./errors.ts";

/** The Basic-auth username of an Authorization header, or undefined. */
export function usernameOf(authorization: string | undefined): string | undefined {
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

/** Who holds which key: the account admin, and each agent's own key (any sandbox's store). */
export type KeyDirectory = {
  readonly currentAgentId: number;
  readonly agentKeys: ReadonlyMap<string, number>;
  readonly agents: { has(id: number): boolean };
};

/** True when the request's Basic-auth username is the account's API key. */
export function hasApiKey(authorization: string | undefined, apiKey: string): boolean {
  const username = usernameOf(authorization);
  return username !== undefined && !username.includes("@") && sameKey(username, apiKey);
}

/** The agent whose key the request carries, or undefined for no valid key. */
export function agentForKey(
  authorization: string | undefined,
  apiKey: string,
  store: KeyDirectory,
): number | undefined {
  const username = usernameOf(authorization);
  // A username with "@" is an email + password login, which this account does not allow.
  if (username === undefined || username.includes("@")) return undefined;
  if (sameKey(username, apiKey)) return store.currentAgentId;
  for (const [key, agentId] of store.agentKeys) {
    if (sameKey(username, key)) return store.agents.has(agentId) ? agentId : undefined;
  }
  return undefined;
}

export function basicAuth(apiKey: string, store: KeyDirectory): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const actor = agentForKey(c.req.header("authorization"), apiKey, store);
    if (actor === undefined) throw invalidCredentials();
    c.set("actorId", actor);
    await next();
  };
}
