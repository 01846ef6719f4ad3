import {
  AppError,
  BadRequestError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  ServiceUnavailableError,
  UnauthorizedError,
} from "../errors.ts";
import {
  FreshdeskApiError,
  FreshdeskAuthError,
  type FreshdeskFieldError,
  FreshdeskInvalidResponseError,
  FreshdeskNetworkError,
  FreshdeskNotFoundError,
  FreshdeskRateLimitError,
  FreshdeskServerError,
  FreshdeskTimeoutError,
  FreshdeskValidationError,
} from "../freshdesk/errors.ts";

/**
 * The machine-readable half of an isError tool result, carried in `_meta.error`. The error
 * boundary writes it; `callTool` reads it back into the same typed error, so code on the
 * client side (the worker's failure policy) can tell a 404 from a 429 from a 5xx.
 */
export type ToolErrorMeta = {
  code: string;
  status: number;
  retry_after_seconds?: number;
  outcome_unknown?: boolean;
  field_errors?: FreshdeskFieldError[];
};

export const ERROR_META_KEY = "error";

export function errorMeta(error: AppError): ToolErrorMeta {
  const meta: ToolErrorMeta = { code: error.code, status: error.status };
  if (error instanceof FreshdeskRateLimitError || error instanceof RateLimitedError) {
    meta.retry_after_seconds = error.retryAfterSeconds;
  }
  if (error instanceof ServiceUnavailableError && error.retryAfterSeconds !== undefined) {
    meta.retry_after_seconds = error.retryAfterSeconds;
  }
  if (error instanceof FreshdeskTimeoutError || error instanceof FreshdeskNetworkError) {
    meta.outcome_unknown = error.outcomeUnknown;
  }
  if (error instanceof FreshdeskApiError && error.fieldErrors.length > 0) {
    meta.field_errors = error.fieldErrors;
  }
  return meta;
}

function readMeta(value: unknown): ToolErrorMeta | undefined {
  if (!value || typeof value !== "object") return undefined;
  const meta = value as Partial<ToolErrorMeta>;
  if (typeof meta.code !== "string" || typeof meta.status !== "number") return undefined;
  return meta as ToolErrorMeta;
}

/** Rebuilds the typed error an isError result stands for. */
export function errorFromToolResult(toolName: string, message: string, metaValue: unknown): AppError {
  const meta = readMeta(metaValue);
  if (!meta) return new AppError(500, "tool_error", message);
  const info = { method: "MCP", path: `tools/${toolName}`, fieldErrors: meta.field_errors ?? [] };
  const retryAfter = meta.retry_after_seconds ?? 60;
  switch (meta.code) {
    case "freshdesk_not_found":
      return new FreshdeskNotFoundError(message, info);
    case "freshdesk_rate_limited":
      return new FreshdeskRateLimitError(message, retryAfter, info);
    case "freshdesk_unauthorized":
    case "freshdesk_forbidden":
      return new FreshdeskAuthError(meta.status, message, info);
    case "freshdesk_invalid_request":
    case "freshdesk_conflict":
      return new FreshdeskValidationError(meta.status, message, info);
    case "freshdesk_server_error":
      return new FreshdeskServerError(meta.status, message, info);
    case "freshdesk_timeout":
      return new FreshdeskTimeoutError(message, meta.outcome_unknown ?? true, info);
    case "freshdesk_network_error":
      return new FreshdeskNetworkError(message, meta.outcome_unknown ?? true, info);
    case "freshdesk_invalid_response":
      return new FreshdeskInvalidResponseError(message, [], info);
  }
  switch (meta.status) {
    case 400:
      return new BadRequestError(message);
    case 401:
      return new UnauthorizedError(message);
    case 403:
      return new ForbiddenError(message);
    case 404:
      return new NotFoundError(message);
    case 409:
      return new ConflictError(message);
    case 429:
      return new RateLimitedError(message, retryAfter);
    case 503:
      return new ServiceUnavailableError(message, meta.retry_after_seconds);
    default:
      return new AppError(meta.status, meta.code, message);
  }
}
