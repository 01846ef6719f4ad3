import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { z } from "zod";
import { callTool } from "../in-process-client.ts";
import type { FreshserviceToolsByName } from "./registry.ts";

export type FreshserviceToolName = keyof FreshserviceToolsByName;
export type FreshserviceToolArguments<N extends FreshserviceToolName> = z.input<
  FreshserviceToolsByName[N]["input"]
>;
export type FreshserviceToolResult<N extends FreshserviceToolName> = z.output<
  FreshserviceToolsByName[N]["output"]
> & { notice?: string };

/**
 * `callTool` typed by the Freshservice registry: the same call, timeout and error mapping (an
 * isError result is thrown as the typed error it stands for), with this product's names,
 * arguments and results.
 */
export function callFreshserviceTool<N extends FreshserviceToolName>(
  client: Client,
  name: N,
  args: FreshserviceToolArguments<N>,
): Promise<FreshserviceToolResult<N>> {
  return callTool(client, name as never, args as never) as Promise<FreshserviceToolResult<N>>;
}
