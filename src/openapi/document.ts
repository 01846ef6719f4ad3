import packageJson from "../../package.json" with { type: "json" };
import { buildComponentSchemas, securitySchemes } from "./components.ts";
import { intakePaths } from "./operations/intake.ts";
import { mcpPaths } from "./operations/mcp.ts";
import { oauthPaths } from "./operations/oauth.ts";
import { operatorPaths } from "./operations/operator.ts";
import { pagePaths } from "./operations/pages.ts";
import { platformPaths } from "./operations/platform.ts";
import { sandboxPaths, sandboxTag } from "./operations/sandbox.ts";
import type { OpenApiDocument, Paths, Tag } from "./types.ts";

export type OpenApiOptions = {
  /** The public base URL (`PUBLIC_URL`); without it clients resolve paths against where they fetched the document. */
  serverUrl?: string | undefined;
  /** Whether the embedded sandbox is mounted (only when no real Freshdesk is configured). Default true. */
  includeSandbox?: boolean;
};

const serviceTags: Tag[] = [
  { name: "Webhooks", description: "Where Freshdesk's automation rules deliver ticket events." },
  {
    name: "Operators",
    description: "Re-run triage, read what it did, and audit writes. Bearer tokens from `MCP_TOKENS`.",
  },
  { name: "MCP", description: "The Freshdesk tool server for MCP clients (Claude, ChatGPT, Cursor, …)." },
  {
    name: "OAuth",
    description:
      "Sign-in for MCP clients: people connect with their own Freshdesk API key (discovery, consent page, tokens).",
  },
  { name: "Monitoring", description: "Liveness and readiness probes, and Prometheus metrics." },
  {
    name: "Pages",
    description:
      "Server-rendered pages for people: the activity page, the queue dashboard and the sign-in form.",
  },
  { name: "Docs", description: "This document and its page." },
];

/** Every group's paths; a path listed by two groups is a mistake, caught when building. */
const serviceGroups: Paths[] = [intakePaths, operatorPaths, mcpPaths, oauthPaths, platformPaths, pagePaths];

/**
 * The OpenAPI 3.1 document of the web API. Request and response bodies come from the zod
 * schemas the routes themselves validate with, so the document cannot describe a shape the
 * code does not accept.
 */
export function buildOpenApiDocument(options: OpenApiOptions = {}): OpenApiDocument {
  const withSandbox = options.includeSandbox ?? true;
  const tags = withSandbox ? [...serviceTags, sandboxTag] : serviceTags;
  const groups = withSandbox ? [...serviceGroups, sandboxPaths] : serviceGroups;
  const paths: Paths = {};
  for (const group of groups) {
    for (const [path, item] of Object.entries(group)) {
      if (path in paths) throw new Error(`The path "${path}" is described twice.`);
      paths[path] = item;
    }
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Freshdesk triage service",
      version: packageJson.version,
      summary: "Triages Freshdesk tickets as they arrive and serves a Freshdesk tool server over MCP.",
      description: [
        "Freshdesk's automation rule posts each new ticket to the webhook; a worker classifies it, picks priority and",
        "group, applies the changes and writes one private note. Operators can re-run triage and read what it did;",
        "MCP clients get the same Freshdesk tools the workers use. Errors always have the body",
        '`{"error": {"code", "message", "details"?}}`, except the sandbox\'s, which mimic Freshdesk\'s.',
      ].join(" "),
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
    tags,
    paths,
    components: { schemas: buildComponentSchemas(), securitySchemes },
  };
}
