import { BadRequestError } from "../../errors.ts";
import { collectPages, type Page } from "../../freshdesk/pagination.ts";
import { quotedQuery } from "../../freshdesk/resources/quoted-query.ts";

export { MAX_QUERY_LENGTH } from "../../freshdesk/resources/quoted-query.ts";

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

/**
 * A filter expression in the double quotes Freshservice wants around it (`query="…"`,
 * `filter="…"`, `search="…"`); without them it answers 400 "lexical error" [EFF]. The caller
 * passes the bare expression; strings inside it use single quotes. The documented 512-character
 * limit is checked on the expression without its quotes [inferred].
 */
export function quoted(what: string, expression: string): string {
  return quotedQuery(expression, {
    what,
    product: "Freshservice",
    example: "status:2 AND group_id:7, email:'ann@acme.com'",
  });
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
