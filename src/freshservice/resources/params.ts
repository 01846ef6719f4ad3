import { BadRequestError } from "../../errors.ts";
import { collectPages, type Page } from "../../freshdesk/pagination.ts";

export { resourceId } from "../../freshdesk/resources/resource-id.ts";

export type FsPageOptions = { page?: number; perPage?: number };

/** `page` from 1, `per_page` 1–100 (Freshservice answers an error beyond 100) [DOC pagination]. */
export function pageQuery(options: FsPageOptions): { page?: number; per_page?: number } {
  const { page, perPage } = options;
  if (page !== undefined && !(Number.isSafeInteger(page) && page >= 1)) {
    throw new BadRequestError(`page must be a whole number from 1; got ${String(page)}.`);
  }
  if (perPage !== undefined && !(Number.isSafeInteger(perPage) && perPage >= 1 && perPage <= 100)) {
    throw new BadRequestError(`perPage must be a whole number from 1 to 100; got ${String(perPage)}.`);
  }
  return { page, per_page: perPage };
}

/** The longest filter expression Freshservice takes [DOC filter tickets]. */
export const MAX_QUERY_LENGTH = 512;

/**
 * A filter expression in the double quotes Freshservice wants around it (`query="…"`,
 * `filter="…"`, `search="…"`); without them it answers 400 "lexical error" [EFF]. The caller
 * passes the bare expression; strings inside it use single quotes, so a double quote is an error.
 */
export function quoted(what: string, expression: string): string {
  const bare = expression.trim();
  if (bare === "") throw new BadRequestError(`The ${what} is empty.`);
  if (bare.includes('"')) {
    throw new BadRequestError(
      `The ${what} must not contain double quotes: the client adds the outer ones itself, and values inside use single quotes (status:2 AND group_id:7, email:'a@b.com').`,
    );
  }
  // [inferred] the documented 512-character limit read as the expression without its quotes.
  if (bare.length > MAX_QUERY_LENGTH) {
    throw new BadRequestError(
      `The ${what} is ${bare.length} characters long; Freshservice accepts at most ${MAX_QUERY_LENGTH}.`,
    );
  }
  return `"${bare}"`;
}

/**
 * The query of page `page` of a list followed to its end: nothing on the first page, so
 * endpoints that take no paging parameters (canned response folders, SLA policies, business
 * hours [inferred]) are asked the same way as paged ones; later pages as their Link says.
 */
export function laterPage(page: number): { page?: number } {
  return page > 1 ? { page } : {};
}

/** Lists with no paging arguments in the API below: every page, up to 20 pages. */
export async function allPages<T>(fetchPage: (page: number) => Promise<Page<T>>): Promise<T[]> {
  return (await collectPages(fetchPage, { maxPages: 20 })).items;
}

/** `Date` or text as Freshservice's ISO 8601 date-time. */
export function isoDateTime(what: string, value: string | Date | undefined): string | undefined {
  if (value === undefined) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new BadRequestError(`${what} must be an ISO 8601 date or date-time; got "${String(value)}".`);
  }
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
