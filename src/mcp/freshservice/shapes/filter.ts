import { z } from "zod";

/** Freshservice's filter endpoints answer 30 results a page with the total (reference §4). */
export const FILTER_PAGE_SIZE = 30;

const nextCursorField = z
  .string()
  .optional()
  .describe("present when there are more results: pass it as cursor to get them");

export function filterOutput<T extends z.ZodType>(item: T) {
  return z.object({
    total: z.number().describe("number of matches"),
    items: z.array(item),
    next_cursor: nextCursorField,
  });
}

/**
 * The next page of a filter query: the client's `nextPage` when it knows one, else worked out
 * from the total. The page cap of /tickets/filter is not documented [open]; the total decides.
 */
export function nextFilterPage(page: number, result: { total: number; nextPage?: number | undefined }) {
  if (result.nextPage !== undefined) return result.nextPage > page ? result.nextPage : undefined;
  return page * FILTER_PAGE_SIZE < result.total ? page + 1 : undefined;
}
