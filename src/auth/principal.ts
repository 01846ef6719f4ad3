import type { MiddlewareHandler } from "hono";
import type { McpToken, Scope } from "../config.ts";
import { UnauthorizedError } from "../errors.ts";
import { type FailedAttempts, findBearerToken } from "../routes/auth.ts";
import type { KeyVault } from "./key-vault.ts";
import { OAUTH_SCOPES, protectedResourceMetadataUrl, resourceUrl, serviceBase } from "./oauth-metadata.ts";
import { ACCESS_TOKEN_PREFIX, type Grant, type TokenStore } from "./token-store.ts";

/**
 * Who is calling /mcp: a static MCP_TOKENS token (scripts; the service's shared Freshdesk key)
 * or a person signed in through OAuth (their own Freshdesk key). The principal decides the
 * scopes and which key the tool calls use; tools never learn where the key came from.
 */
export type Principal =
  | { kind: "token"; token: McpToken; label: string; rateKey: string; scopes: readonly Scope[] }
  | {
      kind: "person";
      grant: Grant;
      apiKey: string;
      label: string;
      rateKey: string;
      scopes: readonly Scope[];
    };

/** `token` is what the MCP policy and older routes read; `principal` says whose key to use. */
export type PrincipalVariables = { principal?: Principal; token: McpToken };

export type PrincipalOptions = {
  tokens: readonly McpToken[];
  store: TokenStore;
  vault: KeyVault;
  publicUrl: string | undefined;
  failures?: FailedAttempts;
  /** "Freshdesk" (default) or "Freshservice", in messages about the stored key. */
  productLabel?: string;
};

/** How a person appears in logs and the audit stream: who, and through which client. */
export function personLabel(grant: Grant): string {
  const who = grant.personEmail ? `${grant.personName} <${grant.personEmail}>` : grant.personName;
  return `${who} (agent ${grant.agentId}) via ${grant.clientName}`;
}

/**
 * 401 answers carry the RFC 9728 challenge (where the resource metadata is, and the scopes), so
 * a client with no token, or a dead one, can discover how to sign in.
 */
export function requirePrincipal(
  options: PrincipalOptions,
): MiddlewareHandler<{ Variables: PrincipalVariables }> {
  return async (c, next) => {
    const base = serviceBase(c, options.publicUrl);
    const authorization = c.req.header("authorization");
    const refuse = (description: string | undefined): never => {
      const parts = [
        `resource_metadata="${protectedResourceMetadataUrl(base)}"`,
        `scope="${OAUTH_SCOPES.join(" ")}"`,
      ];
      if (description)
        parts.unshift('error="invalid_token"', `error_description="${description.replace(/"/g, "'")}"`);
      c.header("WWW-Authenticate", `Bearer ${parts.join(", ")}`);
      throw new UnauthorizedError(
        description ?? "This endpoint needs an `Authorization: Bearer <token>` header.",
      );
    };
    if (authorization === undefined) return refuse(undefined);
    const address = options.failures?.addressOf(c);
    if (options.failures && address) await options.failures.limiter.check(address);
    const wrong = async (description: string): Promise<never> => {
      if (options.failures && address) await options.failures.limiter.consume(address);
      return refuse(description);
    };

    const staticToken = findBearerToken(options.tokens, authorization);
    if (staticToken) {
      c.set("token", staticToken);
      c.set("principal", {
        kind: "token",
        token: staticToken,
        label: staticToken.name,
        rateKey: staticToken.name,
        scopes: staticToken.scopes,
      });
      return next();
    }
    const presented = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
    const found = presented ? await options.store.findAccessToken(presented) : undefined;
    if (!found) {
      const description = "The bearer token is not valid, has expired or was revoked.";
      // An expired or revoked token of ours is no guess (they are 256-bit random), and clients
      // behind one shared address (Claude.ai, ChatGPT) send them routinely before refreshing:
      // they must not spend the address's budget of wrong tokens.
      return presented?.startsWith(ACCESS_TOKEN_PREFIX) ? refuse(description) : wrong(description);
    }
    const { grant } = found;
    // Audience check (RFC 8707): a token issued for another resource is never accepted here.
    if (grant.resource !== resourceUrl(base)) return wrong("The token was issued for another resource.");
    const apiKey = await options.vault.get(grant.agentId);
    if (!apiKey) {
      await options.store.revokePerson(grant.agentId);
      return refuse(
        `Your stored ${options.productLabel ?? "Freshdesk"} API key is gone; connect again to sign in.`,
      );
    }
    const label = personLabel(grant);
    // Tools and the rate limit see a token-shaped caller: the person's label and granted scopes.
    c.set("token", { name: label, token: "", scopes: grant.scopes });
    c.set("principal", {
      kind: "person",
      grant,
      apiKey,
      label,
      rateKey: `agent:${grant.agentId}`,
      scopes: grant.scopes,
    });
    return next();
  };
}
