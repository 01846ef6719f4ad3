import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { callTool } from "../../src/mcp/in-process-client.ts";

/**
 * A Freshservice tool call through the in-process client: the same call, error mapping and
 * timeout as the Freshdesk pipeline's (`callTool`), typed by the caller with the tool's output
 * shape (src/mcp/freshservice/shapes), since `callTool`'s own typing follows the Freshdesk registry.
 */
export async function callFsTool<T>(client: Client, name: string, args: Record<string, unknown>): Promise<T> {
  return (await callTool(client, name as never, args as never)) as T;
}
