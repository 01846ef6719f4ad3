/**
 * Tokenising shared by the local classifier and the knowledge-base index. Deliberately small:
 * lower-case, strip accents, drop filler words, fold common English suffixes so "invoices",
 * "invoiced" and "invoice" count as one term.
 */

const STOPWORDS = new Set(
  (
    "a an the and or but of to in on at by for from with as is are was were be been being am it its " +
    "this that these those there here i me my mine we us our ours you your yours he him his she her " +
    "they them their hi hello hey dear regards thanks thank best kind cheers team so just also " +
    "very really some any all if then than too again about into over such only own same other s t " +
    "do does did done have has had having will would shall should may might must can could get got"
  ).split(" "),
);

// Thanks and help-words are stopwords for search, but "thank" carries meaning for classification,
// so the classifier asks for them back.
const CLASSIFIER_KEEP = new Set(["thank", "thanks", "can", "could", "would", "how"]);

export function normalizeText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith("ies")) return `${w.slice(0, -3)}y`;
  if (w.length > 5 && w.endsWith("ing")) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith("ed")) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss")) w = w.slice(0, -1);
  // A final "e" comes and goes with suffixes (charge, charged, charging), so it never counts.
  if (w.length > 3 && w.endsWith("e")) w = w.slice(0, -1);
  return w;
}

export type TokenizeOptions = { keepClassifierWords?: boolean };

/** Stemmed content words, in order. */
export function tokenize(text: string, options: TokenizeOptions = {}): string[] {
  const words = normalizeText(text).match(/[a-z0-9]+/g) ?? [];
  const tokens: string[] = [];
  for (const word of words) {
    if (word.length < 2 && !/\d/.test(word)) continue;
    if (STOPWORDS.has(word) && !(options.keepClassifierWords && CLASSIFIER_KEEP.has(word))) continue;
    if (/^\d{5,}$/.test(word)) continue; // order numbers and ids say nothing about the topic
    tokens.push(stem(word));
  }
  return tokens;
}

/** Case- and accent-insensitive phrase search on word boundaries. */
export function containsPhrase(normalizedText: string, phrase: string): boolean {
  const needle = normalizeText(phrase).trim();
  if (!needle) return false;
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
  return new RegExp(`(?:^|[^a-z0-9])${escaped}(?:$|[^a-z0-9])`).test(normalizedText);
}

/** Term → count. */
export function countTerms(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}
