import { clip } from "./clean.ts";

/**
 * Keeps a result under a size cap (measured as the length of its JSON), and says in a notice
 * what was left out and how to get it.
 *
 * A page of a paged tool (`resume` given) is cut by size: it keeps as many of its `items` as
 * fit, whole, and `next_cursor` becomes `resume(kept)`, which starts at the first item left out;
 * nothing becomes unreachable. Any other result first has its long texts shortened, down to a
 * floor, then loses entries from the end of its largest list. `next_cursor` is never cut: a
 * shortened cursor is no cursor.
 */

const STRING_STEPS = [2000, 800, 300];
/** Room kept for the notice beside the data. */
const NOTICE_ROOM = 400;
const UNCUT_KEYS = new Set(["next_cursor"]);

export type Budgeted = { data: Record<string, unknown>; notice: string | undefined };

const sizeOf = (value: unknown) => JSON.stringify(value).length;

export function fitToBudget(
  data: Record<string, unknown>,
  maxChars: number,
  resume?: (kept: number) => string,
): Budgeted {
  if (sizeOf(data) <= maxChars) return { data, notice: undefined };
  const notes: string[] = [];
  let current = data;

  if (resume && Array.isArray(data.items)) {
    const paged = pageBySize(current, data.items, maxChars, resume);
    current = paged.data;
    if (paged.note) notes.push(paged.note);
  }
  if (sizeOf(current) + NOTICE_ROOM > maxChars) {
    const shortened = shortenTexts(current, maxChars);
    current = shortened.data;
    if (shortened.note) notes.push(shortened.note);
  }
  if (!resume && sizeOf(current) + NOTICE_ROOM > maxChars) {
    const trimmed = dropListTail(current, maxChars);
    current = trimmed.data;
    if (trimmed.note) notes.push(trimmed.note);
  }
  return {
    data: current,
    notice: notes.length > 0 ? `Result shortened to fit the size cap: ${notes.join(" ")}` : undefined,
  };
}

/** The most leading items that fit (at least one, so paging always moves on). */
function pageBySize(
  data: Record<string, unknown>,
  items: unknown[],
  maxChars: number,
  resume: (kept: number) => string,
): { data: Record<string, unknown>; note?: string } {
  const withFirst = (count: number) => ({
    ...data,
    items: items.slice(0, count),
    next_cursor: resume(count),
  });
  let low = 1;
  let high = items.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (sizeOf(withFirst(mid)) + NOTICE_ROOM <= maxChars) low = mid;
    else high = mid - 1;
  }
  if (low >= items.length) return { data };
  return {
    data: withFirst(low),
    note: `${low} of the ${items.length} entries of "items" fitted; next_cursor continues with the next one, so pass it to see the rest.`,
  };
}

function shortenTexts(
  data: Record<string, unknown>,
  maxChars: number,
): { data: Record<string, unknown>; note?: string } {
  let current = data;
  for (const limit of STRING_STEPS) {
    const counter = { cut: 0 };
    current = shortenStrings(data, limit, counter) as Record<string, unknown>;
    if (counter.cut > 0 && (sizeOf(current) + NOTICE_ROOM <= maxChars || limit === STRING_STEPS.at(-1))) {
      return {
        data: current,
        note: `${counter.cut} long text(s) were cut to ${limit} characters; fetch the single record (get_ticket, get_solution_article, …) to read one in full.`,
      };
    }
  }
  return { data };
}

function shortenStrings(value: unknown, limit: number, counter: { cut: number }): unknown {
  if (typeof value === "string") {
    if (value.length <= limit) return value;
    counter.cut += 1;
    return clip(value, limit);
  }
  if (Array.isArray(value)) return value.map((item) => shortenStrings(item, limit, counter));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, UNCUT_KEYS.has(k) ? v : shortenStrings(v, limit, counter)]),
    );
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

/** For results without paging: the longest prefix of the largest list that fits. */
function dropListTail(
  data: Record<string, unknown>,
  maxChars: number,
): { data: Record<string, unknown>; note?: string } {
  const target = largestList(data);
  if (!target) return { data };
  const { path, list } = target;
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (sizeOf(withList(data, path, list.slice(0, mid))) + NOTICE_ROOM <= maxChars) low = mid;
    else high = mid - 1;
  }
  const omitted = list.length - low;
  const name = path.join(".");
  return {
    data: withList(data, path, list.slice(0, low)),
    note: `the last ${omitted} of ${list.length} entries of "${name}" were left out; narrow the request, or reach them through a tool that pages (list_conversations, list_tickets, search_tickets, …) or one record at a time (get_…).`,
  };
}
