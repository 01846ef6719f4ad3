import { dot, type SparseVector, ticketFeatures } from "./features.ts";
import type { LabelledTicket, TicketText } from "./types.ts";

/**
 * Nearest labelled past tickets by cosine similarity of the same hashed features the model
 * uses; they go into the language model's prompt with the labels agents gave them.
 */

export type SimilarIndex = { entries: Array<{ ticket: LabelledTicket; vector: SparseVector }> };

export function buildSimilarIndex(examples: readonly LabelledTicket[]): SimilarIndex {
  return { entries: examples.map((ticket) => ({ ticket, vector: ticketFeatures(ticket) })) };
}

export function similarTickets(
  index: SimilarIndex,
  ticket: TicketText,
  k: number,
): Array<{ ticket: LabelledTicket; similarity: number }> {
  if (k <= 0) return [];
  const vector = ticketFeatures(ticket);
  const scored: Array<{ ticket: LabelledTicket; similarity: number }> = [];
  for (const entry of index.entries) {
    const similarity = dot(vector, entry.vector);
    if (similarity <= 0) continue;
    scored.push({ ticket: entry.ticket, similarity });
  }
  return scored.sort((a, b) => b.similarity - a.similarity).slice(0, k);
}
