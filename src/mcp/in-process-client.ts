import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { z } from "zod";
import type { Product } from "../product.ts";
import type { McpServerDeps } from "./deps.ts";
import type { McpPolicy } from "./policy.ts";
import type { ToolsByName } from "./registry.ts";
import { createMcpServer } from "./server.ts";
import { ERROR_META_KEY, errorFromToolResult } from "./tool-error.ts";

/**
 * The workers' MCP client: the official SDK client talking to a server in the same process over
 * an in-memory transport, so the pipeline goes through exactly the policy, boundary and audit
 * that remote clients do. Close the returned client to release both ends.
 */
export async function connectInProcessClient(
  deps: McpServerDeps<Product>,
  policy: McpPolicy,
): Promise<Client> {
  const server = createMcpServer(deps, policy);
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  await server.connect(serverTransport);
  const client = new Client({ name: `${policy.caller}-in-process`, version: "0.1.0" });
  await client.connect(clientTransport);
  return client;
}

export type ToolName = keyof ToolsByName;
export type ToolArguments<N extends ToolName> = z.input<ToolsByName[N]["input"]>;
export type ToolResult<N extends ToolName> = z.output<ToolsByName[N]["output"]> & { notice?: string };

/**
 * The SDK gives up on a request after 60 s by default, but an in-process tool call that the
 * client abandons keeps running on the server side: a Freshdesk call waiting for rate budget
 * (up to two minutes) would then land its write after the job has already failed and been
 * retried, doubling it. The Freshdesk client bounds every call with its own timeouts and budget
 * waits, so this limit only catches a handler that never settles.
 */
const IN_PROCESS_CALL_TIMEOUT_MS = 15 * 60_000;

/**
 * Calls a tool and returns its structured result, or throws the typed error the isError result
 * stands for (FreshdeskNotFoundError, FreshdeskRateLimitError, ForbiddenError, …).
 */
export async function callTool<N extends ToolName>(
  client: Client,
  name: N,
  args: ToolArguments<N>,
): Promise<ToolResult<N>> {
  const result = await client.callTool({ name, arguments: args as Record<string, unknown> }, undefined, {
    timeout: IN_PROCESS_CALL_TIMEOUT_MS,
  });
  if (result.isError) {
    const content = Array.isArray(result.content) ? result.content : [];
    const text = content
      .map((block: { type: string; text?: string }) => (block.type === "text" ? (block.text ?? "") : ""))
      .join("\n");
    throw errorFromToolResult(name, text || `${name} failed.`, result._meta?.[ERROR_META_KEY]);
  }
  return result.structuredContent as ToolResult<N>;
}
