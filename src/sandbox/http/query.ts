// Query-string parameters: unknown-parameter rejection, integers, and standard pagination
// (reference §4.1: page, per_page ≤ 100 default 30, `Link: <…>; rel="next"` only when more rows exist).
import { externalRequestUrl, type SandboxContext } from "./context.ts";
import { type FieldError, fieldError, invalidField } from "./errors.ts";

export type Query = Record<string, string>;

export function queryOf(c: SandboxContext): Query {
  return c.req.query();
}

export function unknownParams(query: Query, allowed: readonly string[]): FieldError[] {
  return Object.keys(query)
    .filter((key) => !allowed.includes(key))
    .map(invalidField);
}

/** A positive integer parameter, or undefined when absent; a bad value adds an error. */
export function positiveIntParam(query: Query, name: string, errors: FieldError[]): number | undefined {
  const raw = query[name];
  if (raw === undefined) return undefined;
  if (/^\d+$/.test(raw) && Number(raw) > 0 && Number.isSafeInteger(Number(raw))) return Number(raw);
  errors.push(fieldError(name, "datatype_mismatch", "It should be a/an Positive Integer"));
  return undefined;
}

export type Paging = { page: number; perPage: number };

export const PAGING_PARAMS = ["page", "per_page"] as const;
const MAX_PER_PAGE = 100;
const DEFAULT_PER_PAGE = 30;

export function parsePaging(query: Query, errors: FieldError[]): Paging {
  const page = positiveIntParam(query, "page", errors) ?? 1;
  let perPage = DEFAULT_PER_PAGE;
  const rawPerPage = query.per_page;
  if (rawPerPage !== undefined) {
    const value = Number(rawPerPage);
    if (/^\d+$/.test(rawPerPage) && value > 0 && value <= MAX_PER_PAGE) perPage = value;
    else {
      errors.push(
        fieldError(
          "per_page",
          "datatype_mismatch",
          "It should be a Positive Integer less than or equal to 100",
        ),
      );
    }
  }
  return { page, perPage };
}

/** The rows of the requested page; sets the `Link` header when another page has rows. */
export function pageOf<T>(c: SandboxContext, items: readonly T[], paging: Paging): T[] {
  const start = (paging.page - 1) * paging.perPage;
  const rows = items.slice(start, start + paging.perPage);
  if (items.length > start + paging.perPage) {
    const next = externalRequestUrl(c);
    next.searchParams.set("page", String(paging.page + 1));
    c.header("Link", `<${next.toString()}>; rel="next"`);
  }
  return rows;
}
