// Parser for the `query` parameter of /search/tickets|contacts|companies (reference §6.1–§6.2).
// Grammar: expr := and (" OR " and)* ; and := factor (" AND " factor)* ; factor := pair | "(" expr ")".
import type {
  QueryBound,
  QueryCondition,
  QueryDate,
  QueryError,
  QueryExpr,
  QueryLiteral,
} from "./query-types.ts";

/** Freshdesk's own wording, double space and "paranthesis" included. */
export const INVALID_QUERY_MESSAGE =
  `Given query is invalid, expected format "keyword:value  OPERATOR keyword:'string' OPERATOR ` +
  `keyword:>'yyyy-mm-dd' OPERATOR keyword:<integer". Space is mandatory between key/value pair and ` +
  "operator. Please check the paranthesis if there are any.";

export const MAX_QUERY_LENGTH = 512;

export type ParseResult = { ok: true; expr: QueryExpr } | { ok: false; error: QueryError };

type Token =
  | { kind: "open" }
  | { kind: "close" }
  | { kind: "operator"; op: "and" | "or" }
  | { kind: "condition"; condition: QueryCondition };

/** Thrown inside the parser only; every syntax problem gets the same Freshdesk message. */
class SyntaxProblem extends Error {}

const KEYWORD = /[a-zA-Z][a-zA-Z0-9_]*/y;
const BARE_VALUE = /-?[0-9a-zA-Z_@]+/y;
const INTEGER = /^-?\d+$/;
const DATE = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}:\d{2}Z)?$/;

/** `rawQueryParam` is the decoded parameter including its outer double quotes. */
export function parseSearchQuery(rawQueryParam: string | undefined): ParseResult {
  const invalid = { ok: false, error: queryError(INVALID_QUERY_MESSAGE) } as const;
  if (rawQueryParam === undefined || rawQueryParam.length < 2) return invalid;
  if (!rawQueryParam.startsWith('"') || !rawQueryParam.endsWith('"')) return invalid;
  const inner = rawQueryParam.slice(1, -1);
  if (inner.length > MAX_QUERY_LENGTH) {
    const message = `Has ${inner.length} characters, it can have maximum of ${MAX_QUERY_LENGTH} characters`;
    return { ok: false, error: queryError(message) };
  }
  try {
    return { ok: true, expr: parseTokens(tokenize(inner)) };
  } catch (error) {
    if (error instanceof SyntaxProblem) return invalid;
    throw error;
  }
}

/** Search pages run 1..10 (reference §4.3); absent means 1. */
export function parseSearchPage(
  rawPage: string | undefined,
): { ok: true; page: number } | { ok: false; error: QueryError } {
  if (rawPage === undefined) return { ok: true, page: 1 };
  const page = /^\d+$/.test(rawPage) ? Number(rawPage) : Number.NaN;
  if (page >= 1 && page <= 10) return { ok: true, page };
  return {
    ok: false,
    error: {
      field: "page",
      message: "It should be a Positive Integer less than or equal to 10",
      code: "datatype_mismatch",
    },
  };
}

/** A real calendar date in one of the two accepted forms, or `undefined`. */
export function parseQueryDate(text: string): QueryDate | undefined {
  const match = DATE.exec(text);
  if (!match) return undefined;
  const dateOnly = match[2] === undefined;
  const epochMs = Date.parse(dateOnly ? `${text}T00:00:00Z` : text);
  // Rendering the instant back must give the same text; this rejects 2024-02-30 or 25:00:00.
  const rendered = Number.isNaN(epochMs) ? "" : new Date(epochMs).toISOString();
  const expected = dateOnly ? `${text}T00:00:00.000Z` : text.replace("Z", ".000Z");
  if (rendered !== expected) return undefined;
  return { dateOnly, day: text.slice(0, 10), epochMs };
}

