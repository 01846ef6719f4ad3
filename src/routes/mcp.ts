import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { ErrorCode } from "@modelcontextprotocol/sdk/types.js";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import type { Redis } from "ioredis";
import type { KeyVault } from "../auth/key-vault.ts";
import { type Principal, type PrincipalVariables, requirePrincipal } from "../auth/principal.ts";
import type { TokenStore } from "../auth/token-store.ts";
import type { Config } from "../config.ts";
import {
  AppError,
  ForbiddenError,
  PayloadTooLargeError,
  RateLimitedError,
  ServiceUnavailableError,
} from "../errors.ts";
import type { Toolset } from "../mcp/define-tool.ts";
import type { McpServerDeps } from "../mcp/deps.ts";
import { jsonRpcRefusal } from "../mcp/error-boundary.ts";
import { createOriginAllowList } from "../mcp/origin-allow-list.ts";
import { policyForToken } from "../mcp/policy.ts";
import { createMcpServer } from "../mcp/server.ts";
import type { Product } from "../product.ts";
import { requireBearer } from "./auth.ts";
import { clientAddress } from "./client-address.ts";
import { createFailedSignInLimiter, createRateLimiter, type RateLimiter } from "./rate-limit.ts";
import { requestLogger } from "./request-logging.ts";

/** The same bound the SDK's transport applies when it reads the body itself. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

export type McpRoutesDeps = {
  config: Pick<Config, "mcp" | "publicUrl" | "trustProxy">;
  redis: Redis;
  /** Prefix for the rate-limit keys in Redis. */
  keyPrefix: string;
  /** Either product's tool server deps. */
  server: McpServerDeps<Product>;
  /** `json` answers each POST with one JSON body; `sse` with an event stream. */
  responseMode?: "json" | "sse";
  readOnly?: boolean;
  toolsets?: readonly Toolset[];
  /** Wrong tokens per client address; by default the budget /login spends (same Redis keys). */
  failedSignIns?: RateLimiter;
  /** Clock for the rate-limit window (tests pin it). */
  now?: () => number;
  /**
   * OAuth sign-in: people's tokens are accepted beside MCP_TOKENS, 401s carry the resource
   * metadata challenge, and a person's calls run on a server whose Freshdesk client uses their key.
   */
  oauth?: {
    store: TokenStore;
    vault: KeyVault;
    serverFor(principal: Extract<Principal, { kind: "person" }>): McpServerDeps<Product>;
  };
};

type McpVariables = PrincipalVariables;

/**
 * MCP Streamable HTTP, stateless, to be mounted at /mcp. Every request gets its own server and
 * transport, so nothing (JSON-RPC ids included) is shared between clients. Checks run in the
 * order cheapest-first: Origin/Host (403), bearer token (401, and 429 once an address has sent
 * too many wrong ones), per-token rate counted per JSON-RPC message (429). Refusals are
 * JSON-RPC error bodies, which MCP clients show, rather than the web app's own error shape.
 */
export function mcpRoutes(deps: McpRoutesDeps): Hono<{ Variables: McpVariables }> {
  const allowList = createOriginAllowList({
    publicUrl: deps.config.publicUrl,
    allowedOrigins: deps.config.mcp.allowedOrigins,
  });
  const clock = deps.now ? { now: deps.now } : {};
  const limiter = createRateLimiter({
    redis: deps.redis,
    keyPrefix: `${deps.keyPrefix}:mcp-rate`,
    perMinute: deps.config.mcp.ratePerMinute,
    ...clock,
  });
  const failedSignIns =
    deps.failedSignIns ??
    createFailedSignInLimiter({ redis: deps.redis, keyPrefix: deps.keyPrefix, ...clock });
  const app = new Hono<{ Variables: McpVariables }>();
  // A person's calls count against the person, whichever client they use.
  const rateKey = (c: Context<{ Variables: McpVariables }>) =>
    c.get("principal")?.rateKey ?? c.get("token").name;

  app.onError((error, c) => {
    if (error instanceof AppError) {
      const retryAfter =
        error instanceof RateLimitedError || error instanceof ServiceUnavailableError
          ? error.retryAfterSeconds
          : undefined;
      if (retryAfter !== undefined) c.header("Retry-After", String(Math.max(1, Math.ceil(retryAfter))));
      return c.json(jsonRpcRefusal(error, retryAfter), error.status as 400);
    }
    if (error instanceof HTTPException) {
      return c.json(jsonRpcRefusal(new AppError(error.status, "http_error", error.message)), error.status);
    }
    requestLogger(c, deps.server.logger).error({ err: error, path: c.req.path }, "unhandled error");
    const internal = new AppError(500, "internal_error", "Something went wrong on our side.");
    return c.json(jsonRpcRefusal(internal, undefined, ErrorCode.InternalError), 500);
  });

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
  const failures = { limiter: failedSignIns, addressOf: clientAddress(deps.config.trustProxy) };
  app.use(
    "*",
    deps.oauth
      ? requirePrincipal({
          tokens: deps.config.mcp.tokens,
          store: deps.oauth.store,
          vault: deps.oauth.vault,
          publicUrl: deps.config.publicUrl,
          failures,
          // The deps say which product by the client they carry.
          productLabel: "freshservice" in deps.server ? "Freshservice" : "Freshdesk",
        })
      : requireBearer(deps.config.mcp.tokens, "read", failures),
  );

  // Stateless: there is no session to stream server-initiated messages on, or to delete.
  app.on(["GET", "DELETE"], "/", async (c) => {
    await limiter.consume(rateKey(c));
    return c.json(
      { error: { code: "method_not_allowed", message: "This MCP endpoint is stateless; use POST." } },
      405,
      { Allow: "POST" },
    );
  });

  app.post(
    "/",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new PayloadTooLargeError(`The request body must not exceed ${MAX_BODY_BYTES} bytes.`);
      },
    }),
    async (c) => {
      const text = await c.req.text();
      const parsed = parseJson(text);
      // Every message of a batch counts, notifications too: a batch costs what the same messages
      // sent one per POST would. A batch that does not fit is refused whole, before any runs.
      await limiter.consume(rateKey(c), Array.isArray(parsed) ? Math.max(1, parsed.length) : 1);
      const policy = policyForToken(c.get("token"), {
        ...(deps.readOnly ? { readOnly: true } : {}),
        ...(deps.toolsets ? { toolsets: deps.toolsets } : {}),
      });
      const principal = c.get("principal");
      const serverDeps =
        principal?.kind === "person" && deps.oauth ? deps.oauth.serverFor(principal) : deps.server;
      const server = createMcpServer(serverDeps, policy);
      const transport = new WebStandardStreamableHTTPServerTransport({
        sessionIdGenerator: undefined,
        enableJsonResponse: (deps.responseMode ?? "json") === "json",
      });
      await server.connect(transport);
      // The body was read here to count its messages; the transport gets the same bytes back (and
      // answers invalid JSON with its own parse error).
      const request = new Request(c.req.raw.url, { method: "POST", headers: c.req.raw.headers, body: text });
      const response = await transport.handleRequest(
        request,
        parsed === undefined ? {} : { parsedBody: parsed },
      );
      return closeWhenSent(response, () => void server.close());
    },
  );
  return app;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
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
