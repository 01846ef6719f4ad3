import type { LabelledTicket } from "../learning/types.ts";
import { LlmError } from "../llm/errors.ts";
import { createOpenAIClassifier } from "../llm/openai-classifier.ts";
import type { LlmCallReport } from "../llm/structured-call.ts";
import { findCategory, type Taxonomy } from "../triage/taxonomy.ts";
import type { LlmAnswers, LlmEngine } from "./evaluate.ts";
import { snapshot } from "./evaluate.ts";

/**
 * `--engine llm`: the configured OpenAI-compatible model, asked exactly as the worker asks it
 * (the taxonomy's categories, the most similar labelled past tickets), with spending counted from
 * the token usage each call reports and capped by `--budget-usd`.
 */

export type LlmSpend = {
  calls: number;
  failures: number;
  inputTokens: number;
  outputTokens: number;
  usd: number;
  /** Calls not made because the budget was spent. */
  skipped: number;
};

export type CountingLlmEngine = LlmEngine & { spend(): LlmSpend };

export function createLlmEngine(options: {
  apiKey: string;
  baseUrl?: string | undefined;
  model: string;
  timeoutMs: number;
  taxonomy: Taxonomy;
  budgetUsd: number;
  /** US dollars per million tokens. */
  pricePerMillion: { input: number; output: number };
}): CountingLlmEngine {
  const spend: LlmSpend = { calls: 0, failures: 0, inputTokens: 0, outputTokens: 0, usd: 0, skipped: 0 };
  const onCall = (call: LlmCallReport) => {
    spend.calls++;
    if (call.outcome !== "ok") spend.failures++;
    if (call.usage) {
      spend.inputTokens += call.usage.inputTokens;
      spend.outputTokens += call.usage.outputTokens;
      spend.usd +=
        (call.usage.inputTokens * options.pricePerMillion.input +
          call.usage.outputTokens * options.pricePerMillion.output) /
        1_000_000;
    }
  };
  const classifier = createOpenAIClassifier({
    apiKey: options.apiKey,
    baseUrl: options.baseUrl,
    model: options.model,
    timeoutMs: options.timeoutMs,
    taxonomy: options.taxonomy,
    onCall,
  });
  return {
    spend: () => ({ ...spend }),
    async answer(
      ticket: LabelledTicket,
      similar: readonly LabelledTicket[],
    ): Promise<LlmAnswers | undefined> {
      if (spend.usd >= options.budgetUsd) {
        spend.skipped++;
        return undefined;
      }
      try {
        const classification = await classifier.classify(snapshot(ticket), similar);
        const category = findCategory(options.taxonomy, classification.category);
        const answers: LlmAnswers = { priority: { value: classification.priority.value } };
        if (category?.group) answers.group = { value: category.group };
        if (category?.type) answers.type = { value: category.type };
        return answers;
      } catch (error) {
        // A failed call is an unanswered ticket, as in the worker (which falls back to local).
        if (error instanceof LlmError) return undefined;
        throw error;
      }
    },
  };
}

/**
 * Without `--taxonomy`, the language model chooses among the groups seen in the data: one
 * category per group name (names only; no held-out text reaches the prompt).
 */
export function taxonomyFromGroups(groups: readonly string[], base: Taxonomy): Taxonomy {
  const used = new Set<string>();
  const categories = groups.map((group) => {
    let name =
      group
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "_")
        .replace(/^_|_$/g, "") || "group";
    while (used.has(name)) name = `${name}_`;
    used.add(name);
    return {
      name,
      label: group,
      description: `Tickets this helpdesk's agents put in the group "${group}".`,
      keywords: [],
      group,
      type: "",
    };
  });
  return { ...base, categories, fallbackCategory: categories[0]?.name ?? base.fallbackCategory };
}
