// Reads a request body the way an endpoint accepts it: JSON everywhere, multipart only where
// Freshdesk takes attachments (ticket create/update, notes, replies).

import type { SandboxContext } from "./context.ts";
import { CodedWireError } from "./errors.ts";
import type { FieldSpecs } from "./fields.ts";
import { mediaType, unsupportedContentType } from "./request-checks.ts";

export type RequestBody = { fields: Record<string, unknown>; files: File[] };

const invalidJson = () => new CodedWireError(400, "invalid_json", "Request body has invalid json format");

export async function readBody(
  c: SandboxContext,
  options: { multipartSpecs?: FieldSpecs } = {},
): Promise<RequestBody> {
  const contentType = c.req.header("content-type");
  const type = mediaType(contentType);
  if (type === "multipart/form-data" && options.multipartSpecs) {
    return readMultipart(c, options.multipartSpecs);
  }
  const text = await c.req.text();
  if (type !== "application/json" && !(type === "" && text === "")) throw unsupportedContentType(contentType);
  if (text.trim() === "") return { fields: {}, files: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalidJson();
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw invalidJson();
  return { fields: parsed as Record<string, unknown>, files: [] };
}

/**
 * Multipart values arrive as strings: `tags[]` repeats into an array, `custom_fields[cf_x]`
 * nests, and values of integer or boolean fields are converted so the usual checks apply.
 */
async function readMultipart(c: SandboxContext, specs: FieldSpecs): Promise<RequestBody> {
  let form: FormData;
  try {
    form = await c.req.raw.formData();
  } catch {
    throw new CodedWireError(400, "invalid_multipart", "Request body has invalid multipart format");
  }
  const fields: Record<string, unknown> = {};
  const files: File[] = [];
  for (const [rawKey, value] of form.entries()) {
    if (typeof value !== "string") {
      files.push(value);
      continue;
    }
    const nested = /^(\w+)\[(\w+)\]$/.exec(rawKey);
    if (nested) {
      const [, parent = "", child = ""] = nested;
      const target = (fields[parent] ?? {}) as Record<string, unknown>;
      target[child] = value;
      fields[parent] = target;
    } else if (rawKey.endsWith("[]")) {
      const key = rawKey.slice(0, -2);
      const list = (fields[key] ?? []) as unknown[];
      list.push(coerce(value, specs[key]?.kind === "integerArray" ? "integer" : undefined));
      fields[key] = list;
    } else {
      fields[rawKey] = coerce(value, specs[rawKey]?.kind);
    }
  }
  return { fields, files };
}

function coerce(value: string, kind: string | undefined): unknown {
  if ((kind === "positiveInteger" || kind === "integer") && /^-?\d+$/.test(value)) return Number(value);
  if (kind === "boolean" && (value === "true" || value === "false")) return value === "true";
  return value;
}
