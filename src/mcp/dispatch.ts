import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { ForbiddenError, NotFoundError } from "../errors.ts";
import { type AuditOutcome, summarizeArguments } from "./audit.ts";
import type { ObjectSchema, ToolDefinition } from "./define-tool.ts";
import type { SharedServerDeps, SharedToolContext } from "./deps.ts";
import { toolErrorResult } from "./error-boundary.ts";
import { toolResult } from "./output/tool-result.ts";
import { authorizeCall, type McpPolicy, toolRefusal } from "./policy.ts";

/**
 * One tools/call, start to end: find the tool, apply the policy (before anything else, so a
 * refused tool learns nothing from its arguments), parse the arguments, run the handler, cap
 * and render the result, audit writes. Every failure goes through the one error boundary.
 */
export async function dispatchToolCall<C extends SharedToolContext>(
  name: string,
  rawArguments: unknown,
  policy: McpPolicy,
  deps: SharedServerDeps,
  context: C,
  findTool: (name: string) => ToolDefinition<ObjectSchema, ObjectSchema, C> | undefined,
): Promise<CallToolResult> {
  const tool = findTool(name);
  if (!tool) {
    return toolErrorResult(new NotFoundError(`There is no tool named "${name}".`), name, deps.logger);
  }
  let args: Record<string, unknown> | undefined;
  let result: CallToolResult;
  let outcome: AuditOutcome = "ok";
  try {
    const refusal = toolRefusal(policy, tool);
    if (refusal) throw new ForbiddenError(`Refused: ${refusal}`);
    args = tool.parseArguments(rawArguments);
    authorizeCall(policy, tool, args);
    result = toolResult(tool, await tool.execute(args, context), context.limits);
  } catch (error) {
    outcome = error instanceof ForbiddenError ? "refused" : "error";
    result = toolErrorResult(error, tool.name, deps.logger);
  }
  if (!tool.annotations.readOnlyHint) {
    await audit(deps, {
      caller: policy.caller,
      tool: tool.name,
      args: summarizeArguments(args ?? asRecord(rawArguments)),
      outcome,
      code: errorCode(result),
    });
  }
  return result;
}

/** A failed audit write must not turn a completed Freshdesk write into a reported failure. */
async function audit(
  deps: SharedServerDeps,
  entry: Parameters<SharedServerDeps["audit"]["record"]>[0],
): Promise<void> {
  try {
    await deps.audit.record(entry);
  } catch (error) {
    deps.logger.error(
      { err: error, tool: entry.tool, caller: entry.caller },
      "could not write the audit entry",
    );
  }
}

function errorCode(result: CallToolResult): string | undefined {
  const meta = result._meta?.error as { code?: unknown } | undefined;
  return result.isError && typeof meta?.code === "string" ? meta.code : undefined;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
