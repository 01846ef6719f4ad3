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
