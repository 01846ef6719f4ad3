/** The bundled MCP tool server (Freshdesk or Freshservice tools): one factory, used in-process and behind /mcp. */
export { type AuditEntry, type AuditLog, type AuditOutcome, createAuditLog } from "./audit.ts";
export { TOOLSETS, type Toolset } from "./define-tool.ts";
export {
  DEFAULT_LIMITS,
  type FreshdeskServerDeps,
  type FreshserviceServerDeps,
  type McpServerDeps,
  type OutputLimits,
  type SharedServerDeps,
  type SharedToolContext,
  type ToolContext,
  type TriageOutcome,
  type TriageService,
} from "./deps.ts";
export type { FreshserviceToolContext } from "./freshservice/context.ts";
export { FRESHSERVICE_SERVER_INFO, freshserviceToolSet, freshserviceTools } from "./freshservice/registry.ts";
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
export type { ServerInfo, ToolSet } from "./tool-set.ts";
