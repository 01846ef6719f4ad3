/** What matching reads of a ticket; Freshdesk and Freshservice tickets both have it. */
type Matchable = { subject?: string | null; tags?: string[] | null; updated_at: string };

/**
 * Freshdesk's ticket search takes field conditions only, with no words to look for, so `search`
 * matches free text itself: against the subject and tags of the most recently updated tickets.
 * A ticket matches when it has at least half of the query's words (and at least one); more
 * matched words rank higher, then the more recently updated.
 */
export function matchTickets<T extends Matchable>(
  tickets: readonly T[],
  words: readonly string[],
  limit: number,
): T[] {
  if (words.length === 0) return [];
  const needed = Math.max(1, Math.ceil(words.length / 2));
  return tickets
    .map((ticket) => {
      const haystack = new Set(wordsOf([ticket.subject ?? "", ...(ticket.tags ?? [])].join(" ")));
      const score = words.filter((w) => haystack.has(w) || [...haystack].some((h) => h.startsWith(w))).length;
      return { ticket, score };
    })
    .filter((m) => m.score >= needed)
    .sort((a, b) => b.score - a.score || b.ticket.updated_at.localeCompare(a.ticket.updated_at))
    .slice(0, limit)
    .map((m) => m.ticket);
}

export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1);
}
