import type { JsonSchema, Operation, Parameter, Paths, Response } from "../types.ts";
import { bearer, errors, PUBLIC } from "./common.ts";

/**
 * The embedded OAuth authorization server and its discovery documents (src/auth/). Bodies follow
 * the RFCs named, so they are described inline rather than as the service's own schemas.
 */

const html = (description: string): Response => ({
  description,
  content: { "text/html": { schema: { type: "string" } } },
});

const oauthJson = (description: string, schema: JsonSchema): Response => ({
  description,
  content: { "application/json": { schema } },
});

const oauthError: JsonSchema = {
  type: "object",
  description: "An OAuth error (RFC 6749 §5.2).",
  properties: {
    error: { type: "string", description: "e.g. `invalid_grant`, `invalid_client`, `invalid_target`." },
    error_description: { type: "string" },
  },
  required: ["error"],
};

const resourceMetadata: Operation = {
  operationId: "oauthProtectedResource",
  tags: ["OAuth"],
  summary: "Protected-resource metadata for /mcp (RFC 9728)",
  description:
    "Names `/mcp` as the resource (`resource` is the public /mcp URL), this service as its authorization server, and the scopes.",
  security: PUBLIC,
  responses: {
    "200": oauthJson("The metadata.", {
      type: "object",
      properties: {
        resource: { type: "string" },
        authorization_servers: { type: "array", items: { type: "string" } },
        scopes_supported: { type: "array", items: { type: "string" } },
        bearer_methods_supported: { type: "array", items: { type: "string" } },
        resource_name: { type: "string" },
      },
      required: ["resource", "authorization_servers"],
    }),
  },
};

const serverMetadata: Operation = {
  operationId: "oauthAuthorizationServer",
  tags: ["OAuth"],
  summary: "Authorization-server metadata (RFC 8414)",
  description:
    "Endpoints, PKCE S256 only, client authentication none / client_secret_basic / client_secret_post, dynamic registration, revocation and Client ID Metadata Documents.",
  security: PUBLIC,
  responses: {
    "200": oauthJson("The metadata.", {
      type: "object",
      properties: {
        issuer: { type: "string" },
        authorization_endpoint: { type: "string" },
        token_endpoint: { type: "string" },
        registration_endpoint: { type: "string" },
        revocation_endpoint: { type: "string" },
        code_challenge_methods_supported: { type: "array", items: { type: "string" } },
        client_id_metadata_document_supported: { type: "boolean" },
      },
      required: ["issuer", "authorization_endpoint", "token_endpoint"],
    }),
  },
};

const agentIdParameter: Parameter = {
  name: "id",
  in: "path",
  required: true,
  description: "The Freshdesk agent id of the person.",
  schema: { type: "integer", minimum: 1 },
};

const revokedCount = oauthJson("How many grants (one person, one client) ended.", {
  type: "object",
  properties: { revoked: { type: "integer" } },
  required: ["revoked"],
});

const withId = (operation: Operation, suffix: string): Operation => ({
  ...operation,
  operationId: `${operation.operationId}${suffix}`,
  summary: `${operation.summary}, at the path-suffixed location`,
});

const formBody = (
  properties: Record<string, JsonSchema>,
  required: string[],
  example: Record<string, string>,
) => ({
  required: true,
  content: {
    "application/x-www-form-urlencoded": { schema: { type: "object", properties, required }, example },
  },
});

