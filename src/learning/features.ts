/**
 * Ticket text → a sparse, L2-normalised vector of hashed features, shared by training,
 * prediction, similarity search and eval. Word unigrams and bigrams catch topic words and
 * short phrases; character n-grams inside words catch inflections, typos and languages the
 * word list never saw. The subject is short and written to say what the ticket is about, so
 * its features count double.
 */

export const DEFAULT_FEATURE_BITS = 18;
const SUBJECT_WEIGHT = 2;
/** Long threads and signatures add noise and time, not topic. */
const MAX_DESCRIPTION_CHARS = 3000;
const CHAR_NGRAMS = [3, 4] as const;
// Relative weights of bigrams and character n-grams against words, tuned by 5-fold accuracy on a
// public ticket set (see bench/learning.ts): more of either drowned the topic words.
const BIGRAM_WEIGHT = 0.3;
const CHAR_WEIGHT = 0.25;

export type SparseVector = { indices: Uint32Array; values: Float32Array };

/** Markup to plain text: tags dropped, the common entities decoded. */
export function plainText(text: string): string {
  if (!/[<&]/.test(text)) return text;
  return text
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, " ")
    .replace(/<br\s*\/?>|<\/(p|div|li|tr|h\d)>/gi, "\n")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/gi, " ")
    .replace(/&amp;/gi, "&")
    .replace(/&lt;/gi, "<")
    .replace(/&gt;/gi, ">")
    .replace(/&quot;/gi, '"')
    .replace(/&#39;|&apos;/gi, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
}

/** Lower-case words without accents, in any script; long digit runs (ids, order numbers) dropped. */
export function words(text: string): string[] {
  const normalized = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
  return (normalized.match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !/^\d{4,}$/.test(w));
}

export function hashFeature(feature: string, bits: number): number {
  // FNV-1a, 32 bit.
  let hash = 0x811c9dc5;
  for (let i = 0; i < feature.length; i++) {
    hash ^= feature.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) & ((1 << bits) - 1);
}

function addText(counts: Map<number, number>, text: string, weight: number, bits: number): void {
  const list = words(text);
  for (let i = 0; i < list.length; i++) {
    const word = list[i] as string;
    add(counts, hashFeature(`w${word}`, bits), weight);
    if (i > 0) add(counts, hashFeature(`b${list[i - 1]} ${word}`, bits), weight * BIGRAM_WEIGHT);
    if (word.length < 3 || /^\d+$/.test(word)) continue;
    const padded = ` ${word} `;
    for (const n of CHAR_NGRAMS) {
      for (let start = 0; start + n <= padded.length; start++) {
        add(counts, hashFeature(`c${padded.slice(start, start + n)}`, bits), weight * CHAR_WEIGHT);
      }
    }
  }
}

function add(counts: Map<number, number>, index: number, weight: number): void {
  counts.set(index, (counts.get(index) ?? 0) + weight);
}

export function ticketFeatures(
  ticket: { subject: string; description: string },
  bits: number = DEFAULT_FEATURE_BITS,
): SparseVector {
  const counts = new Map<number, number>();
  addText(counts, plainText(ticket.subject ?? ""), SUBJECT_WEIGHT, bits);
  addText(counts, plainText(ticket.description ?? "").slice(0, MAX_DESCRIPTION_CHARS), 1, bits);
  const indices = Uint32Array.from([...counts.keys()].sort((a, b) => a - b));
  const values = new Float32Array(indices.length);
  let norm = 0;
  for (let i = 0; i < indices.length; i++) {
    // Sub-linear counts: the tenth "error" says less than the first.
    const v = Math.log1p(counts.get(indices[i] as number) as number);
    values[i] = v;
    norm += v * v;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < values.length; i++) values[i] = (values[i] as number) / norm;
  return { indices, values };
}

/** Cosine similarity of two L2-normalised sparse vectors (indices ascending). */
export function dot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.indices.length && j < b.indices.length) {
    const x = a.indices[i] as number;
    const y = b.indices[j] as number;
    if (x === y) sum += (a.values[i++] as number) * (b.values[j++] as number);
    else if (x < y) i++;
    else j++;
  }
  return sum;
}
