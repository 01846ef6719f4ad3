import packageJson from "../../package.json" with { type: "json" };
import { PRODUCT_LABELS, type Product } from "../product.ts";
import { buildComponentSchemas, securitySchemes } from "./components.ts";
import { intakePathsFor } from "./operations/intake.ts";
import { mcpPaths } from "./operations/mcp.ts";
import { oauthPaths } from "./operations/oauth.ts";
import { operatorPaths } from "./operations/operator.ts";
import { pagePaths } from "./operations/pages.ts";
import { platformPaths } from "./operations/platform.ts";
import { sandboxFor } from "./operations/sandbox.ts";
import type { OpenApiDocument, Paths, Tag } from "./types.ts";

export type OpenApiOptions = {
  /** The public base URL (`PUBLIC_URL`); without it clients resolve paths against where they fetched the document. */
  serverUrl?: string | undefined;
  /** Whether the embedded sandbox is mounted (only when no real Freshdesk is configured). Default true. */
  includeSandbox?: boolean;
  /**
   * The product this deployment serves (`config.product`). Default `freshdesk`. It picks the
   * webhook (`/webhooks/freshdesk` or `/webhooks/freshservice`) and the sandbox's wording: a
   * deployment serves one product, so its document lists only what it mounts.
   */
  product?: Product;
};

const WEBHOOK_SOURCES: Record<Product, string> = {
  freshdesk: "Where Freshdesk's automation rules deliver ticket events.",
  freshservice: "Where Freshservice's Workflow Automator web requests deliver ticket events.",
};

const serviceTags: Tag[] = [
  { name: "Webhooks", description: WEBHOOK_SOURCES.freshdesk },
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
const serviceGroups = (product: Product): Paths[] => [
  intakePathsFor(product),
  operatorPaths,
  mcpPaths,
  oauthPaths,
  platformPaths,
  pagePaths,
];

/**
 * The OpenAPI 3.1 document of the web API. Request and response bodies come from the zod
 * schemas the routes themselves validate with, so the document cannot describe a shape the
 * code does not accept.
 */
export function buildOpenApiDocument(options: OpenApiOptions = {}): OpenApiDocument {
  const withSandbox = options.includeSandbox ?? true;
  const product = options.product ?? "freshdesk";
  const sandbox = sandboxFor(product);
  const productTags = serviceTags.map((tag) =>
    tag.name === "Webhooks" ? { ...tag, description: WEBHOOK_SOURCES[product] } : tag,
  );
  const tags = withSandbox ? [...productTags, sandbox.tag] : productTags;
  const groups = withSandbox ? [...serviceGroups(product), sandbox.paths] : serviceGroups(product);
  const paths: Paths = {};
  for (const group of groups) {
    for (const [path, item] of Object.entries(group)) {
      if (path in paths) throw new Error(`The path "${path}" is described twice.`);
      paths[path] = item;
    }
  }
  return {
    openapi: "3.1.0",
    info: product === "freshservice" ? freshserviceInfo() : freshdeskInfo(),
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
    tags,
    paths,
    components: { schemas: buildComponentSchemas(product), securitySchemes },
  };
}

function freshdeskInfo(): OpenApiDocument["info"] {
  return {
    title: "Freshdesk triage service",
    version: packageJson.version,
    summary: "Triages Freshdesk tickets as they arrive and serves a Freshdesk tool server over MCP.",
    description: [
      "Freshdesk's automation rule posts each new ticket to the webhook; a worker classifies it, picks priority and",
      "group, applies the changes and writes one private note. Operators can re-run triage and read what it did;",
      "MCP clients get the same Freshdesk tools the workers use. Errors always have the body",
      '`{"error": {"code", "message", "details"?}}`, except the sandbox\'s, which mimic Freshdesk\'s.',
    ].join(" "),
  };
}

function freshserviceInfo(): OpenApiDocument["info"] {
  const label = PRODUCT_LABELS.freshservice;
  return {
    title: `${label} triage service`,
    version: packageJson.version,
    summary: `Triages ${label} tickets as they arrive and serves a ${label} tool server over MCP.`,
    description: [
      "A Workflow Automator web request posts each raised ticket to the webhook; a worker decides its category path,",
      "urgency, impact, priority, agent group and type, applies what held-out history measured as precise enough and",
      "writes one private note. Operators can re-run triage and read what it did; MCP clients get the same",
      `${label} tools the workers use. Errors always have the body`,
      `\`{"error": {"code", "message", "details"?}}\`, except the sandbox's, which mimic ${label}'s.`,
    ].join(" "),
  };
}
