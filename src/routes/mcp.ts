import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { Hono } from "hono";
import type { Redis } from "ioredis";
import type { Config } from "../config.ts";
import { ForbiddenError } from "../errors.ts";
import type { Toolset } from "../mcp/define-tool.ts";
import type { McpServerDeps } from "../mcp/deps.ts";
import { createOriginAllowList } from "../mcp/origin-allow-list.ts";
import { policyForToken } from "../mcp/policy.ts";
import { createMcpServer } from "../mcp/server.ts";
import { type AuthVariables, requireBearer } from "./auth.ts";
import { createRateLimiter } from "./rate-limit.ts";

export type McpRoutesDeps = {
  config: Pick<Config, "mcp" | "publicUrl">;
  redis: Redis;
  /** Prefix for the rate-limit keys in Redis. */
  keyPrefix: string;
  server: McpServerDeps;
  /** `json` answers each POST with one JSON body; `sse` with an event stream. */
  responseMode?: "json" | "sse";
  readOnly?: boolean;
  toolsets?: readonly Toolset[];
  /** Clock for the rate-limit window (tests pin it). */
  now?: () => number;
};

/**
 * MCP Streamable HTTP, stateless, to be mounted at /mcp. Every request gets its own server and
 * transport, so nothing (JSON-RPC ids included) is shared between clients. Checks run in the
 * order cheapest-first: Origin/Host (403), bearer token (401), per-token rate (429).
 */
export function mcpRoutes(deps: McpRoutesDeps): Hono<{ Variables: AuthVariables }> {
  const allowList = createOriginAllowList({
    publicUrl: deps.config.publicUrl,
    allowedOrigins: deps.config.mcp.allowedOrigins,
  });
  const limiter = createRateLimiter({
    redis: deps.redis,
    keyPrefix: `${deps.keyPrefix}:mcp-rate`,
    perMinute: deps.config.mcp.ratePerMinute,
    ...(deps.now ? { now: deps.now } : {}),
  });
  const app = new Hono<{ Variables: AuthVariables }>();

  app.use("*", async (c, next) => {
    const origin = c.req.header("origin");
    if (origin !== undefined && !allowList.originAllowed(origin)) {
      throw new ForbiddenError(`Requests from the origin "${origin}" are not allowed.`);
    }
    const host = c.req.header("host");
    if (host !== undefined && !allowList.hostAllowed(host)) {
      throw new ForbiddenError(`Requests for the host "${host}" are not allowed.`);
    }
    await next();
  });
  app.use("*", requireBearer(deps.config.mcp.tokens, "read"));
  app.use("*", async (c, next) => {
    await limiter.consume(c.get("token").name);
    await next();
  });

  // Stateless: there is no session to stream server-initiated messages on, or to delete.
  app.on(["GET", "DELETE"], "/", (c) =>
    c.json(
      { error: { code: "method_not_allowed", message: "This MCP endpoint is stateless; use POST." } },
      405,
      { Allow: "POST" },
    ),
  );

  app.post("/", async (c) => {
    const policy = policyForToken(c.get("token"), {
      ...(deps.readOnly ? { readOnly: true } : {}),
      ...(deps.toolsets ? { toolsets: deps.toolsets } : {}),
    });
    const server = createMcpServer(deps.server, policy);
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: (deps.responseMode ?? "json") === "json",
    });
    await server.connect(transport);
    const response = await transport.handleRequest(c.req.raw);
    return closeWhenSent(response, () => void server.close());
  });
  return app;
}

/** Runs `done` once the response body has been fully sent or abandoned by the client. */
function closeWhenSent(response: Response, done: () => void): Response {
  let finished = false;
  const finish = () => {
    if (!finished) {
      finished = true;
      done();
    }
  };
  if (!response.body) {
    finish();
    return response;
  }
  const reader = response.body.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const chunk = await reader.read();
      if (chunk.done) {
        controller.close();
        finish();
      } else {
        controller.enqueue(chunk.value);
      }
    },
    cancel(reason) {
      finish();
      return reader.cancel(reason);
    },
  });
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
