import { ErrorCode } from "@modelcontextprotocol/sdk/types.js";
import { getPromptParams, listParams, readResourceParams } from "./content-params.ts";
import type { ToolContext } from "./deps.ts";
import { type McpPolicy, toolRefusal } from "./policy.ts";
import { allPrompts } from "./prompts/index.ts";
import { findTool } from "./registry.ts";
import { invalidParams, RESOURCE_NOT_FOUND, RequestError, toRequestError } from "./request-error.ts";
import { articleResource } from "./resources/article.ts";
import { idFromUri } from "./resources/define-resource.ts";
import { allResourceTemplates } from "./resources/index.ts";
import { listResources } from "./resources/list.ts";
import { ticketResource } from "./resources/ticket.ts";

/** A request handler by method name; it receives the raw params and checks them itself. */
export type RequestHandlers = ReadonlyMap<string, (params: unknown) => Promise<Record<string, unknown>>>;

/**
 * Prompts and resources, under the tools' policy: each prompt is offered only to a caller who
 * may use every tool it directs the model to, and each resource template only to a caller who
 * may use the tool that reads the same record. So a read token sees them all, a caller limited to
 * some toolsets sees the matching part, and their data passes the same Freshdesk client, rate
 * governor and size caps as the tools'. Like read-only tools, they are not audited.
 */
export function promptAndResourceHandlers(policy: McpPolicy, context: ToolContext): RequestHandlers {
  const refusalFor = (toolName: string) => {
    const tool = findTool(toolName);
    return tool ? toolRefusal(policy, tool) : `${toolName} is not a tool of this server.`;
  };
  const canUse = (toolName: string) => refusalFor(toolName) === undefined;
  const prompts = allPrompts.filter((prompt) => prompt.requires.every(canUse));
  const templates = allResourceTemplates.filter((template) => canUse(template.tool));
  const promptContext = { ...context, canUse };
  const fail = (method: string, notFound?: number) => (error: unknown) => {
    throw toRequestError(error, method, context.logger, notFound);
  };

  return new Map<string, (params: unknown) => Promise<Record<string, unknown>>>([
    [
      "prompts/list",
      async (params) => {
        listParams("prompts/list", params);
        return { prompts: prompts.map((p) => p.listing) };
      },
    ],
    [
      "prompts/get",
      async (params) => {
        const { name, arguments: args } = getPromptParams(params);
        const prompt = allPrompts.find((p) => p.name === name);
        if (!prompt) {
          throw invalidParams(`There is no prompt named "${name}"; prompts/list shows the ones available.`);
        }
        const refusal = prompt.requires.map(refusalFor).find((r) => r !== undefined);
        if (refusal) {
          throw invalidParams(
            `Refused: the ${prompt.name} prompt needs tools this caller may not use: ${refusal}`,
          );
        }
        return prompt.get(args, promptContext).catch(fail("prompts/get", ErrorCode.InvalidParams));
      },
    ],
    [
      "resources/templates/list",
      async (params) => {
        listParams("resources/templates/list", params);
        return {
          resourceTemplates: templates.map((t) => ({
            uriTemplate: t.uriTemplate,
            name: t.name,
            title: t.title,
            description: t.description,
            mimeType: t.mimeType,
          })),
        };
      },
    ],
    [
      "resources/list",
      async (params) => {
        const { cursor } = listParams("resources/list", params);
        const kinds = {
          tickets: templates.includes(ticketResource),
          articles: templates.includes(articleResource),
        };
        return listResources(context, kinds, cursor).catch(fail("resources/list"));
      },
    ],
    [
      "resources/read",
      async (params) => {
        const { uri } = readResourceParams(params);
        const match = allResourceTemplates
          .map((template) => ({ template, id: idFromUri(template, uri) }))
          .find((m) => m.id !== undefined);
        if (!match || match.id === undefined) {
          const known = allResourceTemplates.map((t) => t.uriTemplate).join(" and ");
          throw new RequestError(
            RESOURCE_NOT_FOUND,
            `There is no resource "${uri}"; this server's resources are ${known}, with a numeric id.`,
          );
        }
        const refusal = refusalFor(match.template.tool);
        if (refusal) {
          throw invalidParams(
            `Refused: ${match.template.title} resources are read like ${match.template.tool}: ${refusal}`,
          );
        }
        const document = await match.template.read(match.id, context).catch(fail("resources/read"));
        return { contents: [{ uri: document.uri, mimeType: match.template.mimeType, text: document.text }] };
      },
    ],
  ]);
}
