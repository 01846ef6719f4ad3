import OpenAI from "openai";
import {
  type Classification,
  classificationSchema,
  normalizeClassification,
} from "../triage/classification.ts";
import { categoryNames, type Taxonomy } from "../triage/taxonomy.ts";
import type { TicketSnapshot } from "../triage/ticket-snapshot.ts";
import { buildClassificationMessages, type PastTicket } from "./prompt.ts";
import { type LlmCallReport, structuredCall } from "./structured-call.ts";

/**
 * Classifies a ticket with one structured-output call to OpenAI or any OpenAI-compatible
 * server. The category can only be one of the taxonomy's names: the schema says so and the
 * answer is validated against it. Failures surface as LlmError; the caller falls back.
 */

export type OpenAIClassifierOptions = {
  apiKey: string;
  baseUrl?: string | undefined;
  model: string;
  /** Deadline for the whole call, retries included; capped at 20 s. */
  timeoutMs?: number | undefined;
  /** Retries after a failed attempt; capped at 1. */
  maxRetries?: number | undefined;
  taxonomy: Taxonomy;
  /** Told about every call (outcome, token usage); for metrics. */
  onCall?: ((call: LlmCallReport) => void) | undefined;
};

export type LlmClassifier = {
  /** e.g. `openai:gpt-4o-mini`. */
  readonly engine: string;
  /** `similar`: labelled past tickets like this one, shown to the model with agents' labels. */
  classify(ticket: TicketSnapshot, similar?: readonly PastTicket[]): Promise<Classification>;
};

export const MAX_TIMEOUT_MS = 20_000;

export function createOpenAIClassifier(options: OpenAIClassifierOptions): LlmClassifier {
  const timeoutMs = Math.min(options.timeoutMs ?? MAX_TIMEOUT_MS, MAX_TIMEOUT_MS);
  const client = new OpenAI({
    apiKey: options.apiKey,
    baseURL: options.baseUrl,
    timeout: timeoutMs,
    maxRetries: Math.max(0, Math.min(options.maxRetries ?? 1, 1)),
    fetch: fetchWithoutRateLimitRetry,
  });
  const schema = classificationSchema(categoryNames(options.taxonomy));
  return {
    engine: `openai:${options.model}`,
    async classify(ticket: TicketSnapshot, similar: readonly PastTicket[] = []): Promise<Classification> {
      const answer = await structuredCall({
        client,
        model: options.model,
        schemaName: "ticket_classification",
        schema,
        messages: buildClassificationMessages(options.taxonomy, ticket, similar),
        timeoutMs,
        onCall: options.onCall,
      });
      return normalizeClassification(answer);
    },
  };
}

/**
 * A 429 means the quota is spent for now. Waiting out Retry-After inside the call would hold a
 * worker for nothing when the local classifier can answer at once, so the SDK is told not to
 * retry it (it honours `x-should-retry`).
 */
const fetchWithoutRateLimitRetry: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  if (response.status !== 429) return response;
  const headers = new Headers(response.headers);
  headers.set("x-should-retry", "false");
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
};
