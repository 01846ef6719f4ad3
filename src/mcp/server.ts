import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { ErrorCode, ListToolsRequestSchema, McpError } from "@modelcontextprotocol/sdk/types.js";
import type { Product } from "../product.ts";
import { DEFAULT_LIMITS, type McpServerDeps, type SharedServerDeps, type SharedToolContext } from "./deps.ts";
import { dispatchToolCall } from "./dispatch.ts";
import { freshdeskToolSet } from "./freshdesk-tool-set.ts";
import { freshserviceToolSet } from "./freshservice/registry.ts";
import { createCursorCodec } from "./output/cursor.ts";
import { isToolVisible, type McpPolicy } from "./policy.ts";
import { toolCallParams } from "./tool-call-params.ts";
import { type ToolSet, toolIndex } from "./tool-set.ts";

export { SERVER_INFO } from "./freshdesk-tool-set.ts";

const CALL_TOOL = "tools/call";

/**
 * The only way a tool server is made: in-process for the workers, and one per HTTP request
 * behind /mcp. The low-level `Server` is used (not `McpServer`) because the policy must see
 * every call, including calls to tools it hides, and refuse them with a clear result.
 * The deps pick the product: deps with a Freshservice client get the Freshservice tool set, the
 * others the Freshdesk tools, unless the deps name a tool set of their own.
 */
export function createMcpServer(deps: McpServerDeps<Product>, policy: McpPolicy): Server {
  if ("freshservice" in deps) return serve(deps, deps.toolSet ?? freshserviceToolSet, policy);
  return serve(deps, deps.toolSet ?? freshdeskToolSet, policy);
}

function serve<D extends SharedServerDeps, C extends SharedToolContext>(
  deps: D,
  toolSet: ToolSet<D, C>,
  policy: McpPolicy,
): Server {
  const server = new Server(toolSet.serverInfo, {
    capabilities: toolSet.contentHandlers ? { tools: {}, prompts: {}, resources: {} } : { tools: {} },
    instructions: toolSet.instructions,
  });
  const context = toolSet.context(deps, {
    triage: deps.triage,
    portalUrl: deps.portalUrl,
    limits: { ...DEFAULT_LIMITS, ...deps.limits },
    cursors: createCursorCodec(deps.cursorSecret),
    logger: deps.logger,
    caller: policy.caller,
  });
  const findTool = indexOf(toolSet);
  const visible = toolSet.tools.filter((tool) => isToolVisible(policy, tool)).map((tool) => tool.listing);

  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: visible }));
  const contentHandlers = toolSet.contentHandlers?.(policy, context);
  // tools/call, prompts/* and resources/* are served by the fallback handler: a handler
  // registered for them would first run the SDK's schema check, which answers missing params or
  // array arguments with -32603 (internal error) and a raw zod dump. Their own checks answer
  // with -32602 and a plain sentence.
  server.fallbackRequestHandler = async (request) => {
    const content = contentHandlers?.get(request.method);
    if (content) return content(request.params);
    if (request.method !== CALL_TOOL) {
      throw new McpError(ErrorCode.MethodNotFound, `Method not found: ${request.method}`);
    }
    const params = toolCallParams(request.params);
    return dispatchToolCall(params.name, params.arguments, policy, deps, context, findTool);
  };
  return server;
}

/** One name index per tool set, made on first use rather than per request. */
const indexes = new WeakMap<object, (name: string) => unknown>();

function indexOf<C extends SharedToolContext>(toolSet: ToolSet<never, C>) {
  let index = indexes.get(toolSet);
  if (!index) {
    index = toolIndex(toolSet.tools);
    indexes.set(toolSet, index);
  }
  return index as (name: string) => ToolSet<never, C>["tools"][number] | undefined;
}
