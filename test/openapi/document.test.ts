import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { namedSchemas } from "../../src/openapi/components.ts";
import { buildOpenApiDocument } from "../../src/openapi/document.ts";
import { COMPONENT_PREFIX } from "../../src/openapi/json-schema.ts";
import type { JsonSchema } from "../../src/openapi/types.ts";
import { parseWebhookPayload } from "../../src/routes/webhook-payload.ts";
import {
  documentedOperations,
  toOpenApiPath,
  undocumentedRoutes,
  unmountedOperations,
} from "./route-coverage.ts";

const doc = buildOpenApiDocument();

function collectRefs(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) for (const item of value) collectRefs(item, into);
  else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if (key === "$ref" && typeof inner === "string") into.add(inner);
      else collectRefs(inner, into);
    }
  }
  return into;
}

describe("the OpenAPI document", () => {
  it("validates against the OpenAPI 3.1 schema", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("is rejected by the same validator when it is broken, so the check above means something", async () => {
    const broken = structuredClone(doc);
    // A Swagger 2.0 habit: OpenAPI 3.x has no body parameters.
    broken.paths["/tickets/{id}/triage"]!.get!.parameters![0]!.in = "body" as "path";
    const result = await new Validator().validate(broken);
    expect(result.valid).toBe(false);
  });

  it("resolves every schema reference to a component, and has no dialect or id left inside components", () => {
    const names = new Set(Object.keys(doc.components.schemas));
    for (const ref of collectRefs(doc)) {
      expect(ref.startsWith(COMPONENT_PREFIX), ref).toBe(true);
      expect(names.has(ref.slice(COMPONENT_PREFIX.length)), ref).toBe(true);
    }
    for (const schema of Object.values(doc.components.schemas)) {
      expect(schema).not.toHaveProperty("$schema");
      expect(schema).not.toHaveProperty("$id");
    }
  });

  it("gives every operation a unique id, known tags, known security schemes and its path parameters", () => {
    const tags = new Set(doc.tags.map((tag) => tag.name));
    const schemes = new Set(Object.keys(doc.components.securitySchemes));
    const ids = new Set<string>();
    for (const { method, path } of documentedOperations(doc)) {
      const operation = doc.paths[path]![method.toLowerCase() as "get"]!;
      expect(ids.has(operation.operationId), operation.operationId).toBe(false);
      ids.add(operation.operationId);
      for (const tag of operation.tags) expect(tags.has(tag), `${path}: ${tag}`).toBe(true);
      expect(operation.security, `${method} ${path} states its auth`).toBeDefined();
      for (const requirement of operation.security ?? []) {
        for (const scheme of Object.keys(requirement)) expect(schemes.has(scheme), scheme).toBe(true);
      }
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const declared = (operation.parameters ?? [])
        .filter((p) => p.in === "path")
        .map((p) => p.name)
        .sort();
      expect(declared, `${method} ${path}`).toEqual(templated);
    }
  });

  it("converts request schemas as their input and response schemas as their output", () => {
    // The ticket id is a string of digits on the wire, even though the route turns it into a number.
    expect(doc.components.schemas.TicketId).toMatchObject({ type: "string", pattern: "^\\d{1,15}$" });
    // `count` has a default, so a client may leave it out.
    expect(doc.components.schemas.AuditCount).toMatchObject({ type: "integer", default: 100 });
    const report = doc.components.schemas.TriageReport as { properties: Record<string, JsonSchema> };
    expect(report.properties.history).toEqual(
      expect.objectContaining({ type: "array", items: { $ref: `${COMPONENT_PREFIX}TriageRun` } }),
    );
  });

  it("has examples the routes' own schemas accept", () => {
    const webhook = doc.paths["/webhooks/freshdesk"]!.post!.requestBody!.content["application/json"]!;
    expect(parseWebhookPayload(webhook.example)).toMatchObject({ event: "created", ticketId: 1042 });
    const flat = doc.components.schemas.WebhookFlatPayload as { examples: unknown[] };
    expect(parseWebhookPayload(flat.examples[0])).toMatchObject({ ticketId: 1042, event: "created" });
    const reprocess = doc.paths["/tickets/{id}/reprocess"]!.post!.requestBody!.content["application/json"]!;
    expect(namedSchemas.ReprocessRequest.safeParse(reprocess.example).success).toBe(true);
    const mcp = doc.paths["/mcp"]!.post!.requestBody!.content["application/json"]!;
    expect(namedSchemas.JsonRpcMessage.safeParse(mcp.example).success).toBe(true);
  });

  it("leaves the sandbox out when a real Freshdesk is configured", () => {
    const real = buildOpenApiDocument({ includeSandbox: false });
    expect(Object.keys(real.paths).filter((path) => path.startsWith("/sandbox"))).toEqual([]);
    expect(real.tags.map((tag) => tag.name)).not.toContain("Sandbox");
    expect(Object.keys(doc.paths)).toContain("/sandbox/api/v2/tickets");
  });

  it("names the public URL as its server only when one is configured", () => {
    expect(doc.servers).toBeUndefined();
    expect(buildOpenApiDocument({ serverUrl: "https://triage.example.com" }).servers).toEqual([
      { url: "https://triage.example.com" },
    ]);
  });
});

describe("route coverage", () => {
  it("turns Hono paths into OpenAPI paths", () => {
    expect(toOpenApiPath("/tickets/:id/triage")).toBe("/tickets/{id}/triage");
    expect(toOpenApiPath("/files/:id{[0-9]+}/:name")).toBe("/files/{id}/{name}");
    expect(toOpenApiPath("/mcp/")).toBe("/mcp");
    expect(toOpenApiPath("/")).toBe("/");
  });

  it("reports a mounted route the document lacks, and a documented one nothing serves", () => {
    const routes = [
      { method: "GET", path: "/healthz" },
      { method: "ALL", path: "/admin/*" },
      { method: "GET", path: "/admin/audit" },
      { method: "DELETE", path: "/tickets/:id/triage" },
      { method: "ALL", path: "/sandbox/*" },
      { method: "GET", path: "/admin/queues/api/queues" },
    ];
    expect(undocumentedRoutes(routes, doc)).toEqual([{ method: "DELETE", path: "/tickets/{id}/triage" }]);
    const unmounted = unmountedOperations(routes, doc).map((op) => `${op.method} ${op.path}`);
    expect(unmounted).toContain("POST /webhooks/freshdesk");
    expect(unmounted).not.toContain("GET /healthz");
    expect(unmounted).not.toContain("GET /sandbox/api/v2/tickets");
    expect(unmounted).not.toContain("GET /admin/queues");
  });
});
