import { z } from "zod";
import {
  type FreshdeskApiError,
  FreshdeskAuthError,
  type FreshdeskFieldError,
  FreshdeskNotFoundError,
  FreshdeskRateLimitError,
  FreshdeskServerError,
  FreshdeskValidationError,
} from "./errors.ts";
import type { Redact } from "./redact.ts";

/** Freshdesk's three error body shapes, read leniently: any of the keys may be missing. */
const errorBodySchema = z.object({
  description: z.string().optional(),
  code: z.string().optional(),
  message: z.string().optional(),
  errors: z
    .array(
      z.object({
        field: z.string().optional(),
        nested_field: z.string().optional(),
        message: z.string().optional(),
        code: z.string().optional(),
      }),
    )
    .optional(),
});

const MAX_TEXT = 300;

/** Freshdesk's messages are plain text, but a proxy in front of it may answer with HTML. */
export function safeText(text: string, max = MAX_TEXT): string {
  const plain = text
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain;
}

export function parseBody(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return safeText(text, 1000);
  }
}

type ErrorResponse = {
  status: number;
  method: string;
  path: string;
  requestId: string | undefined;
  bodyText: string;
  retryAfterSeconds: number;
  /** Cuts credentials out of the body before any of it is kept (see redact.ts). */
  redact: Redact;
  /** How the service is named in messages (default "Freshdesk"). */
  product?: string;
};

/** Turns a non-2xx answer into the matching typed error. */
export function errorFromResponse(response: ErrorResponse): FreshdeskApiError {
  const { status, method, path, requestId } = response;
  const product = response.product ?? "Freshdesk";
  const body = parseBody(response.redact(response.bodyText));
  const parsed = errorBodySchema.safeParse(body);
  const shape = parsed.success ? parsed.data : {};
  const fieldErrors: FreshdeskFieldError[] = (shape.errors ?? []).map((e) => ({
    field: e.field ?? e.nested_field ?? "",
    message: safeText(e.message ?? ""),
    code: e.code ?? "",
    ...(e.nested_field ? { nestedField: e.nested_field } : {}),
  }));
  const info = { product, method, path, requestId, body, fieldErrors, freshdeskCode: shape.code };
  const freshdeskMessage = shape.message ? safeText(shape.message) : undefined;
  const request = `${method} ${path}`;

  if (status === 404) return new FreshdeskNotFoundError(`${product} found nothing at ${request}.`, info);
  if (status === 429) {
    const seconds = response.retryAfterSeconds;
    const why = freshdeskMessage ? ` (${freshdeskMessage})` : "";
    return new FreshdeskRateLimitError(
      `${product}'s rate limit was reached${why}; retry in ${seconds} s.`,
      seconds,
      info,
    );
  }
  if (status === 401 || status === 403) {
    const lead = status === 401 ? `${product} did not accept the API key` : `${product} refused access`;
    return new FreshdeskAuthError(
      status,
      freshdeskMessage ? `${lead}: ${freshdeskMessage}` : `${lead}.`,
      info,
    );
  }
  if (status >= 500) {
    return new FreshdeskServerError(status, `${product} failed with HTTP ${status} on ${request}.`, info);
  }
  return new FreshdeskValidationError(
    status,
    validationMessage(product, status, fieldErrors, freshdeskMessage),
    info,
  );
}

function validationMessage(
  product: string,
  status: number,
  fieldErrors: FreshdeskFieldError[],
  freshdeskMessage: string | undefined,
): string {
  if (fieldErrors.length > 0) {
    const list = fieldErrors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join("; ");
    return `${product} rejected the request: ${list}`;
  }
  if (freshdeskMessage) return `${product} rejected the request: ${freshdeskMessage}`;
  return `${product} rejected the request (HTTP ${status}).`;
}

/** `Retry-After` is seconds or an HTTP date; a missing or odd value falls back to `fallback`. */
export function parseRetryAfter(header: string | null, fallback: number, nowMs = Date.now()): number {
  if (header === null || header.trim() === "") return fallback;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return fallback;
  return Math.max(0, Math.ceil((date - nowMs) / 1000));
}
