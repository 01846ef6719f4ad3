// `GET /search/solutions?term=` ranking: every word of the term is looked up in the title,
// tags and text of each article; title hits weigh most. Articles matching no word are left out.
import { htmlToText } from "./html-text.ts";
import type { FdSolutionArticle } from "./seed/types.ts";

const STOP_WORDS = new Set([
  "a",
  "an",
  "and",
  "the",
  "to",
  "of",
  "in",
  "on",
  "for",
  "is",
  "my",
  "i",
  "how",
  "do",
  "can",
]);
const MAX_RESULTS = 30;

export function termWords(term: string): string[] {
  return [
    ...new Set(
      term
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((word) => word.length > 1 && !STOP_WORDS.has(word)),
    ),
  ];
}

function count(haystack: string, word: string): number {
  let hits = 0;
  for (let at = haystack.indexOf(word); at !== -1; at = haystack.indexOf(word, at + word.length)) hits += 1;
  return hits;
}

/** What ranking reads of an article (Freshdesk's and Freshservice's articles both have it). */
export type SearchableArticle = Pick<
  FdSolutionArticle,
  "id" | "title" | "tags" | "description" | "description_text"
>;

function score(article: SearchableArticle, words: readonly string[]): number {
  const title = article.title.toLowerCase();
  const tags = article.tags.join(" ").toLowerCase();
  const text = (article.description_text || htmlToText(article.description)).toLowerCase();
  let total = 0;
  for (const word of words) total += 5 * count(title, word) + 3 * count(tags, word) + count(text, word);
  return total;
}

export function searchArticles<T extends SearchableArticle>(articles: Iterable<T>, term: string): T[] {
  const words = termWords(term);
  if (words.length === 0) return [];
  return [...articles]
    .map((article) => ({ article, score: score(article, words) }))
    .filter((hit) => hit.score > 0)
    .sort((a, b) => b.score - a.score || a.article.id - b.article.id)
    .slice(0, MAX_RESULTS)
    .map((hit) => hit.article);
}
