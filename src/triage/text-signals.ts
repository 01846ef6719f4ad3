import type { Sentiment } from "./classification.ts";
import { normalizeText } from "./text.ts";

/**
 * Cheap signals the local classifier adds to its category guess: the language (by counting
 * each language's most frequent function words) and a lexicon sentiment with negation.
 */

const FUNCTION_WORDS: Record<string, string[]> = {
  en: [
    "the",
    "and",
    "is",
    "to",
    "of",
    "you",
    "my",
    "it",
    "not",
    "we",
    "have",
    "with",
    "this",
    "for",
    "please",
  ],
  es: ["el", "la", "de", "que", "y", "en", "los", "por", "una", "para", "mi", "con", "no", "es", "gracias"],
  fr: [
    "le",
    "la",
    "les",
    "et",
    "est",
    "je",
    "de",
    "des",
    "une",
    "pas",
    "pour",
    "mon",
    "vous",
    "avec",
    "merci",
  ],
  de: [
    "der",
    "die",
    "das",
    "und",
    "ist",
    "ich",
    "nicht",
    "mit",
    "ein",
    "eine",
    "sie",
    "mein",
    "bitte",
    "zu",
    "danke",
  ],
  pt: ["o", "a", "de", "que", "e", "do", "da", "nao", "para", "um", "uma", "com", "meu", "obrigado", "voce"],
  it: ["il", "di", "che", "e", "la", "non", "per", "un", "una", "sono", "mio", "con", "grazie", "del", "gli"],
  nl: [
    "de",
    "het",
    "een",
    "en",
    "van",
    "ik",
    "niet",
    "is",
    "dat",
    "met",
    "mijn",
    "voor",
    "zijn",
    "bedankt",
    "wij",
  ],
};

/** ISO 639-1 code of the most likely language, or "unknown" when there is too little text. */
export function detectLanguage(text: string): string {
  const words = normalizeText(text).match(/[a-z]+/g) ?? [];
  if (words.length < 3) return "unknown";
  let best = "unknown";
  let bestScore = 0;
  let secondScore = 0;
  for (const [language, list] of Object.entries(FUNCTION_WORDS)) {
    const vocabulary = new Set(list);
    const score = words.filter((w) => vocabulary.has(w)).length;
    if (score > bestScore) {
      secondScore = bestScore;
      bestScore = score;
      best = language;
    } else if (score > secondScore) {
      secondScore = score;
    }
  }
  if (bestScore < 2 || bestScore === secondScore) return "unknown";
  return best;
}

const NEGATIVE = [
  "angry",
  "annoyed",
  "awful",
  "bad",
  "broken",
  "cancel",
  "disappointed",
  "disappointing",
  "disaster",
  "frustrated",
  "frustrating",
  "furious",
  "horrible",
  "ridiculous",
  "rude",
  "terrible",
  "unacceptable",
  "unhappy",
  "upset",
  "useless",
  "worst",
  "outrageous",
  "lawyer",
  "lawsuit",
  "scam",
];
const STRONG_NEGATIVE = new Set([
  "furious",
  "outrageous",
  "lawsuit",
  "lawyer",
  "scam",
  "worst",
  "disaster",
  "unacceptable",
]);
const POSITIVE = [
  "amazing",
  "appreciate",
  "awesome",
  "excellent",
  "fantastic",
  "glad",
  "great",
  "happy",
  "helpful",
  "kudos",
  "love",
  "perfect",
  "thank",
  "thanks",
  "wonderful",
];
const NEGATORS = new Set(["not", "no", "never", "isn", "wasn", "don", "didn", "hardly"]);

export function detectSentiment(text: string): Sentiment {
  const words = normalizeText(text).match(/[a-z]+/g) ?? [];
  let score = 0;
  let strong = 0;
  const negative = new Set(NEGATIVE);
  const positive = new Set(POSITIVE);
  words.forEach((word, i) => {
    const negated = [words[i - 1], words[i - 2]].some((w) => w !== undefined && NEGATORS.has(w));
    if (negative.has(word)) {
      score -= negated ? 0 : 1;
      if (!negated && STRONG_NEGATIVE.has(word)) strong += 1;
    } else if (positive.has(word)) {
      score += negated ? -1 : 1;
    }
  });
  const exclamations = (text.match(/!{2,}/g) ?? []).length;
  const shouting = (text.match(/\b[A-Z]{4,}\b/g) ?? []).length;
  if (score < 0 && (exclamations > 0 || shouting >= 2)) strong += 1;
  if (score <= -3 || (score < 0 && strong >= 2)) return "very_negative";
  if (score < 0) return "negative";
  if (score > 0) return "positive";
  return "neutral";
}
