import {
  buildSimilarIndex,
  type LabelledTicket,
  type SimilarIndex,
  similarTickets,
  type TicketText,
} from "../src/learning/index.ts";
import type { ModelSource } from "./decide.ts";

/**
 * The k labelled past tickets most like a new one, for the language model's prompt. The index
 * is built from the account's examples once and rebuilt when a new model version is in use (a
 * new model means the examples were read again), or after `maxAgeMs` without one.
 */
export function createSimilarTickets(options: {
  examples: { all(): Promise<LabelledTicket[]> };
  models?: ModelSource | undefined;
  maxAgeMs?: number;
  now?: () => number;
}): (ticket: TicketText, k: number) => Promise<LabelledTicket[]> {
  const maxAgeMs = options.maxAgeMs ?? 30 * 60_000;
  const now = options.now ?? Date.now;
  let cached: { key: string; builtAt: number; index: SimilarIndex } | undefined;
  let building: Promise<SimilarIndex> | undefined;

  async function index(): Promise<SimilarIndex> {
    const version = (await options.models?.current())?.version;
    const key = version === undefined ? "none" : String(version);
    if (cached && cached.key === key && now() - cached.builtAt < maxAgeMs) return cached.index;
    building ??= options.examples
      .all()
      .then((examples) => {
        const built = buildSimilarIndex(examples);
        cached = { key, builtAt: now(), index: built };
        return built;
      })
      .finally(() => {
        building = undefined;
      });
    return building;
  }

  return async (ticket, k) => (await similarTickets(await index(), ticket, k)).map((hit) => hit.ticket);
}
