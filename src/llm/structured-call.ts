import OpenAI from "openai";
import type { ChatCompletion, ChatCompletionMessageParam } from "openai/resources/chat/completions";
import { z } from "zod";
import { LlmError, type LlmFailureReason } from "./errors.ts";

/**
 * One chat-completions call whose answer must match a zod schema. The schema is sent as a
 * strict JSON schema (`response_format: json_schema`) and the answer is validated again here,
 * because OpenAI-compatible servers differ in how faithfully they honour it. Every way the call
 * can fail ends in an LlmError with a reason.
 */

export type StructuredCallOptions<T> = {
  client: OpenAI;
  model: string;
  /** Schema name sent to the server: letters, digits, `_` and `-`. */
  schemaName: string;
  schema: z.ZodType<T>;
  messages: ChatCompletionMessageParam[];
  /** Overall deadline for the call, retries included. */
  timeoutMs: number;
  maxTokens?: number;
  /** Told how each call went and the tokens it used; for metrics. */
  onCall?: ((call: LlmCallReport) => void) | undefined;
};

/** One call as seen by an observer: never the prompt or the answer. */
export type LlmCallReport = {
  model: string;
  outcome: "ok" | LlmFailureReason;
  /** Absent when the server answered nothing or did not report usage. */
  usage?: { inputTokens: number; outputTokens: number } | undefined;
  durationMs: number;
};

export async function structuredCall<T>(options: StructuredCallOptions<T>): Promise<T> {
  const started = performance.now();
  let usage: LlmCallReport["usage"];
  const report = (outcome: LlmCallReport["outcome"]) =>
    options.onCall?.({ model: options.model, outcome, usage, durationMs: performance.now() - started });
  try {
    const completion = await send(options);
    if (completion.usage) {
      usage = {
        inputTokens: completion.usage.prompt_tokens,
        outputTokens: completion.usage.completion_tokens,
      };
    }
    const answer = readAnswer(completion, options.schema);
    report("ok");
    return answer;
  } catch (error) {
    // Tokens are spent even when the answer is unusable, so failures are reported with usage.
    report(error instanceof LlmError ? error.reason : "connection");
    throw error;
  }
}

function readAnswer<T>(completion: ChatCompletion, schema: z.ZodType<T>): T {
  const choice = completion.choices[0];
  const message = choice?.message;
  if (message?.refusal) throw new LlmError("refusal");
  if (choice?.finish_reason === "length") throw new LlmError("truncated");
  if (choice?.finish_reason === "content_filter") throw new LlmError("refusal");
  const content = message?.content;
  if (!content?.trim()) throw new LlmError("empty");

  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (error) {
    throw new LlmError("invalid_json", { cause: error });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new LlmError("schema_mismatch", {
      cause: parsed.error,
      details: parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`),
    });
  }
  return parsed.data;
}

/** The JSON schema sent to the server; `$schema` is dropped because some servers reject it. */
export function wireJsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema) as Record<string, unknown>;
  return rest;
}

async function send<T>(options: StructuredCallOptions<T>) {
  try {
    return await options.client.chat.completions.create(
      {
        model: options.model,
        messages: options.messages,
        temperature: 0,
        max_completion_tokens: options.maxTokens ?? 1200,
        response_format: {
          type: "json_schema",
          json_schema: { name: options.schemaName, strict: true, schema: wireJsonSchema(options.schema) },
        },
      },
      { timeout: options.timeoutMs, signal: AbortSignal.timeout(options.timeoutMs) },
    );
  } catch (error) {
    throw toLlmError(error);
  }
}

function toLlmError(error: unknown): LlmError {
  if (error instanceof OpenAI.APIUserAbortError || error instanceof OpenAI.APIConnectionTimeoutError) {
    return new LlmError("timeout", { cause: error });
  }
  if (error instanceof OpenAI.APIConnectionError) return new LlmError("connection", { cause: error });
  if (error instanceof OpenAI.RateLimitError)
    return new LlmError("rate_limited", { cause: error, upstreamStatus: 429 });
  if (error instanceof OpenAI.APIError) {
    return new LlmError("http_error", { cause: error, upstreamStatus: error.status ?? undefined });
  }
  if (error instanceof Error && error.name === "TimeoutError")
    return new LlmError("timeout", { cause: error });
  return new LlmError("connection", { cause: error });
}
