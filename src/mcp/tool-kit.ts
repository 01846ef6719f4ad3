import { z } from "zod";
import { BadRequestError } from "../errors.ts";
import type { ToolAnnotations } from "./define-tool.ts";
import type { ToolContext } from "./deps.ts";
import { loadNames, type Names } from "./output/names.ts";

/** Small shared pieces for the tool files: annotation presets, paging arguments, renderers. */

/** Reads the helpdesk; changes nothing. */
export const READ: ToolAnnotations = {
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: false,
};
/** Adds something new each time it is called (a note, a ticket). */
export const CREATE: ToolAnnotations = {
  readOnlyHint: false,
  destructiveHint: false,
  idempotentHint: false,
  openWorldHint: false,
};
/** Sets fields to given values; repeating it changes nothing more. */
export const UPDATE: ToolAnnotations = {
  readOnlyHint: false,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: false,
};
/**
 * Replaces what is there (a whole tag list, an article's text or status, a note's body): the
 * old value is gone, so clients should confirm. Still a `write`, not an `admin`, tool.
 */
export const OVERWRITE: ToolAnnotations = {
  readOnlyHint: false,
  destructiveHint: true,
  idempotentHint: true,
  openWorldHint: false,
};
/** Removes or hides data; the tool also declares the admin scope. */
export const DESTRUCTIVE: ToolAnnotations = {
  readOnlyHint: false,
  destructiveHint: true,
  idempotentHint: true,
  openWorldHint: false,
};

export const id = (what: string) => z.number().int().positive().describe(what);

export const cursorArgument = z
  .string()
  .optional()
  .describe("next_cursor from the previous result of this tool; pass it alone to get the next page");

/**
 * No default here: a default would clash with the per_page remembered in a cursor (paged tools
 * must not give their arguments defaults).
 */
export const perPageArgument = z
  .number()
  .int()
  .min(1)
  .max(100)
  .optional()
  .describe("results per page, 1-100 (default 30); a page too large for the size cap comes in parts");

export const DEFAULT_PER_PAGE = 30;

/** A search tool's query: optional in the schema (a cursor carries it), required in effect. */
export function requireQuery(tool: string, query: string | undefined): string {
  if (query === undefined)
    throw new BadRequestError(`${tool} needs a query (or a cursor from a previous call).`);
  return query;
}

const nextCursorField = z
  .string()
  .optional()
  .describe("present when there are more results: pass it as cursor to get them");

export function pageOutput<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), next_cursor: nextCursorField });
}

export function searchOutput<T extends z.ZodType>(item: T) {
  return z.object({
    total: z.number().describe("number of matches (search reaches at most 300)"),
    items: z.array(item),
    next_cursor: nextCursorField,
  });
}

export function renderList<T>(
  items: readonly T[],
  line: (item: T) => string,
  extra: { empty: string; nextCursor?: string | undefined; total?: number | undefined },
): string {
  if (items.length === 0) return extra.empty;
  const head = extra.total !== undefined ? [`${extra.total} match(es); showing ${items.length}:`] : [];
  const tail = extra.nextCursor ? ["(more: call again with cursor = next_cursor)"] : [];
  return [...head, ...items.map(line), ...tail].join("\n");
}

export function namesFor(context: ToolContext): Promise<Names> {
  return loadNames(context.directory, context.logger);
}

/** Freshdesk search pages hold 30 results and stop at page 10. */
export const SEARCH_PAGE_SIZE = 30;
export const SEARCH_MAX_PAGE = 10;

export function nextSearchPage(page: number, total: number): number | undefined {
  return page < SEARCH_MAX_PAGE && page * SEARCH_PAGE_SIZE < total ? page + 1 : undefined;
}

/** Body fields are HTML in Freshdesk; plain text from a model is escaped and its line breaks kept. */
export function textToHtml(text: string): string {
  if (/<\/?[a-z][^>]*>/i.test(text)) return text;
  const escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return escaped
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${paragraph.replace(/\n/g, "<br>")}</p>`)
    .join("");
}
