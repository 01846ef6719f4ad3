import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { parse } from "csv-parse/sync";
import type { LabelledTicket, Labels } from "../learning/types.ts";
import type { Product } from "../product.ts";
import { EvalInputError } from "./errors.ts";

/**
 * Reading a labelled export: JSONL (one ticket per line) or CSV with the same columns. Every
 * input record keeps its place (`row`), so predictions can be written back in input order even
 * when some records were unusable.
 *
 * Which product's labels are read (Freshdesk: group, type, priority; Freshservice: also
 * category, sub_category, item_category, urgency, impact) is the caller's choice or, without
 * one, seen from the columns: any Freshservice-only column makes it a Freshservice export.
 */

export type LoadedRow = {
  /** 0-based position among the file's records. */
  row: number;
  /** 1-based line in the file where the record starts. */
  line: number;
  ticket?: LabelledTicket | undefined;
  /** Why the record could not be used (it is then skipped). */
  error?: string | undefined;
};

export type LoadedData = {
  rows: LoadedRow[];
  /** Problems that leave the record usable, e.g. an unknown priority word (that label is left out). */
  warnings: string[];
  format: "jsonl" | "csv";
  /** Whose labels were read: the one asked for, or the one the columns show. */
  product: Product;
};

export type LoadOptions = {
  strict?: boolean;
  /** Read this product's labels; undefined: decided by the columns present. */
  product?: Product | undefined;
};

const PRIORITY_WORDS: Record<string, 1 | 2 | 3 | 4> = { low: 1, medium: 2, high: 3, urgent: 4 };
/** Freshservice's urgency and impact: 1–3. */
const LEVEL_WORDS: Record<string, 1 | 2 | 3> = { low: 1, medium: 2, high: 3 };

/**
 * Freshservice's own label columns, with the spellings exports use for them (header case,
 * spaces and dashes do not matter: "Sub Category" and "sub-category" read as sub_category).
 */
const FRESHSERVICE_COLUMNS: Record<string, readonly string[]> = {
  category: ["category"],
  sub_category: ["sub_category", "subcategory"],
  item_category: ["item_category", "item"],
  urgency: ["urgency"],
  impact: ["impact"],
};

type RawRecord = { row: number; line: number; record?: Record<string, unknown>; error?: string };

export function loadLabelledFile(path: string, options: LoadOptions = {}): LoadedData {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new EvalInputError(`No such file: ${path}`);
    if (code === "EISDIR") throw new EvalInputError(`${path} is a directory, not a data file.`);
    throw new EvalInputError(`Cannot read ${path}: ${(error as Error).message}`);
  }
  const data = looksLikeCsv(path, text) ? loadCsv(text, options) : loadJsonl(text, options);
  if (options.strict) {
    const bad = data.rows.find((r) => r.error);
    if (bad) throw new EvalInputError(`${path}: ${bad.error} (--strict stops at the first bad record).`);
    if (data.warnings[0]) throw new EvalInputError(`${path}: ${data.warnings[0]} (--strict).`);
  }
  return data;
}

function looksLikeCsv(path: string, text: string): boolean {
  const ext = extname(path).toLowerCase();
  if (ext === ".csv") return true;
  if (ext === ".jsonl" || ext === ".ndjson" || ext === ".json") return false;
  return !text.trimStart().startsWith("{");
}

export function loadJsonl(text: string, options: LoadOptions = {}): LoadedData {
  const rows: RawRecord[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    if (raw.trim() === "") return;
    const line = i + 1;
    const row = rows.length;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      rows.push({ row, line, error: `line ${line} is not valid JSON` });
      return;
    }
    if (!value || typeof value !== "object" || Array.isArray(value)) {
      rows.push({ row, line, error: `line ${line} is not a JSON object` });
      return;
    }
    rows.push({ row, line, record: value as Record<string, unknown> });
  });
  return toData(rows, "jsonl", options.product);
}

