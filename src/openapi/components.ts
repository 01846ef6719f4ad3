import { JSONRPCMessageSchema } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { errorBodySchema } from "../app.ts";
import { qualityReportSchema } from "../learning/quality.ts";
import type { AuditEntry } from "../mcp/audit.ts";
import type { Product } from "../product.ts";
import {
  fieldChangeSchema,
  fieldDecisionSchema,
  triageReportSchema,
  triageRunSchema,
} from "../queue/triage-results.ts";
import { auditCountSchema } from "../routes/admin.ts";
import { freshserviceWebhookBodySchema } from "../routes/freshservice-webhook-payload.ts";
import { livenessSchema, readinessSchema } from "../routes/health.ts";
import { SESSION_COOKIE } from "../routes/session.ts";
import { reprocessAcceptedSchema, reprocessBodySchema, ticketIdParamSchema } from "../routes/tickets.ts";
import {
  webhookAcceptedSchema,
  webhookFlatPayloadSchema,
  webhookSimplePayloadSchema,
} from "../routes/webhook-payload.ts";
import { componentSchemas } from "./json-schema.ts";
import type { SecurityScheme } from "./types.ts";

// The audit page is a plain TS type in its module; this schema is tied to it by `satisfies`, so
// the two cannot drift apart without the type check failing.
const auditEntrySchema = z.object({
  id: z.string().describe("The Redis stream id; ids sort by time."),
  at: z.string(),
  caller: z.string().describe("The token name that made the call."),
  tool: z.string(),
  args: z.record(z.string(), z.unknown()).describe("A summary of the arguments, never bodies."),
  outcome: z.enum(["ok", "error", "refused"]),
  code: z.string().optional().describe("The error code when the outcome is not ok."),
}) satisfies z.ZodType<AuditEntry>;
const auditPageSchema = z.object({ entries: z.array(auditEntrySchema).describe("Newest first.") });

/** Schemas that describe what clients send, converted as the input they are validated as. */
const requestSchemas = {
  WebhookFlatPayload: webhookFlatPayloadSchema,
  WebhookSimplePayload: webhookSimplePayloadSchema,
  FreshserviceWebhookPayload: freshserviceWebhookBodySchema,
  TicketId: ticketIdParamSchema,
  ReprocessRequest: reprocessBodySchema,
  AuditCount: auditCountSchema,
  JsonRpcMessage: JSONRPCMessageSchema,
};

/** Schemas of what the service answers. */
const responseSchemas = {
  ErrorBody: errorBodySchema,
  WebhookAccepted: webhookAcceptedSchema,
  ReprocessAccepted: reprocessAcceptedSchema,
  TriageRun: triageRunSchema,
  FieldChange: fieldChangeSchema,
  TriageReport: triageReportSchema,
  AuditEntry: auditEntrySchema,
  AuditPage: auditPageSchema,
  QualityReport: qualityReportSchema,
  FieldDecision: fieldDecisionSchema,
  Liveness: livenessSchema,
  Readiness: readinessSchema,
};

export type SchemaName = keyof typeof requestSchemas | keyof typeof responseSchemas;

/** The zod schema behind each component, for checking real traffic against the document. */
export const namedSchemas: Record<SchemaName, z.ZodType> = { ...requestSchemas, ...responseSchemas };

/** Webhook bodies of the other product, left out of a deployment's document (one product each). */
const OTHER_PRODUCTS_BODIES: Record<Product, SchemaName[]> = {
  freshdesk: ["FreshserviceWebhookPayload"],
  freshservice: ["WebhookFlatPayload", "WebhookSimplePayload"],
};

export function buildComponentSchemas(product: Product = "freshdesk") {
  const omitted = new Set<string>(OTHER_PRODUCTS_BODIES[product]);
  const requests = Object.fromEntries(Object.entries(requestSchemas).filter(([name]) => !omitted.has(name)));
  return componentSchemas(requests, responseSchemas);
}

export const securitySchemes = {
  webhookToken: {
    type: "apiKey",
    in: "header",
    name: "X-Webhook-Token",
    description: "The shared webhook secret (`WEBHOOK_SECRET`).",
  },
  webhookBasic: {
    type: "http",
    scheme: "basic",
    description:
      "HTTP Basic where the password is the webhook secret, or, in Freshdesk's API-key style, the username is.",
  },
  bearerToken: {
    type: "http",
    scheme: "bearer",
    description:
      "A token from `MCP_TOKENS`. Scopes are levels: `admin` includes `write`, which includes `read`; the roles listed on an operation are the least it needs.",
  },
  sessionCookie: {
    type: "apiKey",
    in: "cookie",
    name: SESSION_COOKIE,
    description:
      "The signed session the login form (`POST /login`) sets for a token; it carries that token's scopes. Pages only.",
  },
  metricsToken: {
    type: "http",
    scheme: "bearer",
    description: "`METRICS_TOKEN`, only when it is set; otherwise `/metrics` is open.",
  },
  sandboxBasic: {
    type: "http",
    scheme: "basic",
    description:
      "The sandbox's API key (`SANDBOX_API_KEY`, default `sandbox`) as the username, any password.",
  },
} satisfies Record<string, SecurityScheme>;

export type SecuritySchemeName = keyof typeof securitySchemes;
