import { detectAutomatedMessage } from "./automated-message.ts";
import {
  type Classification,
  clip,
  normalizeClassification,
  oneLine,
  type Sentiment,
} from "./classification.ts";
import { LABELLED_EXAMPLES, type LabelledExample } from "./examples.ts";
import { replyDraft } from "./reply-templates.ts";
import { findCategory, type Taxonomy, type TicketPriority } from "./taxonomy.ts";
import { containsPhrase, countTerms, normalizeText, tokenize } from "./text.ts";
import { detectLanguage, detectSentiment } from "./text-signals.ts";
import { latestCustomerMessage, type TicketSnapshot, ticketText } from "./ticket-snapshot.ts";

/**
 * The built-in classifier: multinomial naive Bayes over the labelled examples plus each
 * category's description and keywords, with a boost when a keyword phrase appears verbatim.
 * Deterministic and offline.
 *
 * Naive Bayes posteriors are famously overconfident (every extra word multiplies the odds), so
 * scores are divided by a temperature that grows with the number of known words before the
 * softmax. The result behaves like a confidence: ~1/k with no evidence, high only when many
 * words agree.
 */

const SMOOTHING = 0.5;
const KEYWORD_BOOST = 1.6;
const KEYWORD_WEIGHT = 3;
const DESCRIPTION_WEIGHT = 1;
/** Below this, the guess is not worth acting on and the fallback category is reported. */
const MIN_CONFIDENCE = 0.3;
/** Known words needed before the model's opinion outweighs "no idea" (weight 1 - e^(-n/scale)). */
const EVIDENCE_SCALE = 2;

export type LocalPrediction = {
  category: string;
  confidence: number;
  /** Posterior per category, sums to 1. */
  scores: Record<string, number>;
};

export type LocalModel = { predict(text: string): LocalPrediction };

export function trainLocalModel(
  taxonomy: Taxonomy,
  examples: readonly LabelledExample[] = LABELLED_EXAMPLES,
): LocalModel {
  const names = taxonomy.categories.map((c) => c.name);
  const termCounts = new Map<string, Map<string, number>>(names.map((n) => [n, new Map()]));
  const totals = new Map<string, number>(names.map((n) => [n, 0]));
  const vocabulary = new Set<string>();

  const learn = (category: string, text: string, weight: number) => {
    const counts = termCounts.get(category);
    if (!counts) return; // examples for categories a custom taxonomy removed
    for (const token of tokenize(text, { keepClassifierWords: true })) {
      counts.set(token, (counts.get(token) ?? 0) + weight);
      totals.set(category, (totals.get(category) ?? 0) + weight);
      vocabulary.add(token);
    }
  };
  for (const category of taxonomy.categories) {
    learn(category.name, category.description, DESCRIPTION_WEIGHT);
    for (const keyword of category.keywords) learn(category.name, keyword, KEYWORD_WEIGHT);
  }
  for (const example of examples) learn(example.category, `${example.subject}\n${example.text}`, 1);

  const vocabularySize = Math.max(1, vocabulary.size);
  const logLikelihood = (category: string, term: string) =>
    Math.log(
      ((termCounts.get(category)?.get(term) ?? 0) + SMOOTHING) /
        ((totals.get(category) ?? 0) + SMOOTHING * vocabularySize),
    );

  return {
    predict(text: string): LocalPrediction {
      const known = [...countTerms(tokenize(text, { keepClassifierWords: true }))].filter(([t]) =>
        vocabulary.has(t),
      );
      const evidence = known.reduce((sum, [, n]) => sum + n, 0);
      if (evidence === 0) return noSignal(taxonomy);

      const normalized = normalizeText(text);
      const raw = taxonomy.categories.map((category) => {
        let score = 0;
        for (const [term, n] of known) score += n * logLikelihood(category.name, term);
        const matches = category.keywords.filter((k) => containsPhrase(normalized, k)).length;
        return score + KEYWORD_BOOST * Math.sqrt(matches) * Math.sqrt(evidence);
      });
      const temperature = 1 + 0.35 * evidence;
      const even = 1 / names.length;
      // Shrink towards "no idea" when there are few known words: one word is weak evidence.
      const weight = 1 - Math.exp(-evidence / EVIDENCE_SCALE);
      const posterior = softmax(raw.map((s) => s / temperature)).map((p) => weight * p + (1 - weight) * even);
      const scores = Object.fromEntries(names.map((n, i) => [n, posterior[i] ?? 0]));
      let best = 0;
      posterior.forEach((p, i) => {
        if (p > (posterior[best] ?? 0)) best = i;
      });
      const confidence = posterior[best] ?? 0;
      const category =
        confidence < MIN_CONFIDENCE ? taxonomy.fallbackCategory : (names[best] ?? taxonomy.fallbackCategory);
      return { category, confidence: round(confidence), scores };
    },
  };
}

