import { Hono } from "hono";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createFreshdeskClient,
  FreshdeskApiError,
  FreshdeskAuthError,
  type FreshdeskClient,
  FreshdeskInvalidResponseError,
  FreshdeskNotFoundError,
  FreshdeskServerError,
  FreshdeskValidationError,
} from "../../src/freshdesk/index.ts";
import { silentLogger } from "../../src/logger.ts";
import { toolErrorResult } from "../../src/mcp/error-boundary.ts";
import { serveApp } from "./support/serve-app.ts";
import { bodies, ticket } from "./support/wire-bodies.ts";

/** Each ticket id answers with one recorded Freshdesk failure. */
const app = new Hono();
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
app.put("/api/v2/tickets/400", () => json(400, bodies.statusDatatypeMismatch));
app.post("/api/v2/contacts", () => json(409, bodies.duplicateEmail));
app.get("/api/v2/tickets/401", () => json(401, bodies.invalidCredentials));
app.get("/api/v2/tickets/403", () => json(403, bodies.accessDenied));
app.get(
  "/api/v2/tickets/404",
  () => new Response(null, { status: 404, headers: { "x-request-id": "req-404" } }),
);
app.get("/api/v2/tickets/415", () => json(400, bodies.invalidJson));
app.post("/api/v2/tickets", () => json(500, bodies.serverError));
app.get(
  "/api/v2/tickets/502",
  () =>
    new Response("<html><body><h1>502 Bad Gateway</h1><script>alert(1)</script></body></html>", {
      status: 502,
      headers: { "content-type": "text/html" },
    }),
);
// Answers that echo the credentials back, as a misconfigured proxy or a debug page might.
const API_KEY = "Ab12Cd34Ef56Gh78Ij90";
const BASIC = Buffer.from(`${API_KEY}:X`).toString("base64");
app.put("/api/v2/tickets/418", () =>
  json(400, {
    description: "Validation failed",
    errors: [{ field: "api_key", message: `The key ${API_KEY} is not allowed here`, code: "invalid_value" }],
  }),
);
app.get("/api/v2/tickets/419", () =>
  json(401, { code: "invalid_credentials", message: `Rejected header Authorization: Basic ${BASIC}` }),
);
app.get(
  "/api/v2/tickets/420",
  () =>
    new Response(`<html>upstream said: {"authorization":"Bearer ${API_KEY}"} api_key=${API_KEY}</html>`, {
      status: 400,
    }),
);
app.get("/api/v2/tickets/7", () => json(200, { ...ticket(7), status: "open" }));
app.get("/api/v2/tickets/8", () => new Response("<html>maintenance</html>", { status: 200 }));
app.get("/api/v2/tickets/9", () => json(200, { ...ticket(9), brand_new_field: { nested: true } }));

let server: Awaited<ReturnType<typeof serveApp>>;
let client: FreshdeskClient;

beforeAll(async () => {
  server = await serveApp(app);
  client = createFreshdeskClient({ baseUrl: server.baseUrl, apiKey: "k", maxRetries: 0 });
});
afterAll(() => server.close());

async function failure(promise: Promise<unknown>): Promise<FreshdeskApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FreshdeskApiError);
  return error as FreshdeskApiError;
}

