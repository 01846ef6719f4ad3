// The one place sandbox errors become HTTP responses, in Freshdesk's body shapes (reference §2).
import type { ErrorHandler, NotFoundHandler } from "hono";
import type { Logger } from "../../logger.ts";
import type { SandboxEnv } from "./context.ts";
import { CodedWireError, MessageWireError, ValidationFailedError, WireNotFoundError } from "./errors.ts";
import type { RouteTable } from "./route-table.ts";

export type NotFoundContentType = "none" | "json";

const SERVER_ERROR = { message: "We're sorry, but something went wrong." };

/**
 * Freshdesk's 404 has an empty body (reference §2.3). "json" labels it application/json as the
 * real service most likely does. "none" leaves it unlabelled as JSON; it goes out as text/plain
 * because npm freshdesk-api 3.1.0 parses a body without any Content-Type as JSON and would fail
 * on the empty body instead of reporting a FreshdeskError with status 404.
 */
function emptyNotFound(contentType: NotFoundContentType): Response {
  const type = contentType === "json" ? "application/json" : "text/plain; charset=utf-8";
  return new Response(null, { status: 404, headers: { "Content-Type": type } });
}

export function wireErrorHandler(notFound: NotFoundContentType, logger: Logger): ErrorHandler<SandboxEnv> {
  return (error, c) => {
    if (error instanceof ValidationFailedError) {
      return c.json({ description: "Validation failed", errors: error.errors }, error.status as 400);
    }
    if (error instanceof CodedWireError)
      return c.json({ code: error.code, message: error.message }, error.status as 400);
    if (error instanceof MessageWireError) {
      for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
      return c.json({ message: error.message }, error.status as 400);
    }
    if (error instanceof WireNotFoundError) return emptyNotFound(notFound);
    logger.error({ err: error, path: c.req.path }, "sandbox request failed");
    return c.json(SERVER_ERROR, 500);
  };
}

/** Unknown paths get an empty 404; known paths under another method get 405 + `Allow`. */
export function wireNotFound(table: RouteTable, notFound: NotFoundContentType): NotFoundHandler<SandboxEnv> {
  return (c) => {
    const match = table.match(c.req.method, c.req.path);
    if (match.kind !== "wrongMethod") return emptyNotFound(notFound);
    const allowed = match.allowed.join(", ");
    c.header("Allow", allowed);
    return c.json(
      { message: `${c.req.method} method is not allowed. It should be one of these method(s): ${allowed}` },
      405,
    );
  };
}