export function loadCsv(text: string, options: LoadOptions = {}): LoadedData {
  const rows: RawRecord[] = [];
  try {
    parse(text, {
      bom: true,
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (error) => {
        const line = Number((error as { lines?: unknown } | undefined)?.lines ?? 0);
        rows.push({
          row: rows.length,
          line,
          error: `line ${line}: ${error?.message ?? "malformed CSV record"}`,
        });
        return undefined;
      },
      on_record: (record: Record<string, unknown>, context) => {
        rows.push({ row: rows.length, line: context.lines, record });
        return null;
      },
    });
  } catch (error) {
    throw new EvalInputError(`Cannot read the CSV: ${(error as Error).message}`);
  }
  return toData(rows, "csv", options.product);
}

function toData(
  raw: readonly RawRecord[],
  format: LoadedData["format"],
  asked: Product | undefined,
): LoadedData {
  const product = asked ?? detectProduct(raw);
  const warnings: string[] = [];
  const rows = raw.map(({ row, line, record, error }): LoadedRow => {
    if (!record) return { row, line, error };
    const loaded = toRow(record, row, line, warnings);
    if (product === "freshservice" && loaded.ticket) {
      Object.assign(loaded.ticket.labels, freshserviceLabels(record, line, warnings));
    }
    return loaded;
  });
  return { rows, warnings, format, product };
}

/** Freshservice when any record has one of its own label columns, else Freshdesk. */
export function detectProduct(raw: readonly RawRecord[]): Product {
  const names = new Set(Object.values(FRESHSERVICE_COLUMNS).flat());
  for (const { record } of raw) {
    if (!record) continue;
    if (Object.keys(record).some((key) => names.has(columnName(key)))) return "freshservice";
  }
  return "freshdesk";
}

function columnName(key: string): string {
  return key
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

function column(record: Record<string, unknown>, names: readonly string[]): unknown {
  for (const [key, value] of Object.entries(record)) {
    if (names.includes(columnName(key)) && value !== undefined && value !== null && value !== "")
      return value;
  }
  return undefined;
}

function freshserviceLabels(record: Record<string, unknown>, line: number, warnings: string[]): Labels {
  const labels: Labels = {};
  for (const field of ["category", "sub_category", "item_category"] as const) {
    const value = label(column(record, FRESHSERVICE_COLUMNS[field] as readonly string[]));
    if (value !== undefined) labels[field] = value;
  }
  for (const field of ["urgency", "impact"] as const) {
    const value = readLevel(
      field,
      column(record, FRESHSERVICE_COLUMNS[field] as readonly string[]),
      line,
      warnings,
    );
    if (value !== undefined) labels[field] = value;
  }
  return labels;
}

function readLevel(field: string, value: unknown, line: number, warnings: string[]): 1 | 2 | 3 | undefined {
  if (value === undefined) return undefined;
  const word = String(value).trim().toLowerCase();
  if (/^[1-3]$/.test(word)) return Number(word) as 1 | 2 | 3;
  const named = LEVEL_WORDS[word];
  if (named) return named;
  warnings.push(
    `line ${line}: unknown ${field} "${String(value)}" (use 1–3 or Low, Medium, High); left out of the ${field} figures`,
  );
  return undefined;
}

function toRow(record: Record<string, unknown>, row: number, line: number, warnings: string[]): LoadedRow {
  const subject = text(record.subject ?? record.title);
  const description = text(record.description ?? record.body ?? record.text);
  if (!subject && !description)
    return { row, line, error: `line ${line} has neither a subject nor a description` };
  const priority = readPriority(record.priority, line, warnings);
  const tags = Array.isArray(record.tags) ? record.tags.map(String) : undefined;
  return {
    row,
    line,
    ticket: {
      id: typeof record.id === "string" || typeof record.id === "number" ? record.id : undefined,
      subject,
      description,
      tags,
      createdAt: text(record.created_at) || undefined,
      labels: { group: label(record.group), type: label(record.type), priority },
    },
  };
}

function readPriority(value: unknown, line: number, warnings: string[]): 1 | 2 | 3 | 4 | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  const word = String(value).trim().toLowerCase();
  if (/^[1-4]$/.test(word)) return Number(word) as 1 | 2 | 3 | 4;
  const named = PRIORITY_WORDS[word];
  if (named) return named;
  warnings.push(
    `line ${line}: unknown priority "${String(value)}" (use 1–4 or Low, Medium, High, Urgent); left out of the priority figures`,
  );
  return undefined;
}

function text(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  return "";
}

function label(value: unknown): string | undefined {
  const t = text(value).trim();
  return t === "" ? undefined : t;
}
