import { ErrorCode } from "@modelcontextprotocol/sdk/types.js";
import { AppError } from "../errors.ts";
import type { Logger } from "../logger.ts";

/** MCP's code for a resource that does not exist (the spec's "Resource not found"). */
export const RESOURCE_NOT_FOUND = -32002;

/**
 * A JSON-RPC error for a prompts/* or resources/* request. The SDK sends any thrown error's
 * `code`, `message` and `data`; this class (unlike the SDK's McpError) keeps the message as
 * written, without an "MCP error -32602:" prefix that clients would then repeat.
 */
export class RequestError extends Error {
  readonly code: number;
  readonly data: { status: number; code: string } | undefined;
  constructor(code: number, message: string, data?: { status: number; code: string }) {
    super(message);
    this.name = "RequestError";
    this.code = code;
    this.data = data;
  }
}

export const invalidParams = (message: string) => new RequestError(ErrorCode.InvalidParams, message);

/**
 * The one boundary for prompts and resources, whose failures are JSON-RPC errors rather than
 * tool results: AppError messages (written to be safe) reach the caller with a fitting code and
 * the HTTP status and error code in `data`; anything else is logged and answered with a generic
 * sentence. A missing record is "Resource not found" for resources/read, invalid params for a
 * prompt's argument.
 */
export function toRequestError(
  error: unknown,
  method: string,
  logger: Logger,
  notFoundCode: number = RESOURCE_NOT_FOUND,
): RequestError {
  if (error instanceof RequestError) return error;
  if (!(error instanceof AppError)) {
    logger.error({ err: error, method }, "MCP request failed unexpectedly");
    return new RequestError(ErrorCode.InternalError, `${method} failed because of a problem on our side.`);
  }
  const data = { status: error.status, code: error.code };
  if (error.status === 404) return new RequestError(notFoundCode, error.message, data);
  if (error.status === 400 || error.status === 403 || error.status === 422) {
    return new RequestError(ErrorCode.InvalidParams, error.message, data);
  }
  return new RequestError(ErrorCode.InternalError, error.message, data);
}
