// The ticket filter language of `GET /tickets/filter?query="…"` (reference §4): the whole
// expression inside double quotes, `AND`/`OR` with parentheses (AND binds tighter [inferred]),
// `:` equals, `:>` / `:<` mean ≥ / ≤ (numbers and dates only), strings in single quotes,
// numbers bare, dates 'yyyy-mm-dd' (UTC days), `null` for unassigned, snake_case field names.
import type { FsTicket, FsTicketFormField } from "../seed/types.ts";

export type FilterValue = string | number | boolean | null;
export type Condition = { field: string; op: ":" | ":>" | ":<"; value: FilterValue };
export type FilterNode =
  | { kind: "and"; left: FilterNode; right: FilterNode }
  | { kind: "or"; left: FilterNode; right: FilterNode }
  | ({ kind: "cond" } & Condition);

/** A query the API refuses; `message` is what the 400 says about it. */
export class FilterQueryError extends Error {}

export const MAX_QUERY_LENGTH = 512;

type Token =
  | { kind: "lparen" | "rparen" | "and" | "or" }
  | { kind: "field"; name: string }
  | { kind: "op"; op: Condition["op"] }
  | { kind: "value"; value: FilterValue };

const NUMERIC_FIELDS: Record<string, keyof FsTicket> = {
  workspace_id: "workspace_id",
  requester_id: "requester_id",
  // The filter calls the assigned agent agent_id, not responder_id (§4).
  agent_id: "responder_id",
  group_id: "group_id",
  priority: "priority",
  status: "status",
  impact: "impact",
  urgency: "urgency",
};
const DATE_FIELDS = ["due_by", "fr_due_by", "created_at", "updated_at"] as const;
const STRING_FIELDS = ["email", "tag"] as const;
export const STANDARD_FILTER_FIELDS = [...Object.keys(NUMERIC_FIELDS), ...STRING_FIELDS, ...DATE_FIELDS];

/** The raw `query` parameter, quotes included; refuses anything but `"<expression>"`. */
export function parseFilterQuery(raw: string): FilterNode {
  if (raw.length < 2 || !raw.startsWith('"') || !raw.endsWith('"')) {
    // Real answer without the quotes [EFF commits]: 400 with "lexical error".
    throw new FilterQueryError("lexical error: the query must be enclosed in double quotes");
  }
  const expression = raw.slice(1, -1);
  if (expression.length > MAX_QUERY_LENGTH) {
    throw new FilterQueryError(`The query may have at most ${MAX_QUERY_LENGTH} characters`);
  }
  const tokens = tokenize(expression);
  if (tokens.length === 0) throw new FilterQueryError("lexical error: the query is empty");
  let position = 0;
  const peek = () => tokens[position];
  const expect = (kind: Token["kind"]): Token => {
    const token = tokens[position];
    if (!token || token.kind !== kind)
      throw new FilterQueryError(`lexical error: expected ${kind} at token ${position + 1}`);
    position++;
    return token;
  };
  const primary = (): FilterNode => {
    if (peek()?.kind === "lparen") {
      position++;
      const inner = orExpr();
      expect("rparen");
      return inner;
    }
    const field = expect("field") as { kind: "field"; name: string };
    const op = expect("op") as { kind: "op"; op: Condition["op"] };
    const value = expect("value") as { kind: "value"; value: FilterValue };
    return { kind: "cond", field: field.name, op: op.op, value: value.value };
  };
  const andExpr = (): FilterNode => {
    let node = primary();
    while (peek()?.kind === "and") {
      position++;
      node = { kind: "and", left: node, right: primary() };
    }
    return node;
  };
  const orExpr = (): FilterNode => {
    let node = andExpr();
    while (peek()?.kind === "or") {
      position++;
      node = { kind: "or", left: node, right: andExpr() };
    }
    return node;
  };
  const tree = orExpr();
  if (position < tokens.length) throw new FilterQueryError(`lexical error: unexpected token ${position + 1}`);
  return tree;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    if (rest[0] === "(" || rest[0] === ")") {
      tokens.push({ kind: rest[0] === "(" ? "lparen" : "rparen" });
      i++;
      continue;
    }
    const op = /^:[<>]?/.exec(rest);
    if (op) {
      tokens.push({ kind: "op", op: op[0] as Condition["op"] });
      i += op[0].length;
      continue;
    }
    const quoted = /^'((?:[^'\\]|\\.)*)'/.exec(rest);
    if (quoted) {
      tokens.push({ kind: "value", value: (quoted[1] ?? "").replace(/\\(.)/g, "$1") });
      i += quoted[0].length;
      continue;
    }
    const number = /^-?\d+(?:\.\d+)?(?![\w.])/.exec(rest);
    if (number) {
      tokens.push({ kind: "value", value: Number(number[0]) });
      i += number[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    if (word) {
      const name = word[0];
      const previous = tokens.at(-1);
      if (previous?.kind === "op") {
        if (name === "null") tokens.push({ kind: "value", value: null });
        else if (name === "true" || name === "false") tokens.push({ kind: "value", value: name === "true" });
        else throw new FilterQueryError(`lexical error: string values need single quotes (${name})`);
      } else if (name === "AND") tokens.push({ kind: "and" });
      else if (name === "OR") tokens.push({ kind: "or" });
      else tokens.push({ kind: "field", name });
      i += name.length;
      continue;
    }
    throw new FilterQueryError(`lexical error: unexpected character '${rest[0]}' at position ${i + 1}`);
  }
  return tokens;
}

