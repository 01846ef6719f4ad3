// The API document of a Freshservice deployment: its webhook (`POST /webhooks/freshservice`) in
// place of Freshdesk's, checked as a document and against a running Freshservice service.
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { namedSchemas } from "../../src/openapi/components.ts";
import { buildOpenApiDocument } from "../../src/openapi/document.ts";
import type { JsonSchema, OpenApiDocument } from "../../src/openapi/types.ts";
import { parseFreshserviceWebhookPayload } from "../../src/routes/freshservice-webhook-payload.ts";
import { startTestService, type TestService, WEBHOOK_SECRET } from "../support/service.ts";
import { documentedOperations, undocumentedRoutes, unmountedOperations } from "./route-coverage.ts";

const doc = buildOpenApiDocument({ product: "freshservice" });
const operation = doc.paths["/webhooks/freshservice"]?.post;

describe("the OpenAPI document of a Freshservice deployment", () => {
  it("validates against the OpenAPI 3.1 schema", async () => {
    const result = await new Validator().validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("lists the Freshservice webhook and not Freshdesk's; a Freshdesk document the other way round", () => {
    const webhooks = (d: OpenApiDocument) =>
      Object.keys(d.paths).filter((path) => path.startsWith("/webhooks/"));
    expect(webhooks(doc)).toEqual(["/webhooks/freshservice"]);
    expect(webhooks(buildOpenApiDocument())).toEqual(["/webhooks/freshdesk"]);
    expect(webhooks(buildOpenApiDocument({ product: "freshdesk" }))).toEqual(["/webhooks/freshdesk"]);
    // Each document carries its own product's body schema only.
    expect(Object.keys(doc.components.schemas)).toContain("FreshserviceWebhookPayload");
    expect(Object.keys(doc.components.schemas)).not.toContain("WebhookSimplePayload");
    expect(Object.keys(buildOpenApiDocument().components.schemas)).not.toContain(
      "FreshserviceWebhookPayload",
    );
    expect(doc.info.title).toBe("Freshservice triage service");
    expect(doc.tags.find((tag) => tag.name === "Webhooks")?.description).toMatch(/Workflow Automator/);
  });

  it("describes the operation like the Freshdesk webhook: secret header or Basic, 202/400/401/413/415/503", () => {
    expect(operation).toBeDefined();
    expect(operation!.operationId).toBe("receiveFreshserviceWebhook");
    expect(operation!.description).toMatch(/Freshservice/);
    expect(operation!.security).toEqual([{ webhookToken: [] }, { webhookBasic: [] }]);
    expect(Object.keys(operation!.responses).sort()).toEqual(["202", "400", "401", "413", "415", "503"]);
    expect(operation!.responses["202"]!.content!["application/json"]!.schema).toEqual({
      $ref: "#/components/schemas/WebhookAccepted",
    });
  });

  it("names ticket_id (number or string), event and every hint field the parser reads", () => {
    const body = doc.components.schemas.FreshserviceWebhookPayload as {
      required: string[];
      properties: Record<string, JsonSchema>;
    };
    expect(body.required).toEqual(["ticket_id"]);
    const ticketId = JSON.stringify(body.properties.ticket_id);
    expect(ticketId).toContain('"integer"');
    expect(ticketId).toContain('"string"');
    expect(body.properties.event).toMatchObject({ enum: ["created", "updated"] });
    // Every documented hint key reaches the job's hint, so the list cannot name a key the parser drops.
    const hints = Object.keys(body.properties).filter((key) => key !== "ticket_id" && key !== "event");
    expect(hints.length).toBeGreaterThan(15);
    const sample = Object.fromEntries(hints.map((key) => [key, "x"]));
    const parsed = parseFreshserviceWebhookPayload({ ticket_id: 7, ...sample });
    expect(Object.keys(parsed.hint ?? {}).sort()).toEqual(hints.sort());
  });

  it("has examples the route's parser accepts, and the documented schema agrees with it on good and bad bodies", () => {
    const media = operation!.requestBody!.content["application/json"]!;
    expect(parseFreshserviceWebhookPayload(media.example)).toMatchObject({
      ticketId: 1042,
      event: "created",
    });
    const schema = namedSchemas.FreshserviceWebhookPayload;
    for (const example of (doc.components.schemas.FreshserviceWebhookPayload as { examples: unknown[] })
      .examples) {
      expect(schema.safeParse(example).success).toBe(true);
      expect(parseFreshserviceWebhookPayload(example).ticketId).toBe(1042);
    }
    const good = [{ ticket_id: "#INC-42" }, { ticket_id: "sr-42", event: "updated", priority: "High" }];
    for (const body of good) {
      expect(schema.safeParse(body).success, JSON.stringify(body)).toBe(true);
      expect(parseFreshserviceWebhookPayload(body).ticketId).toBe(42);
    }
    const bad = [
      {},
      { ticket_id: "12abc" },
      { ticket_id: 0 },
      { ticket_id: 5, event: "deleted" },
      { ticket_id: 5, x: {} },
    ];
    for (const body of bad) {
      expect(schema.safeParse(body).success, JSON.stringify(body)).toBe(false);
      expect(() => parseFreshserviceWebhookPayload(body), JSON.stringify(body)).toThrow(
        /Invalid webhook payload/,
      );
    }
  });
});

describe("/openapi.json and /docs served by a Freshservice deployment", () => {
  let svc: TestService;
  let served: OpenApiDocument;
  beforeAll(async () => {
    svc = await startTestService({ SANDBOX_PRODUCT: "freshservice" });
    served = (await (await fetch(`${svc.url}/openapi.json`)).json()) as OpenApiDocument;
  }, 60_000);
  afterAll(async () => svc?.stop());

  it("describes exactly the routes the service mounts", () => {
    const routes = svc.service.app!.routes.map(({ method, path }) => ({ method, path }));
    expect(undocumentedRoutes(routes, served)).toEqual([]);
    expect(unmountedOperations(routes, served)).toEqual([]);
    expect(served.paths["/webhooks/freshservice"]).toBeDefined();
    expect(served.paths["/webhooks/freshdesk"]).toBeUndefined();
    expect(served.tags.find((tag) => tag.name === "Sandbox")?.description).toMatch(/Freshservice v2/);
  });

  it("answers the webhook called as documented with 202 and the documented body", async () => {
    const documented = served.paths["/webhooks/freshservice"]!.post!;
    const created = await svc.freshdesk<{ ticket: { id: number } }>("POST", "/tickets", {
      subject: "VPN drops every few minutes",
      description: "Since this morning the VPN disconnects.",
      email: "dana@example.com",
      priority: 2,
      status: 2,
    });
    const example = documented.requestBody!.content["application/json"]!.example as Record<string, unknown>;
    const response = await fetch(`${svc.url}/webhooks/freshservice`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Webhook-Token": WEBHOOK_SECRET },
      body: JSON.stringify({ ...example, ticket_id: created.ticket.id }),
    });
    expect(response.status).toBe(202);
    const body: unknown = await response.json();
    expect(namedSchemas.WebhookAccepted.parse(body)).toEqual(body);
    expect(body).toMatchObject({ ticketId: created.ticket.id });
    const wrong = await fetch(`${svc.url}/webhooks/freshservice`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Webhook-Token": "wrong" },
      body: JSON.stringify(example),
    });
    expect(Object.keys(documented.responses)).toContain(String(wrong.status));
    expect(wrong.status).toBe(401);
  });

  it("lists the Freshservice webhook on the docs page", async () => {
    const page = await (await fetch(`${svc.url}/docs`)).text();
    for (const { path } of documentedOperations(served)) expect(page, path).toContain(`<code>${path}</code>`);
    expect(page).toContain("<code>/webhooks/freshservice</code>");
    expect(page).toContain("receiveFreshserviceWebhook");
    expect(page).not.toContain("receiveFreshdeskWebhook");
  });
});
