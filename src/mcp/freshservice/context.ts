import type { FreshserviceDirectory } from "../../freshservice/account-directory.ts";
import type { FreshserviceClient } from "../../freshservice/index.ts";
import { defineTool, type ObjectSchema, type ToolDefinition, type ToolSpec } from "../define-tool.ts";
import type { SharedToolContext } from "../deps.ts";
import { type FsNames, loadFsNames } from "./shapes/names.ts";

/** What a Freshservice tool handler receives: the shared context, the client and its directory. */
export type FreshserviceToolContext = SharedToolContext & {
  freshservice: FreshserviceClient;
  directory: FreshserviceDirectory;
};

/** defineTool for a Freshservice tool (so its handler is typed with the Freshservice context). */
export function defineFreshserviceTool<I extends ObjectSchema, O extends ObjectSchema>(
  spec: ToolSpec<I, O, FreshserviceToolContext>,
): ToolDefinition<I, O, FreshserviceToolContext> {
  return defineTool(spec);
}

export function fsNamesFor(context: FreshserviceToolContext): Promise<FsNames> {
  return loadFsNames(context.directory, context.logger);
}
