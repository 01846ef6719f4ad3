import { AppError } from "../errors.ts";

/**
 * Why a language-model call produced no usable answer. The classifier falls back to the local
 * model on any of these and names the reason in the triage note.
 */
export type LlmFailureReason =
  | "timeout"
  | "rate_limited"
  | "http_error"
  | "connection"
  | "refusal"
  | "truncated"
  | "empty"
  | "invalid_json"
  | "schema_mismatch";

const MESSAGES: Record<LlmFailureReason, string> = {
  timeout: "the language model did not answer in time",
  rate_limited: "the language model is rate limited",
  http_error: "the language model returned an error",
  connection: "the language model could not be reached",
  refusal: "the language model refused to answer",
  truncated: "the language model's answer was cut off",
  empty: "the language model returned an empty answer",
  invalid_json: "the language model's answer was not valid JSON",
  schema_mismatch: "the language model's answer did not match the expected structure",
};

export class LlmError extends AppError {
  readonly reason: LlmFailureReason;
  /** HTTP status of the upstream answer, when there was one. */
  readonly upstreamStatus: number | undefined;

  constructor(
    reason: LlmFailureReason,
    options: { cause?: unknown; upstreamStatus?: number; details?: unknown } = {},
  ) {
    const status = options.upstreamStatus ? ` (HTTP ${options.upstreamStatus})` : "";
    super(502, "llm_failed", `${MESSAGES[reason]}${status}`, {
      cause: options.cause,
      details: options.details,
    });
    this.reason = reason;
    this.upstreamStatus = options.upstreamStatus;
  }
}
