// Shared vocabulary of the sandbox's search query language (reference §6).

export type SearchResource = "tickets" | "contacts" | "companies";

/** A 400 validation item in Freshdesk's shape A (`{field, message, code}`). */
export type QueryError = {
  /** `query` or `page` for request-level problems, otherwise the offending search key. */
  field: string;
  message: string;
  code: "invalid_value" | "datatype_mismatch" | "invalid_field";
};

/** A date written in a query: `'YYYY-MM-DD'` (compares by UTC day) or `'YYYY-MM-DDTHH:MM:SSZ'`. */
export type QueryDate = { dateOnly: boolean; day: string; epochMs: number };

export type QueryLiteral =
  | { kind: "string"; value: string }
  | { kind: "integer"; value: number }
  | { kind: "null" };

export type QueryBound = { kind: "integer"; value: number } | { kind: "date"; date: QueryDate };

export type QueryCondition =
  | { type: "equals"; key: string; literal: QueryLiteral }
  /** `:>` is "at least", `:<` is "at most"; both include the bound. */
  | { type: "range"; key: string; op: "atLeast" | "atMost"; bound: QueryBound };

export type QueryExpr =
  | QueryCondition
  | { type: "and"; operands: QueryExpr[] }
  | { type: "or"; operands: QueryExpr[] };

/** How a search key's values are compared; `any` is a custom field whose type is not known. */
export type SearchFieldType = "text" | "number" | "boolean" | "date" | "any";

/** Date-valued fields are `Date`s so that bounds compare as instants or days, never as text. */
export type SearchValue = string | number | boolean | Date;

/** One record as the search engine sees it. */
export type SearchDocument = {
  /** `undefined` means the key is not searchable for this resource. */
  fieldType(key: string): SearchFieldType | undefined;
  /** `[]` means the field has no value (what `key:null` matches); `undefined`: not searchable. */
  values(key: string): SearchValue[] | undefined;
};
