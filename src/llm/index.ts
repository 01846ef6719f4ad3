/** One structured-output call to an OpenAI-compatible server, and the ticket classifier built on it. */
export { LlmError, type LlmFailureReason } from "./errors.ts";
export {
  createOpenAIClassifier,
  type LlmClassifier,
  type OpenAIClassifierOptions,
} from "./openai-classifier.ts";
export { buildClassificationMessages, sanitizeUntrusted, TICKET_BEGIN, TICKET_END } from "./prompt.ts";
export {
  type LlmCallReport,
  type StructuredCallOptions,
  structuredCall,
  wireJsonSchema,
} from "./structured-call.ts";
