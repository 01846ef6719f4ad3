/**
 * Estimated price of language-model calls, in USD per million tokens. These are list prices
 * as published by the vendor at the time of writing and change without notice: the cost
 * metric built on them is an estimate for spotting trends, not a bill. Models missing here
 * (self-hosted, OpenAI-compatible servers, new releases) are simply not costed.
 */
type Price = { inputPerMillion: number; outputPerMillion: number };

const PRICES: Readonly<Record<string, Price>> = {
  "gpt-4o-mini": { inputPerMillion: 0.15, outputPerMillion: 0.6 },
  "gpt-4o": { inputPerMillion: 2.5, outputPerMillion: 10 },
  "gpt-4.1-nano": { inputPerMillion: 0.1, outputPerMillion: 0.4 },
  "gpt-4.1-mini": { inputPerMillion: 0.4, outputPerMillion: 1.6 },
  "gpt-4.1": { inputPerMillion: 2, outputPerMillion: 8 },
  "gpt-5-nano": { inputPerMillion: 0.05, outputPerMillion: 0.4 },
  "gpt-5-mini": { inputPerMillion: 0.25, outputPerMillion: 2 },
  "gpt-5": { inputPerMillion: 1.25, outputPerMillion: 10 },
  "o4-mini": { inputPerMillion: 1.1, outputPerMillion: 4.4 },
  "o3-mini": { inputPerMillion: 1.1, outputPerMillion: 4.4 },
  "gpt-3.5-turbo": { inputPerMillion: 0.5, outputPerMillion: 1.5 },
};

/** Dated snapshots (`gpt-4o-mini-2024-07-18`) cost what their family costs. */
const DATED_SNAPSHOT = /-\d{4}-\d{2}-\d{2}$/;

function priceOf(model: string): Price | undefined {
  const name = model.trim().toLowerCase();
  return PRICES[name] ?? PRICES[name.replace(DATED_SNAPSHOT, "")];
}

/** Estimated USD for one call, or undefined when the model's price is not known. */
export function estimateCostUsd(
  model: string,
  inputTokens: number,
  outputTokens: number,
): number | undefined {
  const price = priceOf(model);
  if (!price) return undefined;
  return (inputTokens * price.inputPerMillion + outputTokens * price.outputPerMillion) / 1_000_000;
}
