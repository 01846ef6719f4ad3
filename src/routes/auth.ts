import type { MiddlewareHandler } from "hono";
import type { McpToken, Scope } from "../config.ts";
import { ForbiddenError, UnauthorizedError } from "../errors.ts";
import { secretsEqual } from "./constant-time.ts";

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

/**
 * Middleware: requires a valid bearer token (401 with `WWW-Authenticate` otherwise) holding
 * `needed` (403 otherwise), and exposes it as `c.get("token")`.
 */
export function requireBearer(
  tokens: readonly McpToken[],
  needed: Scope,
): MiddlewareHandler<{ Variables: AuthVariables }> {
  return async (c, next) => {
    const authorization = c.req.header("authorization");
    const token = findBearerToken(tokens, authorization);
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
