/** Small display helpers shared by the pages. */

const PRIORITY_LABELS: Record<number, string> = { 1: "Low", 2: "Medium", 3: "High", 4: "Urgent" };

export function priorityLabel(value: number | undefined): string {
  if (value === undefined) return "—";
  return PRIORITY_LABELS[value] ?? String(value);
}

export function percent(confidence: number | undefined): string {
  return confidence === undefined ? "—" : `${Math.round(confidence * 100)}%`;
}

export function duration(ms: number | undefined): string {
  if (ms === undefined) return "—";
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** `2025-01-31T14:03:09.123Z` → `2025-01-31 14:03 UTC`; anything unparsable is shown as given. */
export function timestamp(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
