// `?query="…"` on the requester, agent, department and change lists and `?filter="…"` on assets
// (reference §4, §5, §7): the ticket filter's language (tickets/filter-query.ts parses it) applied
// to other records, each list naming its own fields. Requesters and agents also take
// `~[first_name|last_name]:'abc'` (starts with, §4); changes take `field!:value` (not equal, §4).
import { type FieldError, fieldError } from "../../sandbox/http/errors.ts";
import {
  type FilterNode,
  FilterQueryError,
  type FilterValue,
  parseFilterQuery,
} from "../tickets/filter-query.ts";

export type QueryFieldType = "number" | "string" | "date" | "boolean";
export type QueryField<T> = { type: QueryFieldType; get(record: T): unknown };
export type QueryFields<T> = Record<string, QueryField<T>>;

/** A parsed query bound to one record type; `matches` is total over that type. */
export type RecordQuery<T> = { matches(record: T): boolean };

/** Prefix of the synthetic field `~[a|b]` is rewritten to, so the shared tokenizer takes it. */
const STARTS_WITH = "starts_with__";
/** Prefix of the synthetic field `a!:` is rewritten to. */
const NOT_EQUAL = "not_equal__";

export type RecordQueryOptions = {
  /** Fields `~[…]` may name. */
  startsWith?: readonly string[];
  /** Whether `!:` is allowed. */
  notEqual?: boolean;
};

/**
 * Parses `raw` (quotes included) against `fields`; a bad query adds a 400 item for `param` and
 * returns undefined.
 */
export function parseRecordQuery<T>(
  raw: string,
  param: string,
  fields: QueryFields<T>,
  errors: FieldError[],
  options: RecordQueryOptions = {},
): RecordQuery<T> | undefined {
  try {
    const rewritten = raw
      .replace(/~\[([\w|]+)\]/g, (_, names: string) => `${STARTS_WITH}${names.replace(/\|/g, "__")}`)
      .replace(/(\w+)\s*!:/g, (_, name: string) => `${NOT_EQUAL}${name}:`);
    const tree = parseFilterQuery(rewritten);
    check(tree, fields, options);
    return { matches: (record) => evaluate(tree, record, fields) };
  } catch (error) {
    if (!(error instanceof FilterQueryError)) throw error;
    errors.push(fieldError(param, "invalid_value", error.message));
    return undefined;
  }
}

function startsWithFields(field: string): string[] | undefined {
  return field.startsWith(STARTS_WITH) ? field.slice(STARTS_WITH.length).split("__") : undefined;
}

function check<T>(node: FilterNode, fields: QueryFields<T>, options: RecordQueryOptions): void {
  if (node.kind !== "cond") {
    check(node.left, fields, options);
    check(node.right, fields, options);
    return;
  }
  const startsWith = options.startsWith ?? [];
  if (node.field.startsWith(NOT_EQUAL)) {
    if (!options.notEqual) throw new FilterQueryError("'!:' is not supported on this list");
    check({ ...node, field: node.field.slice(NOT_EQUAL.length) }, fields, options);
    return;
  }
  const prefixed = startsWithFields(node.field);
  if (prefixed) {
    const bad = prefixed.find((name) => !startsWith.includes(name));
    if (bad !== undefined)
      throw new FilterQueryError(
        `'~[…]' (starts with) takes only ${startsWith.join(", ") || "no fields here"}, not '${bad}'`,
      );
    if (node.op !== ":" || typeof node.value !== "string")
      throw new FilterQueryError("'~[…]' needs ':' and a string in single quotes");
    return;
  }
  const spec = fields[node.field];
  if (!spec)
    throw new FilterQueryError(
      `'${node.field}' is not a supported query field; use one of: ${Object.keys(fields).join(", ")}`,
    );
  if (node.op !== ":" && spec.type !== "number" && spec.type !== "date") {
    throw new FilterQueryError(`'${node.field}' takes only ':' ('${node.op}' is for numbers and dates)`);
  }
  if (node.value === null) return;
  const ok =
    spec.type === "number"
      ? typeof node.value === "number"
      : spec.type === "boolean"
        ? typeof node.value === "boolean"
        : spec.type === "date"
          ? typeof node.value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(node.value)
          : typeof node.value === "string";
  if (!ok) {
    const expected = {
      number: "a number",
      boolean: "true or false",
      date: "a date 'yyyy-mm-dd'",
      string: "a string in single quotes",
    }[spec.type];
    throw new FilterQueryError(`'${node.field}' needs ${expected}`);
  }
}

function evaluate<T>(node: FilterNode, record: T, fields: QueryFields<T>): boolean {
  if (node.kind === "and") return evaluate(node.left, record, fields) && evaluate(node.right, record, fields);
  if (node.kind === "or") return evaluate(node.left, record, fields) || evaluate(node.right, record, fields);
  if (node.field.startsWith(NOT_EQUAL)) {
    return !evaluate({ ...node, field: node.field.slice(NOT_EQUAL.length) }, record, fields);
  }
  const prefixed = startsWithFields(node.field);
  const wanted = node.value;
  if (prefixed) {
    const prefix = String(wanted).toLowerCase();
    const own = record as Record<string, unknown>;
    return prefixed.some((name) =>
      String(own[name] ?? "")
        .toLowerCase()
        .startsWith(prefix),
    );
  }
  const spec = fields[node.field] as QueryField<T>;
  const actual = spec.get(record);
  // A list field (department_ids, …) matches when any member does.
  const values = Array.isArray(actual) ? actual : [actual];
  if (values.length === 0) return wanted === null;
  return values.some((value) => compare(normalise(value, spec.type), node.op, wanted));
}

function normalise(value: unknown, type: QueryFieldType): FilterValue {
  if (value === undefined || value === null) return null;
  if (type === "date") return String(value).slice(0, 10);
  if (type === "string") return String(value);
  return value as FilterValue;
}

/** Strings compare case-insensitively [inferred: the DOC asset sample filters 'IN STOCK']. */
function compare(actual: FilterValue, op: ":" | ":>" | ":<", wanted: FilterValue): boolean {
  if (wanted === null || actual === null) return op === ":" && actual === wanted;
  if (typeof actual === "string" && typeof wanted === "string" && op === ":") {
    return actual.toLowerCase() === wanted.toLowerCase();
  }
  if (op === ":") return actual === wanted;
  if (typeof actual === "boolean" || typeof wanted === "boolean") return false;
  return op === ":>" ? actual >= wanted : actual <= wanted;
}
