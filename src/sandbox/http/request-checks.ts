// Checks Freshdesk runs before any endpoint logic (reference §1.3): Accept, query encoding and
// the generic Content-Type rule. Endpoints narrow the content type further when reading bodies.
import type { MiddlewareHandler } from "hono";
import type { SandboxEnv } from "./context.ts";
import { CodedWireError } from "./errors.ts";

const ACCEPTABLE = /^(?:application\/json|\*\/\*|application\/vnd\.freshdesk\.v\d+(?:\+json)?)$/i;
const BODY_TYPES = ["application/json", "multipart/form-data", "application/x-www-form-urlencoded"];

export function mediaType(header: string | undefined): string {
  return (header ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

export function unsupportedContentType(header: string | undefined): CodedWireError {
  return new CodedWireError(
    415,
    "invalid_content_type",
    `Content-Type header is set to ${mediaType(header)}. It should be set to application/json`,
  );
}

function acceptable(accept: string): boolean {
  return accept.split(",").some((range) => ACCEPTABLE.test(mediaType(range)));
}

function validEncoding(search: string): boolean {
  try {
    decodeURIComponent(search.replace(/\+/g, " "));
    return true;
  } catch {
    return false;
  }
}

function hasBody(headers: Headers): boolean {
  const length = headers.get("content-length");
  return headers.has("transfer-encoding") || (length !== null && length !== "0");
}

export const requestChecks: MiddlewareHandler<SandboxEnv> = async (c, next) => {
  const accept = c.req.header("accept");
  if (accept !== undefined && !acceptable(accept)) {
    throw new CodedWireError(
      406,
      "invalid_accept_header",
      `Accept header is set to ${accept}. It should have application/json or */*`,
    );
  }
  if (!validEncoding(new URL(c.req.url).search)) {
    throw new CodedWireError(400, "invalid_encoding", "The query string has an invalid %-encoding.");
  }
  const method = c.req.method;
  const contentType = c.req.header("content-type");
  if ((method === "POST" || method === "PUT") && (contentType !== undefined || hasBody(c.req.raw.headers))) {
    if (!BODY_TYPES.includes(mediaType(contentType))) throw unsupportedContentType(contentType);
  }
  await next();
};
