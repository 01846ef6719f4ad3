// Reference §1 (base URL, auth, conventions), §8 (pagination) and §9 (errors), over raw HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type FreshserviceSandboxServer,
  startFreshserviceSandboxServer,
} from "../support/freshservice-sandbox-server.ts";
import { ticketBody, wireClient } from "./wire-client.ts";

let server: FreshserviceSandboxServer;
let call: ReturnType<typeof wireClient>;

beforeAll(async () => {
  server = await startFreshserviceSandboxServer({ prefix: "/sandbox" });
  call = wireClient(server);
});
afterAll(async () => server.close());

describe("§1 auth and conventions", () => {
  it("takes the API key as the Basic username with any password", async () => {
    const response = await fetch(`${server.baseUrl}/api/v2/tickets`, {
      headers: { Authorization: `Basic ${Buffer.from(`${server.apiKey}:anything`).toString("base64")}` },
    });
    expect(response.status).toBe(200);
  });

  it("answers 401 without a key or with a wrong one", async () => {
    expect((await fetch(`${server.baseUrl}/api/v2/tickets`)).status).toBe(401);
    const wrong = await wireClient(server, "not-the-key")("GET", "/tickets");
    expect(wrong.status).toBe(401);
    expect(wrong.json).toEqual({ code: "invalid_credentials", message: expect.any(String) });
  });

  it("refuses email + password logins with unsupported_authentication_type", async () => {
    const response = await wireClient(server, "agent@acme-corp.com")("GET", "/tickets");
    expect(response.status).toBe(401);
    expect(response.json.code).toBe("unsupported_authentication_type");
  });

  it("sends X-Freshservice-Api-Version on every response, errors included", async () => {
    const ok = await call("GET", "/tickets");
    const missing = await call("GET", "/tickets/999999");
    for (const response of [ok, missing]) {
      expect(response.headers.get("x-freshservice-api-version")).toBe("latest=v2; requested=v2");
    }
  });

  it("serves the API under any mount prefix", async () => {
    expect(server.baseUrl.endsWith("/sandbox")).toBe(true);
    const response = await call("GET", "/ticket_form_fields");
    expect(response.status).toBe(200);
  });

  it("writes blank fields as null, never omits them, and stamps UTC seconds", async () => {
    const created = await call("POST", "/tickets", { body: ticketBody() });
    const ticket = created.json.ticket;
    for (const key of [
      "group_id",
      "responder_id",
      "category",
      "sub_category",
      "item_category",
      "resolution_notes",
      "approval_status",
    ]) {
      expect(ticket).toHaveProperty(key, null);
    }
    expect(ticket.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(ticket.due_by).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it("answers POST with 201 and a Location header naming the new record", async () => {
    const created = await call("POST", "/tickets", { body: ticketBody() });
    expect(created.status).toBe(201);
    expect(created.headers.get("location")).toBe(
      `${server.baseUrl}/api/v2/tickets/${created.json.ticket.id}`,
    );
    const again = await fetch(created.headers.get("location") as string, {
      headers: { Authorization: `Basic ${Buffer.from(`${server.apiKey}:X`).toString("base64")}` },
    });
    expect(((await again.json()) as { ticket: { id: number } }).ticket.id).toBe(created.json.ticket.id);
  });
});

describe("§8 pagination", () => {
  it("pages with per_page and sends Link rel=next only while more rows exist", async () => {
    for (let i = 0; i < 3; i++) await call("POST", "/tickets", { body: ticketBody() });
    const all = (await call("GET", "/tickets?per_page=100")).json.tickets.length;
    const first = await call("GET", `/tickets?per_page=${all - 1}`);
    expect(first.json.tickets).toHaveLength(all - 1);
    expect(first.headers.get("link")).toMatch(/^<.*[?&]page=2.*>; rel="next"$/);
    const last = await call("GET", `/tickets?per_page=${all - 1}&page=2`);
    expect(last.json.tickets).toHaveLength(1);
    expect(last.headers.get("link")).toBeNull();
  });

  it("refuses per_page over 100", async () => {
    const response = await call("GET", "/tickets?per_page=101");
    expect(response.status).toBe(400);
    expect(response.json.errors[0].field).toBe("per_page");
  });
});

describe("§9 errors", () => {
  it("answers 400 with {description, errors[{field, message, code}]}", async () => {
    const response = await call("POST", "/tickets", { body: ticketBody({ status: 9, urgency: "high" }) });
    expect(response.status).toBe(400);
    expect(response.json.description).toBe("Validation failed");
    expect(response.json.errors).toEqual(
      expect.arrayContaining([
        { field: "status", message: expect.stringContaining("2,3,4,5"), code: "invalid_value" },
        { field: "urgency", message: expect.any(String), code: "datatype_mismatch" },
      ]),
    );
  });

  it("answers 404 for an unknown id, 405 with Allow for a wrong verb", async () => {
    expect((await call("GET", "/tickets/987654")).status).toBe(404);
    const wrongVerb = await call("PUT", "/tickets", { body: { status: 2 } });
    expect(wrongVerb.status).toBe(405);
    expect(wrongVerb.headers.get("allow")).toContain("GET");
  });

  it("answers 406 for an Accept it cannot serve and 415 for a non-JSON body", async () => {
    expect((await call("GET", "/tickets", { headers: { Accept: "text/html" } })).status).toBe(406);
    const text = await call("POST", "/tickets", {
      raw: "subject=x",
      headers: { "Content-Type": "text/plain" },
    });
    expect(text.status).toBe(415);
  });

  it("answers invalid_json for a body that is not JSON", async () => {
    const response = await call("POST", "/tickets", {
      raw: "{",
      headers: { "Content-Type": "application/json" },
    });
    expect(response.status).toBe(400);
    expect(response.json.code).toBe("invalid_json");
  });
});
