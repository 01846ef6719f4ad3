import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { namedSchemas, type SchemaName } from "../../src/openapi/components.ts";
import { COMPONENT_PREFIX } from "../../src/openapi/json-schema.ts";
import type { OpenApiDocument, Operation } from "../../src/openapi/types.ts";
import { ADMIN_TOKEN, startTestService, type TestService, WEBHOOK_SECRET } from "../support/service.ts";
import { documentedOperations, undocumentedRoutes, unmountedOperations } from "./route-coverage.ts";

let svc: TestService;
let doc: OpenApiDocument;
let ticketId: number;

beforeAll(async () => {
  svc = await startTestService();
  ticketId = (await svc.createTicket("Refund for a double charge", "I was charged twice for my plan.")).id;
  await svc.fireWebhook(ticketId);
  await svc.queueIdle();
  doc = (await (await fetch(`${svc.url}/openapi.json`)).json()) as OpenApiDocument;
}, 60_000);

afterAll(async () => {
  await svc?.stop();
});

/** What each operation answers when called as the document shows, with an admin's credentials. */
const EXPECTED_STATUS: Record<string, number> = {
  receiveFreshdeskWebhook: 202,
  reprocessTicket: 202,
  getTriageReport: 200,
  listAuditEntries: 200,
  getQuality: 200,
  mcpMessage: 200,
  mcpStreamNotSupported: 405,
  mcpSessionDeleteNotSupported: 405,
  oauthProtectedResource: 200,
  oauthProtectedResourceForMcp: 200,
  oauthAuthorizationServer: 200,
  oauthAuthorizationServerForMcp: 200,
  oauthAuthorize: 400,
  oauthConsent: 403,
  oauthToken: 401,
  oauthRegister: 201,
  oauthRevoke: 401,
  oauthPersonSignIns: 200,
  oauthRevokePerson: 200,
  oauthRevokeClient: 200,
  liveness: 200,
  readiness: 200,
  metrics: 200,
  openApiDocument: 200,
  apiDocsPage: 200,
  activityPage: 200,
  activityReprocess: 303,
  loginPage: 200,
  login: 303,
  logout: 303,
  queueDashboard: 200,
  sandboxListTickets: 200,
  sandboxCreateTicket: 201,
  sandboxGetTicket: 200,
  sandboxUpdateTicket: 200,
  sandboxStats: 200,
  sandboxAgents: 200,
};

/** Credentials for the operation's first way in, as a client reading the document would send them. */
function credentials(operation: Operation): Record<string, string> {
  const scheme = Object.keys(operation.security?.[0] ?? {})[0];
  if (scheme === "bearerToken") return { Authorization: `Bearer ${ADMIN_TOKEN}` };
  if (scheme === "webhookToken") return { "X-Webhook-Token": WEBHOOK_SECRET };
  if (scheme === "sandboxBasic") {
    return { Authorization: `Basic ${Buffer.from(`${svc.config.sandbox.apiKey}:X`).toString("base64")}` };
  }
  return {};
}

/** The operation's documented example body, with a real token where the example has a placeholder. */
function exampleBody(operation: Operation): { headers: Record<string, string>; body?: string } {
  const [type, media] = Object.entries(operation.requestBody?.content ?? {})[0] ?? [];
  if (!type || media?.example === undefined) return { headers: {} };
  if (type === "application/x-www-form-urlencoded") {
    const form = new URLSearchParams(media.example as Record<string, string>);
    if (form.has("token")) form.set("token", ADMIN_TOKEN);
    return { headers: { "Content-Type": type }, body: form.toString() };
  }
  return { headers: { "Content-Type": type }, body: JSON.stringify(media.example) };
}

function schemaNameOf(operation: Operation, status: string): SchemaName | undefined {
  const ref = operation.responses[status]?.content?.["application/json"]?.schema.$ref;
  return typeof ref === "string" ? (ref.slice(COMPONENT_PREFIX.length) as SchemaName) : undefined;
}

describe("the API document served by the running service", () => {
  it("is valid OpenAPI 3.1 at /openapi.json", async () => {
    const result = await new Validator().validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("describes every route the service mounts, and every operation it describes is mounted", () => {
    const routes = svc.service.app!.routes.map(({ method, path }) => ({ method, path }));
    expect(routes.length).toBeGreaterThan(10);
    expect(undocumentedRoutes(routes, doc)).toEqual([]);
    expect(unmountedOperations(routes, doc)).toEqual([]);
  });

  it("answers each operation, called as documented, with a documented status and body schema", async () => {
    const seen: string[] = [];
    for (const { method, path } of documentedOperations(doc)) {
      const operation = doc.paths[path]![method.toLowerCase() as "get"]!;
      const { headers, body } = exampleBody(operation);
      const pages = operation.tags.includes("Pages") ? { Origin: svc.url } : {};
      const response = await fetch(`${svc.url}${path.replace("{id}", String(ticketId))}`, {
        method,
        redirect: "manual",
        headers: {
          Accept: "application/json, text/event-stream",
          ...credentials(operation),
          ...pages,
          ...headers,
        },
        ...(body === undefined ? {} : { body }),
      });
      const expected = String(EXPECTED_STATUS[operation.operationId] ?? "(missing from EXPECTED_STATUS)");
      expect(Object.keys(operation.responses), operation.operationId).toContain(expected);
      const text = await response.text();
      expect(`${method} ${path} → ${response.status}`, text.slice(0, 300)).toBe(
        `${method} ${path} → ${expected}`,
      );
      const documented = operation.responses[expected]?.content ?? {};
      const type = response.headers.get("content-type") ?? "";
      if (Object.keys(documented).length > 0) {
        expect(
          Object.keys(documented).some((t) => type.startsWith(t)),
          `${path}: ${type}`,
        ).toBe(true);
      }
      const name = schemaNameOf(operation, expected);
      if (name) {
        const value: unknown = JSON.parse(text);
        const parsed = namedSchemas[name].safeParse(value);
        expect(parsed.error, `${method} ${path} as ${name}`).toBeUndefined();
        // zod drops keys it does not know, so equality means the body has nothing undocumented.
        if (name !== "JsonRpcMessage") expect(parsed.data, `${method} ${path} as ${name}`).toEqual(value);
      }
      seen.push(operation.operationId);
    }
    expect(seen.sort()).toEqual(Object.keys(EXPECTED_STATUS).sort());
  });

  it("sends errors with the documented error body", async () => {
    const response = await fetch(`${svc.url}/tickets/${ticketId}/triage`);
    expect(response.status).toBe(401);
    const body: unknown = await response.json();
    expect(namedSchemas.ErrorBody.parse(body)).toEqual(body);
  });

  it("renders a self-contained docs page listing every operation", async () => {
    const response = await fetch(`${svc.url}/docs`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    const page = await response.text();
    expect(page).not.toMatch(/<script|https?:\/\/(?!json-schema\.org)[^"\s]*\.(js|css)/);
    for (const { path } of documentedOperations(doc)) {
      const operation = Object.values(doc.paths[path]!).find((v) => typeof v === "object");
      expect(page, path).toContain(`<code>${path}</code>`);
      expect(operation).toBeDefined();
    }
    for (const name of Object.keys(doc.components.schemas)) expect(page).toContain(`id="schema-${name}"`);
  });
});
