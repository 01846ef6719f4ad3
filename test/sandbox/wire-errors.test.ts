import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SandboxServer, startSandboxServer } from "../support/sandbox-server.ts";
import { sandboxClient } from "./sandbox-client.ts";

const INVALID_QUERY =
  `Given query is invalid, expected format "keyword:value  OPERATOR keyword:'string' OPERATOR ` +
  `keyword:>'yyyy-mm-dd' OPERATOR keyword:<integer". Space is mandatory between key/value pair and ` +
  "operator. Please check the paranthesis if there are any.";

let server: SandboxServer;
let call: ReturnType<typeof sandboxClient>;

beforeAll(async () => {
  server = await startSandboxServer();
  call = sandboxClient(server);
});
afterAll(() => server.close());

describe("sandbox error bodies", () => {
  it("rejects missing or wrong credentials with invalid_credentials", async () => {
    for (const headers of [{ Authorization: "" }, { Authorization: `Basic ${btoa("wrong-key:X")}` }]) {
      const response = await call("GET", "/api/v2/tickets", { headers });
      expect(response.status).toBe(401);
      expect(response.json).toEqual({
        code: "invalid_credentials",
        message: "You have to be logged in to perform this action.",
      });
    }
  });

  it("accepts any password with the right key", async () => {
    const response = await call("GET", "/api/v2/agents/me", {
      headers: { Authorization: `Basic ${btoa(`${server.apiKey}:anything`)}` },
    });
    expect(response.status).toBe(200);
  });

  it("answers invalid JSON with invalid_json", async () => {
    const response = await call("POST", "/api/v2/tickets", {
      raw: '{"subject": ',
      headers: { "Content-Type": "application/json" },
    });
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ code: "invalid_json", message: "Request body has invalid json format" });
  });

  it("answers a wrong content type with 415", async () => {
    const response = await call("POST", "/api/v2/tickets", {
      raw: "subject=hello",
      headers: { "Content-Type": "text/plain" },
    });
    expect(response.status).toBe(415);
    expect(response.json).toEqual({
      code: "invalid_content_type",
      message: "Content-Type header is set to text/plain. It should be set to application/json",
    });
  });

  it("answers an unacceptable Accept header with 406", async () => {
    const response = await call("GET", "/api/v2/tickets", { headers: { Accept: "text/html" } });
    expect(response.status).toBe(406);
    expect(response.json).toEqual({
      code: "invalid_accept_header",
      message: "Accept header is set to text/html. It should have application/json or */*",
    });
  });

  it("reports wrong types and unknown fields together, in request order, in validation shape A", async () => {
    const response = await call("POST", "/api/v2/tickets", {
      body: { email: "someone@example.com", subject: "Hi", status: "2", priority: 9, group: 1 },
    });
    expect(response.status).toBe(400);
    expect(response.json).toEqual({
      description: "Validation failed",
      errors: [
        {
          field: "status",
          message: "Value set is of type String.It should be one of these values: '2,3,4,5,6,7'",
          code: "datatype_mismatch",
        },
        { field: "priority", message: "It should be one of these values: '1,2,3,4'", code: "invalid_value" },
        { field: "group", message: "Unexpected/invalid field in request", code: "invalid_field" },
      ],
    });
  });

  it("names the missing requester", async () => {
    const response = await call("POST", "/api/v2/tickets", { body: { subject: "No one asked" } });
    expect(response.status).toBe(400);
    expect(response.json).toEqual({
      description: "Validation failed",
      errors: [
        {
          field: "requester_id",
          message: "Please fill at least 1 of requester_id, phone, email, twitter_id, facebook_id fields",
          code: "missing_field",
        },
      ],
    });
  });

  it("rejects an empty update with missing_params", async () => {
    const response = await call("PUT", "/api/v2/tickets/2", { body: {} });
    expect(response.status).toBe(400);
    expect(response.json).toEqual({
      code: "missing_params",
      message: "Your update call does not have any parameter. Atleast one parameter is required.",
    });
  });

  it("caps per_page at 100 with Freshdesk's message", async () => {
    const response = await call("GET", "/api/v2/tickets?per_page=500");
    expect(response.status).toBe(400);
    expect(response.json).toEqual({
      description: "Validation failed",
      errors: [
        {
          field: "per_page",
          message: "It should be a Positive Integer less than or equal to 100",
          code: "datatype_mismatch",
        },
      ],
    });
  });

  it("rejects unknown list parameters with invalid_field", async () => {
    const response = await call("GET", "/api/v2/tickets?status=2");
    expect(response.status).toBe(400);
    expect(response.json).toEqual({
      description: "Validation failed",
      errors: [{ field: "status", message: "Unexpected/invalid field in request", code: "invalid_field" }],
    });
  });

  it("rejects an unquoted search query with the verbatim message", async () => {
    const response = await call("GET", "/api/v2/search/tickets?query=priority:3");
    expect(response.status).toBe(400);
    expect(response.json).toEqual({
      description: "Validation failed",
      errors: [{ field: "query", message: INVALID_QUERY, code: "invalid_value" }],
    });
    expect(response.headers.get("link")).toBeNull();
  });

  it("answers a known path with the wrong method with 405 and Allow", async () => {
    const response = await call("PATCH", "/api/v2/tickets/1", { body: { priority: 2 } });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, PUT, DELETE");
    expect(response.json).toEqual({
      message: "PATCH method is not allowed. It should be one of these method(s): GET, PUT, DELETE",
    });
  });

  it("answers unknown ids and routes with an empty 404 not labelled as JSON", async () => {
    for (const path of ["/api/v2/tickets/99999", "/api/v2/no_such_thing"]) {
      const response = await call("GET", path);
      expect(response.status).toBe(404);
      expect(response.text).toBe("");
      expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    }
  });

  it("answers a duplicate contact email with 409 duplicate_value", async () => {
    const first = await call("POST", "/api/v2/contacts", { body: { name: "Ada", email: "ada@example.com" } });
    expect(first.status).toBe(201);
    const second = await call("POST", "/api/v2/contacts", {
      body: { name: "Ada 2", email: "ADA@example.com" },
    });
    expect(second.status).toBe(409);
    expect(second.json).toEqual({
      description: "Validation failed",
      errors: [
        {
          field: "email",
          message: "It should be a unique value",
          code: "duplicate_value",
          additional_info: { user_id: (first.json as { id: number }).id },
        },
      ],
    });
  });

  it("sends the standard headers on every response", async () => {
    for (const path of ["/api/v2/tickets", "/api/v2/tickets/99999"]) {
      const response = await call("GET", path);
      expect(response.headers.get("x-freshdesk-api-version")).toBe("latest=v2; requested=v2");
      expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
      expect(Number(response.headers.get("x-ratelimit-total"))).toBeGreaterThan(0);
      expect(response.headers.get("x-ratelimit-remaining")).not.toBeNull();
      expect(response.headers.get("x-ratelimit-used-currentrequest")).toBe("1");
    }
  });
});

describe("sandbox 404 content type option", () => {
  it("labels the empty 404 as JSON when asked to", async () => {
    const jsonServer = await startSandboxServer({ notFoundContentType: "json" });
    try {
      const response = await sandboxClient(jsonServer)("GET", "/api/v2/tickets/99999");
      expect(response.status).toBe(404);
      expect(response.text).toBe("");
      expect(response.headers.get("content-type")).toBe("application/json");
    } finally {
      await jsonServer.close();
    }
  });
});
