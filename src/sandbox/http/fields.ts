// Field-by-field checks for request bodies and query strings, producing Freshdesk's validation
// items (reference §2.4). Checks collect every problem so one response names all of them.
import { type FieldError, fieldError, invalidField } from "./errors.ts";

export type FieldKind =
  | "string"
  | "positiveInteger"
  | "integer"
  | "boolean"
  | "stringArray"
  | "integerArray"
  | "email"
  | "emailArray"
  | "timestamp"
  | "object";

export type FieldSpec = { kind: FieldKind; nullable?: boolean; maxLength?: number };
export type FieldSpecs = Record<string, FieldSpec>;

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

const EXPECTED: Record<FieldKind, string> = {
  string: "String",
  positiveInteger: "Positive Integer",
  integer: "Integer",
  boolean: "Boolean",
  stringArray: "Array",
  integerArray: "Array",
  email: "String",
  emailArray: "Array",
  timestamp: "String",
  object: "key/value pair",
};

/** The type name Freshdesk reports for a value it did not expect. */
export function wireTypeName(value: unknown): string {
  if (value === null) return "Null";
  if (Array.isArray(value)) return "Array";
  if (typeof value === "string") return "String";
  if (typeof value === "boolean") return "Boolean";
  if (typeof value === "number") return Number.isInteger(value) ? "Integer" : "Float";
  return "key/value pair";
}

export function mismatch(field: string, value: unknown, expected: string): FieldError {
  return fieldError(
    field,
    "datatype_mismatch",
    `Value set is of type ${wireTypeName(value)}.It should be a/an ${expected}`,
  );
}

export function isEmail(value: string): boolean {
  return EMAIL.test(value);
}

export function parseTimestamp(value: string): number | undefined {
  if (!TIMESTAMP.test(value)) return undefined;
  const ms = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(ms) ? undefined : ms;
}

const isPositiveInteger = (value: unknown) => Number.isSafeInteger(value) && (value as number) > 0;

/** Checks one value against its spec; returns the error or undefined when it is acceptable. */
export function checkValue(field: string, value: unknown, spec: FieldSpec): FieldError | undefined {
  if (value === null) return spec.nullable ? undefined : mismatch(field, value, EXPECTED[spec.kind]);
  switch (spec.kind) {
    case "string":
    case "email":
    case "timestamp": {
      if (typeof value !== "string") return mismatch(field, value, EXPECTED[spec.kind]);
      if (spec.maxLength !== undefined && value.length > spec.maxLength) {
        return fieldError(
          field,
          "invalid_value",
          `Has ${value.length} characters, it can have maximum of ${spec.maxLength} characters`,
        );
      }
      if (spec.kind === "email" && !isEmail(value)) {
        return fieldError(field, "invalid_value", "It should be in the 'valid email address' format");
      }
      if (spec.kind === "timestamp" && parseTimestamp(value) === undefined) {
        return fieldError(field, "invalid_value", "It should be in the 'valid date' format");
      }
      return undefined;
    }
    case "positiveInteger":
      if (typeof value !== "number" || !Number.isInteger(value))
        return mismatch(field, value, "Positive Integer");
      return isPositiveInteger(value)
        ? undefined
        : fieldError(field, "datatype_mismatch", "It should be a/an Positive Integer");
    case "integer":
      return Number.isSafeInteger(value) ? undefined : mismatch(field, value, "Integer");
    case "boolean":
      return typeof value === "boolean" ? undefined : mismatch(field, value, "Boolean");
    case "object":
      return typeof value === "object" && !Array.isArray(value)
        ? undefined
        : mismatch(field, value, "key/value pair");
    case "stringArray":
    case "emailArray":
    case "integerArray":
      return checkArray(field, value, spec.kind);
  }
}

function checkArray(field: string, value: unknown, kind: FieldKind): FieldError | undefined {
  if (!Array.isArray(value)) return mismatch(field, value, "Array");
  for (const item of value) {
    if (kind === "integerArray" && !isPositiveInteger(item)) {
      return fieldError(
        field,
        "datatype_mismatch",
        "It should contain elements of type Positive Integer only",
      );
    }
    if (kind !== "integerArray" && typeof item !== "string") {
      return fieldError(field, "datatype_mismatch", "It should contain elements of type String only");
    }
    if (kind === "emailArray" && !isEmail(item as string)) {
      return fieldError(
        field,
        "invalid_value",
        `It should contain elements that are in the 'valid email address' format`,
      );
    }
  }
  return undefined;
}

/**
 * Checks every key of `body`: unknown keys are `invalid_field`, known ones are type-checked.
 * Returns the collected errors (empty when the body is acceptable).
 */
export function checkFields(body: Record<string, unknown>, specs: FieldSpecs): FieldError[] {
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(body)) {
    const spec = specs[key];
    if (!spec) {
      errors.push(invalidField(key));
      continue;
    }
    const error = checkValue(key, value, spec);
    if (error) errors.push(error);
  }
  return errors;
}
