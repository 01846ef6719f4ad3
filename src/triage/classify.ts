import type { Config } from "../config.ts";
import { LlmError } from "../llm/errors.ts";
import { createOpenAIClassifier, type LlmClassifier } from "../llm/openai-classifier.ts";
import type { PastTicket } from "../llm/prompt.ts";
import type { LlmCallReport } from "../llm/structured-call.ts";
import type { Logger } from "../logger.ts";
import type { Classification } from "./classification.ts";
import { createLocalClassifier, type LocalClassifier } from "./local-classifier.ts";
import type { Taxonomy } from "./taxonomy.ts";
import type { TicketSnapshot } from "./ticket-snapshot.ts";

/**
 * The classify step: the language model when one is configured, otherwise, or whenever it
 * fails, the local classifier. The result says which engine answered and why the model was
 * skipped, so the note can tell agents.
 */

export type ClassifyOutcome = {
  classification: Classification;
  /** `local` or `openai:<model>`. */
  engine: string;
  fallbackReason?: string | undefined;
};

/** What a classifier may use beside the ticket; only the language model asks for it. */
export type ClassifyContext = {
  /** The labelled past tickets most like this one (loaded only when called). */
  similar?: (() => Promise<PastTicket[]>) | undefined;
};

export type TicketClassifier = {
  classify(ticket: TicketSnapshot, context?: ClassifyContext): Promise<ClassifyOutcome>;
};

export function createTicketClassifier(deps: {
  local: LocalClassifier;
  llm?: LlmClassifier | undefined;
  logger?: Logger | undefined;
}): TicketClassifier {
  return {
    async classify(ticket: TicketSnapshot, context: ClassifyContext = {}): Promise<ClassifyOutcome> {
      if (!deps.llm) return { classification: deps.local.classify(ticket), engine: deps.local.engine };
      try {
        const similar = context.similar ? await context.similar() : [];
        return { classification: await deps.llm.classify(ticket, similar), engine: deps.llm.engine };
      } catch (error) {
        // Only the model's own failures fall back; a bug in our code should still surface.
        if (!(error instanceof LlmError)) throw error;
        deps.logger?.warn(
          {
            ticketId: ticket.id,
            engine: deps.llm.engine,
            reason: error.reason,
            status: error.upstreamStatus,
          },
          "language model failed; using the local classifier",
        );
        return {
          classification: deps.local.classify(ticket),
          engine: deps.local.engine,
          fallbackReason: error.message,
        };
      }
    },
  };
}

/** The classifier the service runs: the model when an API key is configured, always the local one. */
export function createConfiguredClassifier(options: {
  openai: Config["openai"];
  taxonomy: Taxonomy;
  logger?: Logger | undefined;
  /** Told about every language-model call; for metrics. */
  onLlmCall?: ((call: LlmCallReport) => void) | undefined;
}): TicketClassifier {
  const { openai, taxonomy } = options;
  const llm = openai.apiKey
    ? createOpenAIClassifier({
        apiKey: openai.apiKey,
        baseUrl: openai.baseUrl,
        model: openai.model,
        timeoutMs: openai.timeoutMs,
        taxonomy,
        onCall: options.onLlmCall,
      })
    : undefined;
  return createTicketClassifier({ local: createLocalClassifier(taxonomy), llm, logger: options.logger });
}
