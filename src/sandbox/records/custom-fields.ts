// Contacts and companies have no field-definition endpoint in the sandbox; their custom fields
// are the keys the account's records already carry.
import { type FieldError, invalidField } from "../http/errors.ts";
import type { FdCustomFields } from "../seed/types.ts";

export function knownCustomFieldNames(records: Iterable<{ custom_fields: FdCustomFields }>): Set<string> {
  const names = new Set<string>();
  for (const record of records) for (const name of Object.keys(record.custom_fields)) names.add(name);
  return names;
}

export function checkCustomFieldNames(values: unknown, known: Set<string>): FieldError[] {
  if (typeof values !== "object" || values === null || Array.isArray(values)) return [];
  return Object.keys(values)
    .filter((name) => !known.has(name))
    .map(invalidField);
}

/** Every known field is present on a new record, null unless given. */
export function withAllCustomFields(values: unknown, known: Set<string>): FdCustomFields {
  const base = Object.fromEntries([...known].map((name) => [name, null]));
  return { ...base, ...(values as FdCustomFields | undefined) };
}
