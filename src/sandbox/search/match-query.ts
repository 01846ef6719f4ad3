// Evaluates a parsed query against one search document. A condition on a multi-valued key
// (tag, domain, custom_string …) holds when any of the values satisfies it.
//
// Equality is case-insensitive and whole-value: `type:'question'` matches "Question", but
// `tag:'bill'` does not match "billing". Numbers and booleans compare through their text form, so
// `active:true` matches `true` and a text field holding "42" matches `cf_ref:42`. A date literal
// matches a date field on the same UTC day (`'YYYY-MM-DD'`) or at the same second (full timestamp).
import { parseQueryDate } from "./parse-query.ts";
import type {
  QueryBound,
  QueryCondition,
  QueryDate,
  QueryExpr,
  QueryLiteral,
  SearchDocument,
  SearchValue,
} from "./query-types.ts";

export function matchesQuery(expr: QueryExpr, doc: SearchDocument): boolean {
  switch (expr.type) {
    case "and":
      return expr.operands.every((operand) => matchesQuery(operand, doc));
    case "or":
      return expr.operands.some((operand) => matchesQuery(operand, doc));
    default:
      return matchesCondition(expr, doc);
  }
}

function matchesCondition(condition: QueryCondition, doc: SearchDocument): boolean {
  const values = doc.values(condition.key);
  if (values === undefined) return false;
  if (condition.type === "equals") {
    if (condition.literal.kind === "null") return values.length === 0;
    const literal = condition.literal;
    return values.some((value) => equalsLiteral(value, literal));
  }
  return values.some((value) => withinBound(value, condition.op, condition.bound));
}

function equalsLiteral(value: SearchValue, literal: Exclude<QueryLiteral, { kind: "null" }>): boolean {
  if (value instanceof Date) {
    const date = literal.kind === "string" ? parseQueryDate(literal.value) : undefined;
    return date !== undefined && compareToDate(value, date) === 0;
  }
  return String(value).toLowerCase() === String(literal.value).toLowerCase();
}

function withinBound(value: SearchValue, op: "atLeast" | "atMost", bound: QueryBound): boolean {
  let order: number;
  if (bound.kind === "date" && value instanceof Date) order = compareToDate(value, bound.date);
  else if (bound.kind === "integer" && typeof value === "number") order = Math.sign(value - bound.value);
  else return false;
  return op === "atLeast" ? order >= 0 : order <= 0;
}

/** Sign of (value − date); a date-only query date compares whole UTC days. */
function compareToDate(value: Date, date: QueryDate): number {
  if (date.dateOnly) {
    const day = value.toISOString().slice(0, 10);
    return day === date.day ? 0 : day < date.day ? -1 : 1;
  }
  const seconds = Math.floor(value.getTime() / 1000) * 1000;
  return Math.sign(seconds - date.epochMs);
}
