import type { Context, MiddlewareHandler } from "hono";
import type { McpToken, Scope } from "../config.ts";
import { ForbiddenError, UnauthorizedError } from "../errors.ts";
import type { ClientAddress } from "./client-address.ts";
import { secretsEqual } from "./constant-time.ts";
import type { RateLimiter } from "./rate-limit.ts";

/**
 * Bearer tokens from `MCP_TOKENS` and their scopes. Scopes are levels: `write` includes
 * `read`, `admin` includes both, so a token never needs to list them all.
 */

const LEVEL: Record<Scope, number> = { read: 1, write: 2, admin: 3 };

export function scopesGrant(granted: readonly Scope[], needed: Scope): boolean {
  return granted.some((scope) => LEVEL[scope] >= LEVEL[needed]);
}

/**
 * The token matching an `Authorization: Bearer …` header, or undefined. Every configured token
 * is compared (in constant time, over fixed-length digests) so timing reveals nothing.
 */
export function findBearerToken(
  tokens: readonly McpToken[],
  authorization: string | undefined,
): McpToken | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match?.[1]) return undefined;
  const presented = match[1];
  let found: McpToken | undefined;
  for (const candidate of tokens) {
    if (secretsEqual(presented, candidate.token) && !found) found = candidate;
  }
  return found;
}

export type AuthVariables = { token: McpToken };

/** Limits wrong tokens per client address (the budget /login spends too). */
export type FailedAttempts = { limiter: RateLimiter; addressOf: ClientAddress };

/**
 * The token of the request's `Authorization: Bearer …` header, or undefined. With `failures`,
 * a wrong token spends the client address's budget, and a spent budget refuses every token
 * (429), the right one included, so a guess can neither be made nor confirmed. A request with
 * no Authorization header is not a guess (clients probe that way for the auth challenge).
 */
export async function bearerToken(
  c: Context,
  tokens: readonly McpToken[],
  failures: FailedAttempts | undefined,
): Promise<McpToken | undefined> {
  const authorization = c.req.header("authorization");
  if (!failures || authorization === undefined) return findBearerToken(tokens, authorization);
  const address = failures.addressOf(c);
  await failures.limiter.check(address);
  const token = findBearerToken(tokens, authorization);
  if (!token) await failures.limiter.consume(address);
  return token;
}

/**
 * Middleware: requires a valid bearer token (401 with `WWW-Authenticate` otherwise) holding
 * `needed` (403 otherwise), and exposes it as `c.get("token")`. With `failures`, wrong tokens
 * are limited per client address (see bearerToken).
 */
export function requireBearer(
  tokens: readonly McpToken[],
  needed: Scope,
  failures?: FailedAttempts,
): MiddlewareHandler<{ Variables: AuthVariables }> {
  return async (c, next) => {
    const authorization = c.req.header("authorization");
    const token = await bearerToken(c, tokens, failures);
    if (!token) {
      const challenge = authorization
        ? 'Bearer error="invalid_token", error_description="The bearer token is not valid."'
        : "Bearer";
      c.header("WWW-Authenticate", challenge);
      throw new UnauthorizedError(
        authorization
          ? "The bearer token is not valid."
          : "This endpoint needs an `Authorization: Bearer <token>` header.",
      );
    }
    if (!scopesGrant(token.scopes, needed)) {
      throw new ForbiddenError(`The token "${token.name}" lacks the "${needed}" scope this endpoint needs.`);
    }
    c.set("token", token);
    await next();
  };
}