describe("Freshdesk error bodies become typed errors", () => {
  it("keeps shape A field errors of a 400 and shows Freshdesk's message", async () => {
    const error = await failure(client.tickets.update(400, { status: 2 }));
    expect(error).toBeInstanceOf(FreshdeskValidationError);
    expect(error.status).toBe(400);
    expect(error.method).toBe("PUT");
    expect(error.path).toBe("/tickets/400");
    expect(error.fieldErrors).toEqual([
      {
        field: "status",
        message: "Value set is of type String.It should be one of these values: '2,3,4,5,6,7'",
        code: "datatype_mismatch",
      },
    ]);
    expect(error.message).toContain("status: Value set is of type String");
    expect(error.body).toEqual(bodies.statusDatatypeMismatch);
    expect(error.details).toEqual({ fieldErrors: error.fieldErrors });
  });

  it("reports a 409 duplicate as a conflict", async () => {
    const error = await failure(client.contacts.create({ name: "Ann", email: "ann@example.com" }));
    expect(error).toBeInstanceOf(FreshdeskValidationError);
    expect(error.status).toBe(409);
    expect(error.code).toBe("freshdesk_conflict");
    expect(error.message).toContain("email: It should be a unique value");
  });

  it("maps 401 and 403 shape B bodies to auth errors with Freshdesk's code", async () => {
    const unauthorized = await failure(client.tickets.get(401));
    expect(unauthorized).toBeInstanceOf(FreshdeskAuthError);
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.freshdeskCode).toBe("invalid_credentials");
    expect(unauthorized.message).toContain("You have to be logged in to perform this action.");

    const forbidden = await failure(client.tickets.get(403));
    expect(forbidden).toBeInstanceOf(FreshdeskAuthError);
    expect(forbidden.status).toBe(403);
    expect(forbidden.freshdeskCode).toBe("access_denied");
  });

  it("maps an empty 404 to not found and keeps the request id", async () => {
    const error = await failure(client.tickets.get(404));
    expect(error).toBeInstanceOf(FreshdeskNotFoundError);
    expect(error.requestId).toBe("req-404");
    expect(error.body).toBeUndefined();
  });

  it("uses the message of a request-level shape B 400", async () => {
    const error = await failure(client.tickets.get(415));
    expect(error).toBeInstanceOf(FreshdeskValidationError);
    expect(error.freshdeskCode).toBe("invalid_json");
    expect(error.message).toContain("Request body has invalid json format");
  });

  it("maps a 500 to a server error without retrying a POST", async () => {
    const error = await failure(client.tickets.create({ subject: "x", email: "a@example.com" }));
    expect(error).toBeInstanceOf(FreshdeskServerError);
    expect(error.status).toBe(500);
    expect(error.body).toEqual(bodies.serverError);
  });

  it("never puts an HTML error page into the message", async () => {
    const error = await failure(client.tickets.get(502));
    expect(error).toBeInstanceOf(FreshdeskServerError);
    expect(error.message).not.toMatch(/[<>]|script|Bad Gateway/);
  });
});

describe("response validation", () => {
  it("rejects a body of the wrong shape with the failing path", async () => {
    const error = await failure(client.tickets.get(7));
    expect(error).toBeInstanceOf(FreshdeskInvalidResponseError);
    expect((error as FreshdeskInvalidResponseError).issues[0]).toMatch(/^status:/);
  });

  it("rejects a 200 that is not JSON", async () => {
    const error = await failure(client.tickets.get(8));
    expect(error).toBeInstanceOf(FreshdeskInvalidResponseError);
    expect(error.message).not.toContain("<html>");
  });

  it("tolerates keys it does not know", async () => {
    const result = await client.tickets.get(9);
    expect(result.id).toBe(9);
    expect(result).not.toHaveProperty("brand_new_field");
  });
});

describe("credentials in Freshdesk's error text", () => {
  it("are cut out of the message, the field errors, the kept body and the logs", async () => {
    const keyed = createFreshdeskClient({ baseUrl: server.baseUrl, apiKey: API_KEY, maxRetries: 0 });
    const errors = [
      await failure(keyed.tickets.update(418, { status: 2 })),
      await failure(keyed.tickets.get(419)),
      await failure(keyed.tickets.get(420)),
    ];
    const lines: string[] = [];
    const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(line) });
    for (const error of errors) logger.error({ err: error }, "Freshdesk call failed");
    const seen = [
      ...errors.map((e) => `${e.message} ${JSON.stringify(e.body)} ${JSON.stringify(e.fieldErrors)}`),
      ...errors.map((e) => JSON.stringify(toolErrorResult(e, "get_ticket", silentLogger()))),
      ...lines,
    ];
    for (const text of seen) {
      expect(text).not.toContain(API_KEY);
      expect(text).not.toContain(BASIC);
    }
    expect(errors[0]?.message).toContain("api_key: The key [redacted] is not allowed here");
    expect(errors[1]?.message).toContain("Authorization: [redacted]");
    expect(errors[2]?.message).toContain("Freshdesk rejected the request");
  });
});
