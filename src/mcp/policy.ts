import type { McpToken, Scope } from "../config.ts";
import { ForbiddenError } from "../errors.ts";
import { scopesGrant } from "../routes/auth.ts";
import type { AnyToolDefinition, Toolset } from "./define-tool.ts";

/** Returns why these (parsed) arguments are refused, or undefined when they are fine. */
export type ArgumentRule = (args: Record<string, unknown>) => string | undefined;

/**
 * Who may see and call which tools. The same checks run when listing and when dispatching, so
 * a tool hidden from a caller is also refused when called by name.
 */
export type McpPolicy = {
  /** Recorded in the audit log: a token name, or "pipeline". */
  caller: string;
  scopes: readonly Scope[];
  /** When set, only tools of these toolsets. */
  toolsets?: readonly Toolset[];
  /** Global switch: no tool that writes, whatever the scopes say. */
  readOnly?: boolean;
  /** When set, only these tools by name. */
  tools?: readonly string[];
  /** Extra checks on the arguments of particular tools. */
  argumentRules?: Readonly<Record<string, ArgumentRule>>;
};

/** Each tool states its scope: `read` for read-only tools, `admin` for deleting, else `write`. */
export function requiredScope(tool: AnyToolDefinition): Scope {
  return tool.scope;
}

/** Why the caller may not use this tool at all, or undefined when it may. */
export function toolRefusal(policy: McpPolicy, tool: AnyToolDefinition): string | undefined {
  const scope = requiredScope(tool);
  if (!scopesGrant(policy.scopes, scope)) return `${tool.name} needs the "${scope}" scope.`;
  if (policy.readOnly && !tool.annotations.readOnlyHint) {
    return `${tool.name} writes to the helpdesk, and this server is in read-only mode.`;
  }
  if (policy.toolsets && !policy.toolsets.includes(tool.toolset)) {
    return `${tool.name} belongs to the "${tool.toolset}" toolset, which is not enabled for this caller.`;
  }
  if (policy.tools && !policy.tools.includes(tool.name))
    return `${tool.name} is not allowed for this caller.`;
  return undefined;
}

export function isToolVisible(policy: McpPolicy, tool: AnyToolDefinition): boolean {
  return toolRefusal(policy, tool) === undefined;
}

/** Throws ForbiddenError unless the caller may run this tool with these arguments. */
export function authorizeCall(
  policy: McpPolicy,
  tool: AnyToolDefinition,
  args: Record<string, unknown>,
): void {
  const refusal = toolRefusal(policy, tool) ?? policy.argumentRules?.[tool.name]?.(args);
  if (refusal) throw new ForbiddenError(`Refused: ${refusal}`);
}

export type ServerPolicyOptions = { readOnly?: boolean; toolsets?: readonly Toolset[] };

/** The policy for a client authenticated with a bearer token. */
export function policyForToken(token: McpToken, options: ServerPolicyOptions = {}): McpPolicy {
  return {
    caller: token.name,
    scopes: token.scopes,
    ...(options.readOnly ? { readOnly: true } : {}),
    ...(options.toolsets ? { toolsets: options.toolsets } : {}),
  };
}
