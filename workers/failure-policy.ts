import { AppError } from "../src/errors.ts";

/**
 * The one place that decides what a failed triage step means for its BullMQ job.
 * - 404: the ticket is gone; the job is done, recorded as skipped.
 * - 401/403: credentials or permissions are wrong; retrying cannot help, fail now with the reason.
 * - 429: Freshdesk's budget is spent; pause the whole queue for Retry-After without using an attempt.
 * - 5xx, timeouts, network trouble, anything unexpected: retry with exponential backoff.
 */
export type FailureDecision =
  | { kind: "skip"; reason: string }
  | { kind: "fail"; reason: string }
  | { kind: "rate_limit"; delayMs: number; reason: string }
  | { kind: "retry"; reason: string; expected: boolean };

export function decideFailure(error: unknown): FailureDecision {
  if (!(error instanceof AppError)) {
    const reason = error instanceof Error ? error.message : String(error);
    return { kind: "retry", reason: `unexpected error: ${reason}`, expected: false };
  }
  const reason = error.message;
  if (error.status === 404) return { kind: "skip", reason: `ticket not found: ${reason}` };
  if (error.status === 401 || error.status === 403) {
    return { kind: "fail", reason: `Freshdesk refused our credentials or permissions: ${reason}` };
  }
  if (error.status === 429) {
    const seconds = retryAfterOf(error) ?? 60;
    return { kind: "rate_limit", delayMs: Math.max(1000, seconds * 1000), reason };
  }
  if (error.status === 400 || error.status === 409 || error.status === 422) {
    // Freshdesk rejected what we sent; the same request will be rejected again.
    return { kind: "fail", reason: `Freshdesk rejected the request: ${reason}` };
  }
  return { kind: "retry", reason, expected: true };
}

function retryAfterOf(error: AppError): number | undefined {
  const value = (error as { retryAfterSeconds?: unknown }).retryAfterSeconds;
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}
