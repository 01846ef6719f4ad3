import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { AnyToolDefinition } from "../define-tool.ts";
import type { OutputLimits } from "../deps.ts";
import { clip } from "./clean.ts";

/**
 * A successful call's result: the structured content (already fitted to the size cap), a short
 * rendering for a model to read, and the structured content serialized as JSON, which the
 * protocol asks for so that clients ignoring `structuredContent` still get every field and
 * the `next_cursor` to pass back.
 */
export function toolResult(
  tool: AnyToolDefinition,
  structured: Record<string, unknown>,
  limits: OutputLimits,
): CallToolResult {
  if (tool.content === "json") {
    return { content: [{ type: "text", text: JSON.stringify(structured) }], structuredContent: structured };
  }
  const notice = typeof structured.notice === "string" ? structured.notice : undefined;
  const rendered = clip(tool.renderText(structured), limits.maxTextChars, "the JSON below has everything");
  return {
    content: [
      { type: "text", text: notice ? `${rendered}\n\n${notice}` : rendered },
      { type: "text", text: JSON.stringify(structured) },
    ],
    structuredContent: structured,
  };
}
