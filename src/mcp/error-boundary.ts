import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { AppError } from "../errors.ts";
import type { Logger } from "../logger.ts";
import { ERROR_META_KEY, errorMeta } from "./tool-error.ts";

/**
 * The one place a failed tool call becomes a result. Only AppError messages (written to be
 * safe, with Freshdesk's short field messages at most) reach the caller; anything else is a
 * bug: it is logged with its stack and the caller gets a generic sentence.
 */
export function toolErrorResult(error: unknown, toolName: string, logger: Logger): CallToolResult {
  const known =
    error instanceof AppError
      ? error
      : new AppError(500, "internal_error", `${toolName} failed because of a problem on our side.`);
  if (!(error instanceof AppError)) logger.error({ err: error, tool: toolName }, "tool failed unexpectedly");
  return {
    isError: true,
    content: [{ type: "text", text: known.message }],
    _meta: { [ERROR_META_KEY]: errorMeta(known) },
  };
}

/** JSON-RPC's "server error" code; the SDK's transport answers its own HTTP refusals with it too. */
export const HTTP_REFUSAL_CODE = -32000;

export type JsonRpcRefusal = {
  jsonrpc: "2.0";
  error: {
    code: number;
    message: string;
    data: { status: number; code: string; retry_after_seconds?: number; details?: unknown };
  };
};

/**
 * The body of a refusal at the HTTP level of /mcp (401, 403, 413, 429…): a JSON-RPC error, the
 * shape MCP clients read and show, with the reason (and the retry time) in `message` and the
 * machine-readable parts in `data`. It has no `id`, as MCP's schema allows when the refusal
 * comes before any message was read, or answers a whole batch (JSON-RPC's `"id": null` is
 * refused by MCP's schema and some clients).
 */
export function jsonRpcRefusal(
  error: AppError,
  retryAfterSeconds?: number,
  code = HTTP_REFUSAL_CODE,
): JsonRpcRefusal {
  return {
    jsonrpc: "2.0",
    error: {
      code,
      message: error.message,
      data: {
        status: error.status,
        code: error.code,
        ...(retryAfterSeconds === undefined ? {} : { retry_after_seconds: retryAfterSeconds }),
        ...(error.details === undefined ? {} : { details: error.details }),
      },
    },
  };
}
