import type { SchemaName, SecuritySchemeName } from "../components.ts";
import { COMPONENT_PREFIX } from "../json-schema.ts";
import type { JsonSchema, MediaType, Parameter, Response, SecurityRequirement } from "../types.ts";

/** Helpers that keep the operation files short and make a misspelt schema name a type error. */

export function ref(name: SchemaName): JsonSchema {
  return { $ref: `${COMPONENT_PREFIX}${name}` };
}

export function json(name: SchemaName, example?: unknown): Record<string, MediaType> {
  return {
    "application/json": example === undefined ? { schema: ref(name) } : { schema: ref(name), example },
  };
}

export function jsonResponse(description: string, name: SchemaName): Response {
  return { description, content: json(name) };
}

export function bearer(scope: "read" | "write" | "admin"): SecurityRequirement[] {
  return [{ bearerToken: [scope] }];
}

export function anyOf(...schemes: SecuritySchemeName[]): SecurityRequirement[] {
  return schemes.map((scheme) => ({ [scheme]: [] }));
}

/** No authentication: overrides nothing globally, but says so explicitly on the operation. */
export const PUBLIC: SecurityRequirement[] = [];

export const ticketIdParameter: Parameter = {
  name: "id",
  in: "path",
  required: true,
  description: "The Freshdesk ticket id.",
  schema: ref("TicketId"),
};

const ERROR_MEANINGS: Record<number, string> = {
  400: "The request is malformed; the message names the problem.",
  401: "Missing or wrong credentials.",
  403: "The credentials lack the scope this operation needs.",
  404: "Nothing found.",
  405: "Method not allowed.",
  413: "The body is too large.",
  415: "The Content-Type is not supported.",
  429: "Too many requests; see `Retry-After`.",
  500: "An unexpected failure on the server's side.",
  503: "A dependency (Redis, Freshdesk) is unavailable; see `Retry-After` when present.",
};

/** Error responses, all with the one error body. Descriptions may be overridden per status. */
export function errors(statuses: number[], overrides: Record<number, string> = {}): Record<string, Response> {
  const out: Record<string, Response> = {};
  for (const status of statuses) {
    const description = overrides[status] ?? ERROR_MEANINGS[status] ?? "An error.";
    const response: Response = { description, content: json("ErrorBody") };
    if (status === 429 || status === 503) {
      response.headers = {
        "Retry-After": { description: "Seconds to wait before retrying.", schema: { type: "integer" } },
      };
    }
    out[String(status)] = response;
  }
  return out;
}

/** The 401 challenge sent with a missing or wrong bearer token. */
export function bearerErrors(statuses: number[] = [401, 403]): Record<string, Response> {
  const out = errors(statuses);
  const unauthorized = out["401"];
  if (unauthorized) {
    unauthorized.headers = {
      "WWW-Authenticate": {
        description: '`Bearer`, with `error="invalid_token"` for a wrong token.',
        schema: { type: "string" },
      },
    };
  }
  return out;
}