export const oauthPaths: Paths = {
  "/.well-known/oauth-protected-resource": { get: resourceMetadata },
  "/.well-known/oauth-protected-resource/mcp": { get: withId(resourceMetadata, "ForMcp") },
  "/.well-known/oauth-authorization-server": { get: serverMetadata },
  "/.well-known/oauth-authorization-server/mcp": { get: withId(serverMetadata, "ForMcp") },
  "/oauth/authorize": {
    get: {
      operationId: "oauthAuthorize",
      tags: ["OAuth"],
      summary: "The consent page",
      description: [
        "Authorization code request (response_type=code, client_id, redirect_uri, PKCE code_challenge with",
        "code_challenge_method=S256, state, scope, resource). Shows the client, where the browser returns to and the",
        "scopes, with a field for the person's Freshdesk API key. An unknown client or unregistered redirect URI is",
        "shown here (400), never redirected; other problems go back to the redirect URI as OAuth errors.",
      ].join(" "),
      security: PUBLIC,
      responses: {
        "200": html("The consent form."),
        "303": { description: "An error sent back to the client's redirect URI (with `state` and `iss`)." },
        "400": html("The client or redirect URI is unknown: nothing is sent back."),
      },
    },
    post: {
      operationId: "oauthConsent",
      tags: ["OAuth"],
      summary: "Submit the consent form",
      description: [
        "First the key (`freshdesk_api_key`, checked with Freshdesk's /agents/me), then `decision=approve|deny`, each with",
        "the form's hidden fields. Only from this service's own pages (Origin checked); each form works once.",
        "Wrong keys are limited per client address.",
      ].join(" "),
      security: PUBLIC,
      requestBody: formBody(
        {
          request_id: { type: "string" },
          freshdesk_api_key: { type: "string" },
          decision: { type: "string", enum: ["approve", "deny"] },
        },
        ["request_id"],
        { request_id: "from-the-form", freshdesk_api_key: "your-freshdesk-api-key" },
      ),
      responses: {
        "200": html("The next step: who you are and Approve / Deny."),
        "303": {
          description: "Back to the client's redirect URI with `code` (or `error`), `state` and `iss`.",
        },
        "400": html("The form was already used, expired or was changed."),
        "401": html("Freshdesk did not accept the key."),
        "403": { description: "Not posted from this service's own page." },
        "429": html("Too many wrong keys from this address; see `Retry-After`."),
      },
    },
  },
  "/oauth/token": {
    post: {
      operationId: "oauthToken",
      tags: ["OAuth"],
      summary: "Exchange a code or a refresh token for tokens",
      description:
        "grant_type=authorization_code (code, code_verifier, redirect_uri, resource) or refresh_token (rotated on use). Access tokens last OAUTH_ACCESS_TOKEN_TTL (1 h).",
      security: PUBLIC,
      requestBody: formBody(
        {
          grant_type: { type: "string", enum: ["authorization_code", "refresh_token"] },
          code: { type: "string" },
          code_verifier: { type: "string" },
          redirect_uri: { type: "string" },
          refresh_token: { type: "string" },
          client_id: { type: "string" },
          client_secret: { type: "string" },
          resource: { type: "string" },
        },
        ["grant_type"],
        {
          grant_type: "authorization_code",
          code: "the-code",
          code_verifier: "the-verifier",
          client_id: "your-client-id",
        },
      ),
      responses: {
        "200": oauthJson("Tokens.", {
          type: "object",
          properties: {
            access_token: { type: "string" },
            token_type: { type: "string" },
            expires_in: { type: "integer" },
            refresh_token: { type: "string" },
            scope: { type: "string" },
          },
          required: ["access_token", "token_type", "expires_in"],
        }),
        "400": oauthJson("An OAuth error (invalid_grant, invalid_target, …).", oauthError),
        "401": oauthJson("Unknown client or wrong client secret (invalid_client).", oauthError),
      },
    },
  },
  "/oauth/register": {
    post: {
      operationId: "oauthRegister",
      tags: ["OAuth"],
      summary: "Register a client (RFC 7591)",
      description:
        "Redirect URIs must be https, http on 127.0.0.1/localhost, or a native app's own scheme. Public clients use token_endpoint_auth_method none; others get a client_secret, shown once.",
      security: PUBLIC,
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: {
              type: "object",
              properties: { redirect_uris: { type: "array", items: { type: "string" } } },
            },
            example: {
              client_name: "My MCP client",
              redirect_uris: ["http://127.0.0.1:8976/callback"],
              token_endpoint_auth_method: "none",
            },
          },
        },
      },
      responses: {
        "201": oauthJson("The client, with client_id (and client_secret for confidential clients).", {
          type: "object",
          properties: { client_id: { type: "string" }, client_secret: { type: "string" } },
          required: ["client_id"],
        }),
        "400": oauthJson("invalid_client_metadata.", oauthError),
        "429": oauthJson("Too many registrations from this address.", oauthError),
      },
    },
  },
  "/oauth/revoke": {
    post: {
      operationId: "oauthRevoke",
      tags: ["OAuth"],
      summary: "Revoke a token (RFC 7009)",
      description: "An access token ends alone; a refresh token ends its whole grant.",
      security: PUBLIC,
      requestBody: formBody(
        { token: { type: "string" }, token_type_hint: { type: "string" }, client_id: { type: "string" } },
        ["token"],
        { token: "a-token", client_id: "your-client-id" },
      ),
      responses: {
        "200": { description: "Revoked (or already unknown)." },
        "401": oauthJson("Unknown client or wrong client secret.", oauthError),
      },
    },
  },
  "/admin/oauth/people/{id}": {
    get: {
      operationId: "oauthPersonSignIns",
      tags: ["Operators"],
      summary: "Which clients a person is signed in with",
      description: "The person's live grants: client, scopes and since when.",
      security: bearer("admin"),
      parameters: [agentIdParameter],
      responses: {
        "200": oauthJson("The person's sign-ins.", {
          type: "object",
          properties: {
            agent_id: { type: "integer" },
            signed_in: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  client_id: { type: "string" },
                  client_name: { type: "string" },
                  scopes: { type: "array", items: { type: "string" } },
                  since: { type: "string", format: "date-time" },
                },
              },
            },
          },
          required: ["agent_id", "signed_in"],
        }),
        ...errors([400, 401, 403]),
      },
    },
    delete: {
      operationId: "oauthRevokePerson",
      tags: ["Operators"],
      summary: "Sign a person out of every client",
      description: "Revokes all their tokens and forgets their stored Freshdesk key.",
      security: bearer("admin"),
      parameters: [agentIdParameter],
      responses: { "200": revokedCount, ...errors([400, 401, 403]) },
    },
  },
  "/admin/oauth/clients/{id}": {
    delete: {
      operationId: "oauthRevokeClient",
      tags: ["Operators"],
      summary: "Sign every person out of one client",
      description: "Revokes the tokens every person holds through this client id.",
      security: bearer("admin"),
      parameters: [
        {
          name: "id",
          in: "path",
          required: true,
          description: "The OAuth client id.",
          schema: { type: "string" },
        },
      ],
      responses: { "200": revokedCount, ...errors([401, 403]) },
    },
  },
};
