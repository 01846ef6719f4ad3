// The `include` parameter (reference §5.3): comma-separated values from a fixed set per endpoint.
import { type FieldError, fieldError, oneOf } from "./errors.ts";

export function parseInclude<T extends string>(
  raw: string | undefined,
  allowed: readonly T[],
  errors: FieldError[],
): Set<T> {
  const values = (raw ?? "")
    .split(",")
    .map((value) => value.trim())
    .filter(Boolean);
  const unknown = values.filter((value) => !(allowed as readonly string[]).includes(value));
  if (unknown.length > 0) errors.push(fieldError("include", "invalid_value", oneOf(allowed)));
  return new Set(values.filter((value): value is T => (allowed as readonly string[]).includes(value)));
}
