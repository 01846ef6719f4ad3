import { countTerms, tokenize } from "./text.ts";

/**
 * Knowledge-base suggestions. A BM25 index over the account's published articles (title and
 * tags weigh more than body text) is built once per knowledge-base sync and reused for every
 * ticket. Freshdesk's own `/search/solutions` results, when the caller has them, are merged in
 * by reciprocal rank fusion. Drafts never appear: only status 2 (published) is indexed or kept.
 */

export const PUBLISHED = 2;

export type ArticleInput = {
  id: number;
  title: string;
  /** 1 draft, 2 published. */
  status: number;
  descriptionText?: string | undefined;
  tags?: readonly string[] | undefined;
};

export type SuggestedArticle = {
  id: number;
  title: string;
  url: string;
  /** Where it came from: the local index, Freshdesk search, or both. */
  source: "local" | "search" | "both";
};

export type IndexHit = {
  id: number;
  title: string;
  score: number;
  /** Share (by IDF weight) of the article's title and tag terms the ticket mentions, 0..1. */
  keyCoverage: number;
};

export type SolutionIndex = {
  readonly size: number;
  search(text: string, limit?: number): IndexHit[];
};

const TITLE_WEIGHT = 3;
const TAG_WEIGHT = 2;
const K1 = 1.2;
const B = 0.75;
/** Long tickets are cut to this many terms: the opening states the problem; signatures add noise. */
const MAX_QUERY_TERMS = 60;
/**
 * The relevance bar. BM25 always ranks something first, so a hit must also be close to the best
 * one (a distant runner-up matched on side words) and the ticket must name a good share of what
 * the article is about (its title and tags): "Two charges" shares a word with "two-factor
 * authentication", not its subject. Measured on the sandbox's seeded tickets and articles.
 */
export const RELEVANCE_BAR = { relativeToBest: 0.5, keyCoverage: 0.2 } as const;

type IndexedDoc = {
  id: number;
  title: string;
  titleTerms: Set<string>;
  /** Distinct title and tag terms: what the article is about. */
  keyTerms: string[];
  terms: Map<string, number>;
  length: number;
};

export function buildSolutionIndex(articles: readonly ArticleInput[]): SolutionIndex {
  const docs: IndexedDoc[] = [];
  const documentFrequency = new Map<string, number>();
  for (const article of articles) {
    if (article.status !== PUBLISHED) continue;
    const titleTokens = tokenize(article.title);
    const tagTokens = tokenize((article.tags ?? []).join(" "));
    const tokens = [
      ...repeat(titleTokens, TITLE_WEIGHT),
      ...repeat(tagTokens, TAG_WEIGHT),
      ...tokenize(article.descriptionText ?? ""),
    ];
    const terms = countTerms(tokens);
    for (const term of terms.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    docs.push({
      id: article.id,
      title: article.title,
      titleTerms: new Set(titleTokens),
      keyTerms: [...new Set([...titleTokens, ...tagTokens])],
      terms,
      length: tokens.length,
    });
  }
  const averageLength = docs.reduce((sum, d) => sum + d.length, 0) / Math.max(1, docs.length);
  const idf = (term: string) => {
    const n = documentFrequency.get(term) ?? 0;
    return Math.log(1 + (docs.length - n + 0.5) / (n + 0.5));
  };

  return {
    size: docs.length,
    search(text: string, limit = 3): IndexHit[] {
      const queryTerms = [...new Set(tokenize(text))].slice(0, MAX_QUERY_TERMS);
      const asked = new Set(queryTerms);
      // A single shared word ("account", "error") is a coincidence, not a match, unless it is
      // what the article's title is about.
      const minMatched = Math.min(2, queryTerms.length);
      const hits: IndexHit[] = [];
      for (const doc of docs) {
        let score = 0;
        let matched = 0;
        let inTitle = false;
        for (const term of queryTerms) {
          const tf = doc.terms.get(term);
          if (!tf) continue;
          matched += 1;
          inTitle ||= doc.titleTerms.has(term);
          score += (idf(term) * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * doc.length) / averageLength));
        }
        if ((matched >= minMatched || inTitle) && score > 0) {
          hits.push({ id: doc.id, title: doc.title, score, keyCoverage: keyCoverage(doc, asked, idf) });
        }
      }
      const best = Math.max(0, ...hits.map((h) => h.score));
      return hits
        .filter(
          (h) => h.score >= RELEVANCE_BAR.relativeToBest * best && h.keyCoverage >= RELEVANCE_BAR.keyCoverage,
        )
        .sort((a, b) => b.score - a.score || a.id - b.id)
        .slice(0, limit);
    },
  };
}

export type RankInput = {
  index?: SolutionIndex | undefined;
  /** Subject and text of the ticket. */
  query: string;
  /** e.g. `https://acme.freshdesk.com`. */
  portalBaseUrl: string;
  /** Freshdesk `/search/solutions` results, in Freshdesk's order. */
  searchResults?: readonly ArticleInput[] | undefined;
  limit?: number;
};

/** The top published articles for a ticket, best first, with portal links. */
export function rankSolutions(input: RankInput): SuggestedArticle[] {
  const limit = input.limit ?? 3;
  const fused = new Map<number, { title: string; score: number; local: boolean; search: boolean }>();
  const add = (id: number, title: string, rank: number, from: "local" | "search") => {
    const entry = fused.get(id) ?? { title, score: 0, local: false, search: false };
    entry.score += 1 / (60 + rank);
    entry[from] = true;
    fused.set(id, entry);
  };
  input.index?.search(input.query, limit * 3).forEach((hit, rank) => {
    add(hit.id, hit.title, rank, "local");
  });
  (input.searchResults ?? [])
    .filter((article) => article.status === PUBLISHED)
    .forEach((article, rank) => {
      add(article.id, article.title, rank, "search");
    });
  return [...fused.entries()]
    .sort(([idA, a], [idB, b]) => b.score - a.score || idA - idB)
    .slice(0, limit)
    .map(([id, entry]) => ({
      id,
      title: entry.title,
      url: articleUrl(input.portalBaseUrl, id),
      source: entry.local && entry.search ? "both" : entry.local ? "local" : "search",
    }));
}

export function articleUrl(portalBaseUrl: string, id: number): string {
  return `${portalBaseUrl.replace(/\/+$/, "")}/support/solutions/articles/${id}`;
}

function keyCoverage(doc: IndexedDoc, asked: ReadonlySet<string>, idf: (term: string) => number): number {
  let total = 0;
  let covered = 0;
  for (const term of doc.keyTerms) {
    total += idf(term);
    if (asked.has(term)) covered += idf(term);
  }
  return total > 0 ? covered / total : 0;
}

function repeat<T>(items: T[], times: number): T[] {
  return Array.from({ length: times }, () => items).flat();
}
