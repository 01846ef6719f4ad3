import { clip } from "./clean.ts";

/**
 * Keeps a result under a size cap (measured as the length of its JSON). First long texts are
 * shortened, down to a floor; if that is not enough, items are dropped from the end of the
 * largest list. The notice tells the model what was left out and how to get it.
 */

const STRING_STEPS = [2000, 800, 300];

export type Budgeted = { data: Record<string, unknown>; notice: string | undefined };

const sizeOf = (value: unknown) => JSON.stringify(value).length;

export function fitToBudget(data: Record<string, unknown>, maxChars: number): Budgeted {
  if (sizeOf(data) <= maxChars) return { data, notice: undefined };
  const notes: string[] = [];

  let current = data;
  for (const limit of STRING_STEPS) {
    const counter = { cut: 0 };
    current = shortenStrings(current, limit, counter) as Record<string, unknown>;
    if (counter.cut > 0 && (sizeOf(current) <= maxChars || limit === STRING_STEPS.at(-1))) {
      notes.push(
        `${counter.cut} long text(s) were cut to ${limit} characters; fetch the single record (get_ticket, get_solution_article, …) to read one in full.`,
      );
      break;
    }
  }
  if (sizeOf(current) > maxChars) {
    const trimmed = dropListTail(current, maxChars);
    current = trimmed.data;
    if (trimmed.note) notes.push(trimmed.note);
  }
  return {
    data: current,
    notice: notes.length > 0 ? `Result shortened to fit the size cap: ${notes.join(" ")}` : undefined,
  };
}

function shortenStrings(value: unknown, limit: number, counter: { cut: number }): unknown {
  if (typeof value === "string") {
    if (value.length <= limit) return value;
    counter.cut += 1;
    return clip(value, limit);
  }
  if (Array.isArray(value)) return value.map((item) => shortenStrings(item, limit, counter));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shortenStrings(v, limit, counter)]));
  }
  return value;
}

/** The largest array among the top-level fields, and the fields of top-level objects. */
function largestList(data: Record<string, unknown>): { path: string[]; list: unknown[] } | undefined {
  let best: { path: string[]; list: unknown[] } | undefined;
  const consider = (path: string[], value: unknown) => {
    if (Array.isArray(value) && value.length > 0 && (!best || sizeOf(value) > sizeOf(best.list))) {
      best = { path, list: value };
    }
  };
  for (const [key, value] of Object.entries(data)) {
    consider([key], value);
    if (value && typeof value === "object" && !Array.isArray(value)) {
      for (const [inner, innerValue] of Object.entries(value)) consider([key, inner], innerValue);
    }
  }
  return best;
}

function withList(data: Record<string, unknown>, path: string[], list: unknown[]): Record<string, unknown> {
  const [head, ...rest] = path;
  if (head === undefined) return data;
  if (rest.length === 0) return { ...data, [head]: list };
  return { ...data, [head]: withList(data[head] as Record<string, unknown>, rest, list) };
}

function dropListTail(
  data: Record<string, unknown>,
  maxChars: number,
): { data: Record<string, unknown>; note?: string } {
  const target = largestList(data);
  if (!target) return { data };
  const { path, list } = target;
  // Binary search for the longest prefix that fits (the notice itself needs some room).
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (sizeOf(withList(data, path, list.slice(0, mid))) + 400 <= maxChars) low = mid;
    else high = mid - 1;
  }
  const omitted = list.length - low;
  const name = path.join(".");
  return {
    data: withList(data, path, list.slice(0, low)),
    note: `the last ${omitted} of ${list.length} entries of "${name}" were left out; ask for fewer at a time (a smaller per_page) to see them before moving on with next_cursor.`,
  };
}
