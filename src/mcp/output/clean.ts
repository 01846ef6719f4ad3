/**
 * Drops what only costs context: null and undefined values, empty strings, empty arrays and
 * empty objects, at any depth. `false` and `0` carry meaning and stay.
 */
export function dropEmpty<T>(value: T): T {
  if (Array.isArray(value)) {
    return value.map((item) => dropEmpty(item)).filter((item) => !isEmpty(item)) as T;
  }
  if (value && typeof value === "object") {
    const kept: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      const cleaned = dropEmpty(inner);
      if (!isEmpty(cleaned)) kept[key] = cleaned;
    }
    return kept as T;
  }
  return value;
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === "object") return Object.keys(value).length === 0;
  return false;
}

/** Cuts a long text, saying how much was left out. */
export function clip(text: string, max: number, hint = ""): string {
  if (text.length <= max) return text;
  const rest = text.length - max;
  return `${text.slice(0, max)}… [${rest} more characters cut${hint ? `; ${hint}` : ""}]`;
}
