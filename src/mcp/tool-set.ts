import type { Product } from "../product.ts";
import type { ObjectSchema, ToolDefinition } from "./define-tool.ts";
import type { SharedServerDeps, SharedToolContext } from "./deps.ts";
import type { McpPolicy } from "./policy.ts";
import type { RequestHandlers } from "./prompts-and-resources.ts";

/** How the server names itself in the initialize answer. */
export type ServerInfo = { readonly name: string; readonly version: string };

/**
 * One product's side of the tool server: its tools, how the server introduces itself, and how a
 * handler's context is made from the deps. Everything else (policy, scopes, dispatch, audit,
 * size caps, cursors, the HTTP route and OAuth) is shared by every product.
 */
export type ToolSet<D extends SharedServerDeps, C extends SharedToolContext> = {
  readonly product: Product;
  readonly serverInfo: ServerInfo;
  /** The initialize answer's instructions: what the tools cover and how to read results. */
  readonly instructions: string;
  readonly tools: readonly ToolDefinition<ObjectSchema, ObjectSchema, C>[];
  /** The product's part of a handler's context (its client and cached account data). */
  context(deps: D, shared: SharedToolContext): C;
  /** Prompts and resources, for a product that offers them. */
  contentHandlers?(policy: McpPolicy, context: C): RequestHandlers;
};

/** A name → tool lookup for a tool set, built once. */
export function toolIndex<T extends { readonly name: string }>(
  tools: readonly T[],
): (name: string) => T | undefined {
  const index = new Map(tools.map((tool) => [tool.name, tool]));
  return (name) => index.get(name);
}
