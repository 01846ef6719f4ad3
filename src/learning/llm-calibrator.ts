import type { Config } from "../config.ts";
import { createLlmEngine } from "../eval/llm-engine.ts";
import type { LlmCalibrator } from "./learn-run.ts";
import { calibrateLlmOnHistory } from "./llm-calibration.ts";
import { trainOnThread } from "./train-thread.ts";

/** US dollars per million tokens, as `npm run eval --engine llm` assumes by default. */
export const LLM_PRICE_PER_MILLION = { input: 0.15, output: 0.6 } as const;

/**
 * The language model, calibrated at each learning run the way `npm run eval --engine llm`
 * calibrates it: asked exactly as the worker asks it (the taxonomy's categories, the most similar
 * labelled past tickets) on a sample of LEARN_LLM_SAMPLE history tickets, spending at most
 * LEARN_LLM_BUDGET_USD a run. Undefined without OPENAI_API_KEY or with a sample of 0: then the
 * worker never applies the language model's answer on its own.
 */
export function createLlmCalibrator(config: Config): LlmCalibrator | undefined {
  const { apiKey } = config.openai;
  if (!apiKey || config.learning.llmSample === 0) return undefined;
  return async (examples, signal) => {
    // A new engine per run: the budget is per run.
    const engine = createLlmEngine({
      apiKey,
      baseUrl: config.openai.baseUrl,
      model: config.openai.model,
      timeoutMs: config.openai.timeoutMs,
      taxonomy: config.triage.taxonomy,
      budgetUsd: config.learning.llmBudgetUsd,
      pricePerMillion: LLM_PRICE_PER_MILLION,
    });
    let asked = 0;
    let answered = 0;
    const calibration = await calibrateLlmOnHistory(examples, {
      sampleSize: config.learning.llmSample,
      targetPrecision: config.triage.targetPrecision,
      seed: 1,
      train: (rows, options) => trainOnThread(rows, options, signal),
      ask: async (ticket, similar) => {
        signal?.throwIfAborted();
        asked++;
        const answer = await engine.answer(ticket, similar);
        if (answer) answered++;
        return answer;
      },
    });
    const spend = engine.spend();
    return { calibration, spend: { asked, answered, skipped: spend.skipped, usd: spend.usd } };
  };
}
