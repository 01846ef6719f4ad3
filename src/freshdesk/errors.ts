import { AppError } from "../errors.ts";

/**
 * Errors raised by the Freshdesk client, and by the Freshservice client, which shares its
 * transport and these classes (`product` says which answered). Each keeps Freshdesk's own error body (shape A
 * `{description, errors[]}`, shape B `{code, message}`, shape C `{message}`) for logs and
 * callers, while `message` is built only from trusted parts: our own wording plus Freshdesk's
 * short plain-text messages, stripped of markup and truncated.
 */

export type FreshdeskFieldError = {
  field: string;
  message: string;
  code: string;
  nestedField?: string;
};

export type FreshdeskErrorInfo = {
  /** "Freshdesk" (the default) or "Freshservice": how the service is named in messages. */
  product?: string | undefined;
  method: string;
  /** Path below /api/v2, without the query string (it may hold search text). */
  path: string;
  requestId?: string | undefined;
  /** Freshdesk's parsed JSON error body, or a truncated text body when it was not JSON. */
  body?: unknown;
  fieldErrors?: FreshdeskFieldError[];
  freshdeskCode?: string | undefined;
  cause?: unknown;
};

export class FreshdeskApiError extends AppError {
  readonly product: string;
  readonly method: string;
  readonly path: string;
  readonly requestId: string | undefined;
  readonly body: unknown;
  readonly fieldErrors: FreshdeskFieldError[];
  readonly freshdeskCode: string | undefined;

  constructor(status: number, code: string, message: string, info: FreshdeskErrorInfo) {
    const fieldErrors = info.fieldErrors ?? [];
    super(status, code, message, {
      cause: info.cause,
      details: fieldErrors.length > 0 ? { fieldErrors } : undefined,
    });
    this.product = info.product ?? "Freshdesk";
    this.method = info.method;
    this.path = info.path;
    this.requestId = info.requestId;
    this.body = info.body;
    this.fieldErrors = fieldErrors;
    this.freshdeskCode = info.freshdeskCode;
  }
}

/** 400 and 409 (and the other request-level 4xx: 405, 406, 415): the request itself was wrong. */
export class FreshdeskValidationError extends FreshdeskApiError {
  constructor(status: number, message: string, info: FreshdeskErrorInfo) {
    super(status, status === 409 ? "freshdesk_conflict" : "freshdesk_invalid_request", message, info);
  }
}

/** 401 (bad or missing API key) and 403 (the key's agent lacks the privilege, plan, SSL...). */
export class FreshdeskAuthError extends FreshdeskApiError {
  constructor(status: number, message: string, info: FreshdeskErrorInfo) {
    super(status, status === 401 ? "freshdesk_unauthorized" : "freshdesk_forbidden", message, info);
  }
}

export class FreshdeskNotFoundError extends FreshdeskApiError {
  constructor(message: string, info: FreshdeskErrorInfo) {
    super(404, "freshdesk_not_found", message, info);
  }
}

/**
 * A 429 from Freshdesk, or the shared budget refusing to wait as long as the caller allows.
 * `retryAfterSeconds` says when trying again makes sense.
 */
export class FreshdeskRateLimitError extends FreshdeskApiError {
  readonly retryAfterSeconds: number;
  constructor(message: string, retryAfterSeconds: number, info: FreshdeskErrorInfo) {
    super(429, "freshdesk_rate_limited", message, info);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export class FreshdeskServerError extends FreshdeskApiError {
  constructor(status: number, message: string, info: FreshdeskErrorInfo) {
    super(status, "freshdesk_server_error", message, info);
  }
}

/**
 * No answer in time. `outcomeUnknown` is true for a non-idempotent request (POST) that may have
 * reached Freshdesk: it was not repeated, and the caller must check before trying again.
 */
export class FreshdeskTimeoutError extends FreshdeskApiError {
  readonly outcomeUnknown: boolean;
  constructor(message: string, outcomeUnknown: boolean, info: FreshdeskErrorInfo) {
    super(504, "freshdesk_timeout", message, info);
    this.outcomeUnknown = outcomeUnknown;
  }
}

/** The connection failed. `outcomeUnknown` as for timeouts (false when it never connected). */
export class FreshdeskNetworkError extends FreshdeskApiError {
  readonly outcomeUnknown: boolean;
  constructor(message: string, outcomeUnknown: boolean, info: FreshdeskErrorInfo) {
    super(502, "freshdesk_network_error", message, info);
    this.outcomeUnknown = outcomeUnknown;
  }
}

/** A 2xx whose body is not JSON or does not match the expected shape. */
export class FreshdeskInvalidResponseError extends FreshdeskApiError {
  readonly issues: string[];
  constructor(message: string, issues: string[], info: FreshdeskErrorInfo) {
    super(502, "freshdesk_invalid_response", message, info);
    this.issues = issues;
  }
}

/** True for errors worth retrying later (rate limits, 5xx, timeouts and network failures). */
export function isTransientFreshdeskError(error: unknown): boolean {
  return (
    error instanceof FreshdeskRateLimitError ||
    error instanceof FreshdeskServerError ||
    (error instanceof FreshdeskTimeoutError && !error.outcomeUnknown) ||
    (error instanceof FreshdeskNetworkError && !error.outcomeUnknown)
  );
}
