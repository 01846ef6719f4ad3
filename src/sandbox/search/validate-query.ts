// Field-level checks that need to know the resource: keys that are not searchable, and values of
// the wrong kind for a key. The messages follow Freshdesk's validation wording (reference §2.4);
// the exact text Freshdesk uses for these two search cases is not documented.
import { parseQueryDate } from "./parse-query.ts";
import type {
  QueryCondition,
  QueryError,
  QueryExpr,
  SearchDocument,
  SearchFieldType,
  SearchResource,
} from "./query-types.ts";
import { STANDARD_SEARCH_KEYS } from "./search-documents.ts";

const INVALID_FIELD_MESSAGE = "Unexpected/invalid field in request";
const RANGE_TYPES: ReadonlySet<SearchFieldType> = new Set(["number", "date", "any"]);

/** Every condition of the query, left to right. */
export function queryConditions(expr: QueryExpr): QueryCondition[] {
  if (expr.type === "and" || expr.type === "or") return expr.operands.flatMap(queryConditions);
  return [expr];
}

/**
 * Keys the query uses that the resource cannot search. `sample` is any document of the resource
 * (it knows the account's custom fields); without one only the standard keys are known.
 */
export function unknownKeys(expr: QueryExpr, resource: SearchResource, sample?: SearchDocument): string[] {
  const unknown = queryConditions(expr)
    .map((condition) => condition.key)
    .filter((key) => fieldTypeOf(key, resource, sample) === undefined);
  return [...new Set(unknown)];
}

/** All field-level problems of the query, one per offending key; `[]` when it can run. */
export function validateSearchQuery(
  expr: QueryExpr,
  resource: SearchResource,
  sample?: SearchDocument,
): QueryError[] {
  const errors = new Map<string, QueryError>();
  for (const condition of queryConditions(expr)) {
    if (errors.has(condition.key)) continue;
    const type = fieldTypeOf(condition.key, resource, sample);
    const error =
      type === undefined
        ? { field: condition.key, message: INVALID_FIELD_MESSAGE, code: "invalid_field" as const }
        : valueError(condition, type);
    if (error) errors.set(condition.key, error);
  }
  return [...errors.values()];
}

function fieldTypeOf(
  key: string,
  resource: SearchResource,
  sample?: SearchDocument,
): SearchFieldType | undefined {
  return sample ? sample.fieldType(key) : STANDARD_SEARCH_KEYS[resource][key];
}

function valueError(condition: QueryCondition, type: SearchFieldType): QueryError | undefined {
  const field = condition.key;
  if (condition.type === "range") {
    if (!RANGE_TYPES.has(type)) {
      return {
        field,
        message: "The :> and :< operators apply only to date and number fields",
        code: "invalid_value",
      };
    }
    const boundKind = condition.bound.kind;
    if (type === "number" && boundKind !== "integer") return expectInteger(field);
    if (type === "date" && boundKind !== "date") return expectDate(field);
    return undefined;
  }
  const literal = condition.literal;
  if (literal.kind === "null") return undefined;
  if (type === "number" && literal.kind !== "integer") return expectInteger(field);
  if (type === "date" && (literal.kind !== "string" || !parseQueryDate(literal.value)))
    return expectDate(field);
  if (type === "boolean" && !["true", "false"].includes(String(literal.value).toLowerCase())) {
    return { field, message: "It should be one of these values: 'true,false'", code: "invalid_value" };
  }
  return undefined;
}

function expectInteger(field: string): QueryError {
  return { field, message: "It should be a/an Integer", code: "datatype_mismatch" };
}

function expectDate(field: string): QueryError {
  return {
    field,
    message: "It should be a date in the format 'yyyy-mm-dd' or 'yyyy-mm-ddThh:mm:ssZ'",
    code: "datatype_mismatch",
  };
}
