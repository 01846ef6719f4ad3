// The sandbox's search query language (reference §6): parse the `query` parameter, check it
// against the resource, and match records. Pure functions, no I/O.
//
// Typical use in a /search route:
//   parseSearchQuery(raw) → validateSearchQuery(expr, resource, sampleDocument)
//   → records.filter((r) => matchesQuery(expr, documentOf(r))) → pages of 30 (parseSearchPage).

export { matchesQuery } from "./search/match-query.ts";
export {
  INVALID_QUERY_MESSAGE,
  MAX_QUERY_LENGTH,
  type ParseResult,
  parseQueryDate,
  parseSearchPage,
  parseSearchQuery,
} from "./search/parse-query.ts";
export type {
  QueryBound,
  QueryCondition,
  QueryDate,
  QueryError,
  QueryExpr,
  QueryLiteral,
  SearchDocument,
  SearchFieldType,
  SearchResource,
  SearchValue,
} from "./search/query-types.ts";
export {
  companySearchDocument,
  contactSearchDocument,
  STANDARD_SEARCH_KEYS,
  ticketSearchDocument,
} from "./search/search-documents.ts";
export { queryConditions, unknownKeys, validateSearchQuery } from "./search/validate-query.ts";
