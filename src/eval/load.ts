import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { parse } from "csv-parse/sync";
import type { LabelledTicket } from "../learning/types.ts";
import { EvalInputError } from "./errors.ts";

/**
 * Reading a labelled export: JSONL (one ticket per line) or CSV with the same columns. Every
 * input record keeps its place (`row`), so predictions can be written back in input order even
 * when some records were unusable.
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
};

const PRIORITY_WORDS: Record<string, 1 | 2 | 3 | 4> = { low: 1, medium: 2, high: 3, urgent: 4 };

export function loadLabelledFile(path: string, options: { strict?: boolean } = {}): LoadedData {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new EvalInputError(`No such file: ${path}`);
    if (code === "EISDIR") throw new EvalInputError(`${path} is a directory, not a data file.`);
    throw new EvalInputError(`Cannot read ${path}: ${(error as Error).message}`);
  }
  const data = looksLikeCsv(path, text) ? loadCsv(text) : loadJsonl(text);
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

export function loadJsonl(text: string): LoadedData {
  const rows: LoadedRow[] = [];
  const warnings: string[] = [];
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
    rows.push(toRow(value as Record<string, unknown>, row, line, warnings));
  });
  return { rows, warnings, format: "jsonl" };
}

export function loadCsv(text: string): LoadedData {
  const rows: LoadedRow[] = [];
  const warnings: string[] = [];
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
        rows.push(toRow(record, rows.length, context.lines, warnings));
        return null;
      },
    });
  } catch (error) {
    throw new EvalInputError(`Cannot read the CSV: ${(error as Error).message}`);
  }
  return { rows, warnings, format: "csv" };
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