function queryError(message: string): QueryError {
  return { field: "query", message, code: "invalid_value" };
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  let spaceBefore = true;
  while (pos < text.length) {
    const char = text[pos]!;
    if (char === " ") {
      spaceBefore = true;
      pos++;
      continue;
    }
    if (char === "(" || char === ")") {
      tokens.push({ kind: char === "(" ? "open" : "close" });
      pos++;
    } else {
      const keyword = matchAt(KEYWORD, text, pos);
      if (keyword === undefined) throw new SyntaxProblem();
      pos += keyword.length;
      if (text[pos] === ":") {
        const parsed = readCondition(keyword, text, pos + 1);
        tokens.push({ kind: "condition", condition: parsed.condition });
        pos = parsed.end;
        if (pos < text.length && text[pos] !== " " && text[pos] !== ")") throw new SyntaxProblem();
      } else {
        const op = keyword.toLowerCase();
        // AND / OR need a space on each side (§6.2).
        if ((op !== "and" && op !== "or") || !spaceBefore || text[pos] !== " ") throw new SyntaxProblem();
        tokens.push({ kind: "operator", op });
      }
    }
    spaceBefore = false;
  }
  return tokens;
}

function readCondition(key: string, text: string, start: number): { condition: QueryCondition; end: number } {
  const sign = text[start];
  if (sign === ">" || sign === "<") {
    const { bound, end } = readBound(text, start + 1);
    return { condition: { type: "range", key, op: sign === ">" ? "atLeast" : "atMost", bound }, end };
  }
  const { literal, end } = readLiteral(text, start);
  return { condition: { type: "equals", key, literal }, end };
}

function readLiteral(text: string, start: number): { literal: QueryLiteral; end: number } {
  if (text[start] === "'") {
    const { value, end } = readQuoted(text, start);
    return { literal: { kind: "string", value }, end };
  }
  const word = matchAt(BARE_VALUE, text, start);
  if (word === undefined) throw new SyntaxProblem();
  const end = start + word.length;
  if (word === "null") return { literal: { kind: "null" }, end };
  if (INTEGER.test(word)) return { literal: { kind: "integer", value: toInteger(word) }, end };
  if (word.startsWith("-")) throw new SyntaxProblem();
  return { literal: { kind: "string", value: word }, end };
}

function readBound(text: string, start: number): { bound: QueryBound; end: number } {
  if (text[start] === "'") {
    const { value, end } = readQuoted(text, start);
    const date = parseQueryDate(value);
    if (!date) throw new SyntaxProblem();
    return { bound: { kind: "date", date }, end };
  }
  const word = matchAt(BARE_VALUE, text, start);
  if (word === undefined || !INTEGER.test(word)) throw new SyntaxProblem();
  return { bound: { kind: "integer", value: toInteger(word) }, end: start + word.length };
}

/** Single-quoted text has no escapes: it ends at the next single quote. */
function readQuoted(text: string, start: number): { value: string; end: number } {
  const close = text.indexOf("'", start + 1);
  if (close < 0) throw new SyntaxProblem();
  return { value: text.slice(start + 1, close), end: close + 1 };
}

function toInteger(word: string): number {
  const value = Number(word);
  if (!Number.isSafeInteger(value)) throw new SyntaxProblem();
  return value;
}

function matchAt(pattern: RegExp, text: string, pos: number): string | undefined {
  pattern.lastIndex = pos;
  return pattern.exec(text)?.[0];
}

function parseTokens(tokens: Token[]): QueryExpr {
  let index = 0;
  const peek = (): Token | undefined => tokens[index];

  const parseOperands = (op: "and" | "or", parseOperand: () => QueryExpr): QueryExpr => {
    const operands = [parseOperand()];
    for (let next = peek(); next?.kind === "operator" && next.op === op; next = peek()) {
      index++;
      operands.push(parseOperand());
    }
    if (operands.length === 1) return operands[0]!;
    return op === "and" ? { type: "and", operands } : { type: "or", operands };
  };
  const parseFactor = (): QueryExpr => {
    const token = tokens[index++];
    if (token?.kind === "condition") return token.condition;
    if (token?.kind !== "open") throw new SyntaxProblem();
    const inner = parseOr();
    if (tokens[index++]?.kind !== "close") throw new SyntaxProblem();
    return inner;
  };
  const parseAnd = (): QueryExpr => parseOperands("and", parseFactor);
  const parseOr = (): QueryExpr => parseOperands("or", parseAnd);

  const expr = parseOr();
  if (index !== tokens.length) throw new SyntaxProblem();
  return expr;
}