/** Custom fields the filter takes: number, checkbox, dropdown and date (§4). */
function filterableCustomType(
  field: FsTicketFormField,
): "number" | "boolean" | "string" | "date" | undefined {
  const type = field.field_type;
  if (type.includes("number") || type.includes("decimal")) return "number";
  if (type.includes("checkbox")) return "boolean";
  if (type.includes("dropdown")) return "string";
  if (type.includes("date")) return "date";
  return undefined;
}

/** Checks field names and value types up front, so a bad query is a 400 even on an empty account. */
export function checkFilterTree(node: FilterNode, custom: ReadonlyMap<string, FsTicketFormField>): void {
  if (node.kind !== "cond") {
    checkFilterTree(node.left, custom);
    checkFilterTree(node.right, custom);
    return;
  }
  const { field, op, value } = node;
  const customField = custom.get(field);
  const type = NUMERIC_FIELDS[field]
    ? "number"
    : (DATE_FIELDS as readonly string[]).includes(field)
      ? "date"
      : (STRING_FIELDS as readonly string[]).includes(field)
        ? "string"
        : customField
          ? filterableCustomType(customField)
          : undefined;
  if (!type) throw new FilterQueryError(`'${field}' is not a field tickets can be filtered by`);
  if (op !== ":" && type !== "number" && type !== "date") {
    throw new FilterQueryError(`'${field}' takes only ':' ('${op}' is for numbers and dates)`);
  }
  if (value === null) {
    if (op !== ":") throw new FilterQueryError(`'${field}${op}null' compares nothing; use '${field}:null'`);
    return;
  }
  const ok =
    type === "number"
      ? typeof value === "number"
      : type === "boolean"
        ? typeof value === "boolean"
        : type === "date"
          ? typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))
          : typeof value === "string";
  if (!ok) {
    const expected = {
      number: "a number",
      boolean: "true or false",
      date: "a date 'yyyy-mm-dd'",
      string: "a string in single quotes",
    }[type];
    throw new FilterQueryError(`'${field}' needs ${expected}`);
  }
}

/** What evaluation needs besides the ticket. */
export type FilterContext = { emailOf(userId: number): string | null };

export function matchesFilter(node: FilterNode, t: FsTicket, context: FilterContext): boolean {
  if (node.kind !== "cond") {
    const left = matchesFilter(node.left, t, context);
    return node.kind === "and"
      ? left && matchesFilter(node.right, t, context)
      : left || matchesFilter(node.right, t, context);
  }
  const { field, op, value } = node;
  const numeric = NUMERIC_FIELDS[field];
  if (numeric) return compare(t[numeric] as number | null, op, value);
  if ((DATE_FIELDS as readonly string[]).includes(field)) {
    const stamp = t[field as (typeof DATE_FIELDS)[number]];
    return compare(stamp ? stamp.slice(0, 10) : null, op, value);
  }
  if (field === "email") {
    const email = context.emailOf(t.requester_id);
    return value === null ? email === null : email?.toLowerCase() === String(value).toLowerCase();
  }
  if (field === "tag") return value === null ? t.tags.length === 0 : t.tags.includes(String(value));
  const own = t.custom_fields[field] ?? null;
  return compare(
    typeof own === "string" && /^\d{4}-\d{2}-\d{2}/.test(own) ? own.slice(0, 10) : own,
    op,
    value,
  );
}

/** `:>` and `:<` are inclusive (≥, ≤); dates compare as 'yyyy-mm-dd' strings. */
function compare(
  actual: string | number | boolean | null,
  op: Condition["op"],
  wanted: FilterValue,
): boolean {
  if (wanted === null || actual === null) return op === ":" && actual === wanted;
  if (op === ":") return actual === wanted;
  if (typeof actual === "boolean" || typeof wanted === "boolean") return false;
  return op === ":>" ? actual >= wanted : actual <= wanted;
}
