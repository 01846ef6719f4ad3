import { z } from "zod";
import type { JsonSchema } from "./types.ts";

const DIALECT = "draft-2020-12";
export const COMPONENT_PREFIX = "#/components/schemas/";

/**
 * Turns named zod schemas into `components.schemas`. Request schemas are converted as the input
 * they accept (defaults optional, before transforms) and response schemas as the output they
 * produce; both sides share one namespace, so a name may be used only once.
 */
export function componentSchemas(
  requests: Record<string, z.ZodType>,
  responses: Record<string, z.ZodType>,
): Record<string, JsonSchema> {
  const clash = Object.keys(requests).find((name) => name in responses);
  if (clash) throw new Error(`The schema name "${clash}" is used for both a request and a response.`);
  return { ...convert(requests, "input"), ...convert(responses, "output") };
}

function convert(named: Record<string, z.ZodType>, io: "input" | "output"): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(named)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    target: DIALECT,
    io,
    uri: (id) => `${COMPONENT_PREFIX}${id}`,
  });
  const out: Record<string, JsonSchema> = {};
  for (const [id, schema] of Object.entries(schemas)) {
    // The dialect is declared once for the document, and a `$id` with a fragment is not a valid
    // 2020-12 identifier; the component's place in the document already names it.
    const { $schema: _dialect, $id: _id, ...rest } = schema as JsonSchema;
    out[id] = rest;
  }
  return out;
}
