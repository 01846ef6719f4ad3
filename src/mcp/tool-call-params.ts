import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";

/**
 * The params of a tools/call request, checked with sentences a caller can act on (JSON-RPC's
 * -32602 "invalid params"), before any tool is looked up.
 */
export function toolCallParams(params: unknown): { name: string; arguments: unknown } {
  if (params === undefined || params === null || typeof params !== "object" || Array.isArray(params)) {
    throw new McpError(
      ErrorCode.InvalidParams,
      `tools/call needs params: an object with the tool's "name" and its "arguments" object (got ${describe(params)}).`,
    );
  }
  const { name, arguments: args } = params as { name?: unknown; arguments?: unknown };
  if (typeof name !== "string" || name === "") {
    throw new McpError(
      ErrorCode.InvalidParams,
      `tools/call params need a "name": the tool to call, as a string (got ${describe(name)}).`,
    );
  }
  if (args !== undefined && (args === null || typeof args !== "object" || Array.isArray(args))) {
    throw new McpError(
      ErrorCode.InvalidParams,
      `The arguments of "${name}" must be an object of named values, like {"ticket_id": 1} (got ${describe(args)}).`,
    );
  }
  return { name, arguments: args };
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
