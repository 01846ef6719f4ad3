/** The bundled Freshdesk MCP tool server: one factory, used in-process and behind /mcp. */
export { type AuditEntry, type AuditLog, type AuditOutcome, createAuditLog } from "./audit.ts";
export { TOOLSETS, type Toolset } from "./define-tool.ts";
export {
  DEFAULT_LIMITS,
  type McpServerDeps,
  type OutputLimits,
  type ToolContext,
  type TriageOutcome,
  type TriageService,
} from "./deps.ts";
export {
  callTool,
  connectInProcessClient,
  type ToolArguments,
  type ToolName,
  type ToolResult,
} from "./in-process-client.ts";
export { PIPELINE_UPDATE_FIELDS, pipelinePolicy } from "./pipeline-policy.ts";
export { type McpPolicy, policyForToken, requiredScope } from "./policy.ts";
export { allTools, findTool } from "./registry.ts";
export { createMcpServer, SERVER_INFO } from "./server.ts";
export type { ToolErrorMeta } from "./tool-error.ts";
