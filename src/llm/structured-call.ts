import OpenAI from "openai";
import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";
import { z } from "zod";
import { LlmError } from "./errors.ts";

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
};

export async function structuredCall<T>(options: StructuredCallOptions<T>): Promise<T> {
  const completion = await send(options);
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
  const parsed = options.schema.safeParse(json);
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
