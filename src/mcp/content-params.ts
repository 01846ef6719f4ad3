import { invalidParams } from "./request-error.ts";

/**
 * The params of prompts/* and resources/* requests, checked with sentences a caller can act on
 * (-32602), as tools/call's are: the SDK's own check would answer with -32603 and a raw dump.
 */

export function listParams(method: string, params: unknown): { cursor: string | undefined } {
  if (params === undefined || params === null) return { cursor: undefined };
  const { cursor } = asObject(method, params, 'an object, optionally with a "cursor"');
  if (cursor !== undefined && typeof cursor !== "string") {
    throw invalidParams(
      `${method}: "cursor" must be the nextCursor string of the previous page (got ${describe(cursor)}).`,
    );
  }
  return { cursor };
}

/** Prompt arguments are strings in MCP; numbers and booleans are taken as their text. */
export function getPromptParams(params: unknown): { name: string; arguments: Record<string, string> } {
  const { name, arguments: args } = asObject(
    "prompts/get",
    params,
    'an object with the prompt\'s "name" and its "arguments"',
  );
  if (typeof name !== "string" || name === "") {
    throw invalidParams(
      `prompts/get params need a "name": the prompt to get, as a string (got ${describe(name)}).`,
    );
  }
  if (args === undefined || args === null) return { name, arguments: {} };
  if (typeof args !== "object" || Array.isArray(args)) {
    throw invalidParams(
      `The arguments of the ${name} prompt must be an object of named strings, like {"ticket_id": "42"} (got ${describe(args)}).`,
    );
  }
  const strings: Record<string, string> = {};
  for (const [key, value] of Object.entries(args)) {
    if (value === undefined || value === null) continue;
    if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
      throw invalidParams(
        `The argument "${key}" of the ${name} prompt must be a string (got ${describe(value)}).`,
      );
    }
    strings[key] = String(value);
  }
  return { name, arguments: strings };
}

export function readResourceParams(params: unknown): { uri: string } {
  const { uri } = asObject("resources/read", params, 'an object with the resource\'s "uri"');
  if (typeof uri !== "string" || uri === "") {
    throw invalidParams(
      `resources/read params need a "uri", such as "freshdesk://tickets/42" (got ${describe(uri)}).`,
    );
  }
  return { uri };
}

function asObject(method: string, params: unknown, wanted: string): Record<string, unknown> {
  if (params === undefined || params === null || typeof params !== "object" || Array.isArray(params)) {
    throw invalidParams(`${method} needs params: ${wanted} (got ${describe(params)}).`);
  }
  return params as Record<string, unknown>;
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
