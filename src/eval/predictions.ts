import { LEARNED_FIELDS } from "../learning/types.ts";
import type { RowOutcome } from "./figures.ts";
import type { LoadedRow } from "./load.ts";

/**
 * `--predictions FILE`: one JSON line per input record, in input order. `applied` is what
 * `decideFields` decided, i.e. what the service would do in apply mode; `confidence` is the
 * measured precision at that score (null where nothing was measured).
 */
/** `fields`: the product's learned fields (Freshdesk's by default). */
export function predictionLines(
  rows: readonly LoadedRow[],
  outcomes: readonly RowOutcome[],
  fields: readonly string[] = LEARNED_FIELDS,
): string {
  const byRow = new Map(outcomes.map((o) => [o.row, o]));
  const lines = rows.map((row) => {
    const outcome = byRow.get(row.row);
    if (row.error || !outcome?.decisions)
      return JSON.stringify({ row: row.row, error: row.error ?? "not evaluated" });
    const entry: Record<string, unknown> = { row: row.row };
    if (row.ticket?.id !== undefined) entry.id = row.ticket.id;
    for (const field of fields) {
      const d = outcome.decisions[field];
      if (!d) continue;
      entry[field] = {
        value: d.value,
        confidence: d.precision === null ? null : Math.round(d.precision * 1000) / 1000,
        applied: d.applied,
        reason: d.reason,
      };
    }
    return JSON.stringify(entry);
  });
  return lines.length ? `${lines.join("\n")}\n` : "";
}
