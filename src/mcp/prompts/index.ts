import type { PromptDefinition } from "./define-prompt.ts";
import { draftReplyPrompt } from "./draft-reply.ts";
import { explainSlaRiskPrompt } from "./explain-sla-risk.ts";
import { summarizeOpenQueuePrompt } from "./summarize-open-queue.ts";
import { triageTicketPrompt } from "./triage-ticket.ts";

/** Every prompt the server offers; adding one means a file here and one entry. */
export const allPrompts: readonly PromptDefinition[] = [
  triageTicketPrompt,
  draftReplyPrompt,
  summarizeOpenQueuePrompt,
  explainSlaRiskPrompt,
];
