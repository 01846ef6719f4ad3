import {
  OAuthMetadataSchema,
  OAuthProtectedResourceMetadataSchema,
} from "@modelcontextprotocol/sdk/shared/auth.js";
import type { Context } from "hono";
import { Hono } from "hono";
import { cors } from "hono/cors";
import { PRODUCT_LABELS, type Product } from "../product.ts";

/** The scopes a person can grant: levels, as for MCP_TOKENS (write includes read, admin both). */
export const OAUTH_SCOPES = ["read", "write", "admin"] as const;
export const MCP_PATH = "/mcp";

/**
 * Where this service is reached: PUBLIC_URL when set (behind a proxy), else the request's own
 * origin. The issuer, every endpoint and the resource (the /mcp URL a token is for) derive from
 * it, so what the metadata advertises is what clients are then checked against.
 */
export function serviceBase(c: Context, publicUrl: string | undefined): string {
  return publicUrl ?? new URL(c.req.url).origin;
}

export function resourceUrl(base: string): string {
  return `${base}${MCP_PATH}`;
}

export function protectedResourceMetadataUrl(base: string): string {
  return `${base}/.well-known/oauth-protected-resource${MCP_PATH}`;
}

/** RFC 9728: what /mcp is and which authorization server issues its tokens. */
export function protectedResourceMetadata(base: string, product: Product = "freshdesk") {
  return OAuthProtectedResourceMetadataSchema.parse({
    resource: resourceUrl(base),
    authorization_servers: [base],
    scopes_supported: [...OAUTH_SCOPES],
    bearer_methods_supported: ["header"],
    resource_name: `${PRODUCT_LABELS[product]} triage MCP server`,
  });
}

/** RFC 8414: the embedded authorization server. */
export function authorizationServerMetadata(base: string) {
  return {
    ...OAuthMetadataSchema.parse({
      issuer: base,
      authorization_endpoint: `${base}/oauth/authorize`,
      token_endpoint: `${base}/oauth/token`,
      registration_endpoint: `${base}/oauth/register`,
      revocation_endpoint: `${base}/oauth/revoke`,
      scopes_supported: [...OAUTH_SCOPES],
      response_types_supported: ["code"],
      response_modes_supported: ["query"],
      grant_types_supported: ["authorization_code", "refresh_token"],
      code_challenge_methods_supported: ["S256"],
      token_endpoint_auth_methods_supported: ["none", "client_secret_basic", "client_secret_post"],
      revocation_endpoint_auth_methods_supported: ["none", "client_secret_basic", "client_secret_post"],
      service_documentation: `${base}/docs`,
    }),
    // RFC 9207: the redirect carries `iss`, so clients can tell authorization servers apart.
    authorization_response_iss_parameter_supported: true,
    client_id_metadata_document_supported: true,
  };
}

/**
 * Browser-based clients (the Inspector) read these documents and the token endpoint from
 * another origin, and must be able to read WWW-Authenticate; the consent page gets no CORS.
 */
export const openCors = cors({
  origin: "*",
  allowMethods: ["GET", "POST", "OPTIONS"],
  allowHeaders: ["Authorization", "Content-Type", "MCP-Protocol-Version"],
  exposeHeaders: ["WWW-Authenticate"],
  maxAge: 600,
});

/** The well-known documents, both at the root and path-suffixed for /mcp (clients try either). */
export function oauthMetadataRoutes(options: { publicUrl: string | undefined; product?: Product }): Hono {
  const routes = new Hono();
  routes.use("/.well-known/*", openCors);
  const resource = (c: Context) =>
    c.json(protectedResourceMetadata(serviceBase(c, options.publicUrl), options.product));
  const server = (c: Context) => c.json(authorizationServerMetadata(serviceBase(c, options.publicUrl)));
  routes.get("/.well-known/oauth-protected-resource", resource);
  routes.get(`/.well-known/oauth-protected-resource${MCP_PATH}`, resource);
  routes.get("/.well-known/oauth-authorization-server", server);
  routes.get(`/.well-known/oauth-authorization-server${MCP_PATH}`, server);
  return routes;
}
