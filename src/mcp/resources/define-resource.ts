import type { ToolContext } from "../deps.ts";

/**
 * A readable record, whatever asks for it: resources/read renders it as the resource's text, and
 * the `fetch` tool returns the same fields in the shape ChatGPT's connectors read.
 */
export type ResourceDocument = {
  uri: string;
  title: string;
  text: string;
  /** Where a person opens it: the agent portal, or the resource URI when no portal is configured. */
  url: string;
  metadata: Record<string, string>;
};

/**
 * A resource template: a URI pattern with one numeric `{id}` and how to read it. It is shown
 * and served to a caller exactly when `tool` (the tool that reads the same record) is: the
 * resource is that tool's data in another form, under the same scope and toolset rules.
 */
export type ResourceTemplateDefinition = {
  name: string;
  title: string;
  description: string;
  /** RFC 6570 form, e.g. `freshdesk://tickets/{id}`. */
  uriTemplate: string;
  mimeType: "text/plain";
  tool: string;
  read(id: number, context: ToolContext): Promise<ResourceDocument>;
};

/** The id in `uri` when it fits `template` (prefix, digits, nothing after), else undefined. */
export function idFromUri(template: ResourceTemplateDefinition, uri: string): number | undefined {
  const prefix = template.uriTemplate.replace("{id}", "");
  if (!uri.startsWith(prefix)) return undefined;
  const rest = uri.slice(prefix.length);
  if (!/^[1-9]\d{0,15}$/.test(rest)) return undefined;
  return Number(rest);
}

export function uriFor(template: ResourceTemplateDefinition, id: number): string {
  return template.uriTemplate.replace("{id}", String(id));
}

/** The body's share of a document: the whole result budget less room for its other fields. */
export function documentTextBudget(context: ToolContext): number {
  return Math.max(2_000, context.limits.maxResultChars - 2_000);
}
