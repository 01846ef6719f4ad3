import type { LabelledTicket, LearnedField } from "../../src/learning/types.ts";
import { trainLocalModel } from "../../src/triage/local-classifier.ts";
import type { Taxonomy } from "../../src/triage/taxonomy.ts";
import { DEFAULT_TAXONOMY } from "../../src/triage/taxonomy.ts";

/**
 * Today's built-in naive Bayes, trained on the same rows as the learned model: one category per
 * label value (no descriptions or keywords, which a data file does not have), the rows as its
 * examples, the most common value as its fallback category.
 */
export function trainNaiveBayes(
  rows: readonly LabelledTicket[],
  field: LearnedField,
): {
  /** As the service runs it: below its confidence floor it answers the fallback (here the most common value). */
  predict(ticket: { subject: string; description: string }): string | undefined;
  /** Its top-scoring value whatever the confidence: the most it could get right. */
  predictBest(ticket: { subject: string; description: string }): string | undefined;
} {
  const labelled = rows.filter((r) => r.labels[field] !== undefined);
  const classes = [...new Set(labelled.map((r) => String(r.labels[field])))];
  const taxonomy: Taxonomy = {
    ...DEFAULT_TAXONOMY,
    categories: classes.map((name) => ({
      name,
      label: name,
      description: "",
      keywords: [],
      group: name,
      type: name,
    })),
    fallbackCategory: majority(labelled.map((r) => String(r.labels[field]))) ?? "none",
  };
  const model = trainLocalModel(
    taxonomy,
    labelled.map((r) => ({ category: String(r.labels[field]), subject: r.subject, text: r.description })),
  );
  return {
    predict(ticket) {
      const prediction = model.predict(`${ticket.subject}\n${ticket.description}`);
      return prediction.category;
    },
    predictBest(ticket) {
      const { scores } = model.predict(`${ticket.subject}\n${ticket.description}`);
      let best: string | undefined;
      for (const [name, score] of Object.entries(scores))
        if (best === undefined || score > (scores[best] ?? 0)) best = name;
      return best;
    },
  };
}

function majority(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  for (const [v, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = v;
  return best;
}