export type LocalClassifier = { readonly engine: "local"; classify(ticket: TicketSnapshot): Classification };

export function createLocalClassifier(
  taxonomy: Taxonomy,
  examples: readonly LabelledExample[] = LABELLED_EXAMPLES,
): LocalClassifier {
  const model = trainLocalModel(taxonomy, examples);
  return {
    engine: "local",
    classify(ticket: TicketSnapshot): Classification {
      const text = ticketText(ticket);
      const prediction = model.predict(text);
      const sentiment = detectSentiment(text);
      const automated = detectAutomatedMessage({
        subject: ticket.subject,
        text,
        fromEmail: latestCustomerMessage(ticket)?.fromEmail ?? ticket.requesterEmail,
      });
      const priority = suggestPriority(taxonomy, prediction.category, sentiment, text);
      return normalizeClassification({
        category: prediction.category,
        confidence: prediction.confidence,
        sentiment,
        language: detectLanguage(text),
        priority,
        flag: automated.flag,
        summary: summarize(taxonomy, prediction.category, ticket),
        suggestedReply: replyDraft(prediction.category, ticket.requesterName),
      });
    },
  };
}

function suggestPriority(
  taxonomy: Taxonomy,
  category: string,
  sentiment: Sentiment,
  text: string,
): { value: TicketPriority; reason: string } {
  const normalized = normalizeText(text);
  const signal = taxonomy.urgentSignals.find((phrase) => containsPhrase(normalized, phrase));
  if (signal) return { value: 4, reason: `mentions "${signal}"` };
  if (sentiment === "very_negative") return { value: 3, reason: "very negative tone" };
  if (category === "technical_issue" || category === "account_problem") {
    return sentiment === "negative"
      ? { value: 3, reason: "service problem reported with a negative tone" }
      : { value: 2, reason: "service problem reported" };
  }
  if (category === "bug_report" || category === "billing_inquiry" || category === "complaint") {
    return { value: 2, reason: `${category.replace(/_/g, " ")} needs a timely answer` };
  }
  return { value: 1, reason: "no urgency signals" };
}

function summarize(taxonomy: Taxonomy, category: string, ticket: TicketSnapshot): string {
  const label = findCategory(taxonomy, category)?.label ?? category;
  const firstSentence = oneLine(ticket.descriptionText).split(/(?<=[.!?])\s/)[0] ?? "";
  const gist = oneLine(ticket.subject) || firstSentence || "(no text)";
  return clip(`${label}: ${gist}`, 160);
}

function noSignal(taxonomy: Taxonomy): LocalPrediction {
  const even = 1 / Math.max(1, taxonomy.categories.length);
  return {
    category: taxonomy.fallbackCategory,
    confidence: 0,
    scores: Object.fromEntries(taxonomy.categories.map((c) => [c.name, even])),
  };
}

function softmax(values: number[]): number[] {
  const max = Math.max(...values);
  const exps = values.map((v) => Math.exp(v - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
