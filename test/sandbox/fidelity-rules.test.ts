// Rules real Freshdesk enforces that clients (and the classifier) depend on: entity-decoded
// plain text with its line breaks, closure-required fields, unknown requester emails, unique
// company domains, sane due dates, and note HTML on the agent page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SandboxServer, startSandboxServer } from "../support/sandbox-server.ts";
import { sandboxClient } from "./sandbox-client.ts";

type Row = Record<string, unknown>;
type Failure = { description: string; errors: Row[] };

let server: SandboxServer;
let call: ReturnType<typeof sandboxClient>;

beforeAll(async () => {
  server = await startSandboxServer();
  call = sandboxClient(server);
});
afterAll(async () => server.close());

async function newTicket(extra: Row = {}): Promise<Row> {
  const response = await call("POST", "/api/v2/tickets", {
    body: { subject: "Help", description: "<p>Help</p>", email: "fidelity@example.com", ...extra },
  });
  expect(response.status, response.text).toBe(201);
  return response.json as Row;
}

const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

describe("plain-text twins of HTML bodies", () => {
  const html =
    "<div>It&#8217;s the caf&eacute; invoice &mdash; &quot;INV&#x2011;1&quot; &amp; more&hellip;</div>" +
    "<p>First paragraph<br>second line</p><ul><li>one</li><li>two</li></ul>";
  const text = 'It’s the café invoice — "INV‑1" & more…\nFirst paragraph\nsecond line\none\ntwo';

  it("decode every entity and keep a line per <br>, <p> and <li> in description_text", async () => {
    const ticket = await newTicket({ description: html });
    expect(ticket.description_text).toBe(text);
    const shown = await call("GET", `/api/v2/tickets/${ticket.id}`);
    expect((shown.json as Row).description_text).toBe(text);
  });

  it("do the same for a note's body_text", async () => {
    const ticket = await newTicket();
    const note = await call("POST", `/api/v2/tickets/${ticket.id}/notes`, { body: { body: html } });
    expect(note.status).toBe(201);
    expect((note.json as Row).body_text).toBe(text);
  });
});

describe("fields required for closure", () => {
  it("refuse resolving or closing while cf_product_area is empty, as a field error", async () => {
    const ticket = await newTicket();
    for (const status of [4, 5]) {
      const refused = await call("PUT", `/api/v2/tickets/${ticket.id}`, { body: { status } });
      expect(refused.status).toBe(400);
      const body = refused.json as Failure;
      expect(body.description).toBe("Validation failed");
      expect(body.errors).toEqual([
        expect.objectContaining({ field: "cf_product_area", code: "missing_field" }),
      ]);
    }
    const unchanged = await call("GET", `/api/v2/tickets/${ticket.id}`);
    expect((unchanged.json as Row).status).toBe(2);
  });

  it("let the ticket close once the field is set, in the same request or before", async () => {
    const ticket = await newTicket();
    const resolved = await call("PUT", `/api/v2/tickets/${ticket.id}`, {
      body: { status: 4, custom_fields: { cf_product_area: "Billing & Plans" } },
    });
    expect(resolved.status, resolved.text).toBe(200);
    const closed = await call("PUT", `/api/v2/tickets/${ticket.id}`, { body: { status: 5 } });
    expect(closed.status, closed.text).toBe(200);
    const emptied = await call("PUT", `/api/v2/tickets/${ticket.id}`, {
      body: { custom_fields: { cf_product_area: null } },
    });
    expect(emptied.status).toBe(400);
  });

  it("apply to a ticket created already resolved", async () => {
    const refused = await call("POST", "/api/v2/tickets", {
      body: { subject: "Done", description: "x", email: "fidelity@example.com", status: 4 },
    });
    expect(refused.status).toBe(400);
    expect((refused.json as Failure).errors).toEqual([expect.objectContaining({ field: "cf_product_area" })]);
  });
});

describe("GET /tickets?email=", () => {
  it("answers 400 when no contact has that address", async () => {
    const response = await call("GET", "/api/v2/tickets?email=nobody-at-all@example.com");
    expect(response.status).toBe(400);
    expect(response.json).toEqual({
      description: "Validation failed",
      errors: [
        { field: "email", message: "There is no contact matching the given email", code: "invalid_value" },
      ],
    });
  });

  it("still lists a known requester's tickets", async () => {
    const ticket = await newTicket({ email: "known-requester@example.com" });
    const response = await call("GET", "/api/v2/tickets?email=known-requester@example.com");
    expect(response.status).toBe(200);
    expect((response.json as Row[]).map((t) => t.id)).toEqual([ticket.id]);
  });
});

describe("company domains", () => {
  it("are unique: a second company claiming one gets 409 duplicate_value", async () => {
    const first = await call("POST", "/api/v2/companies", {
      body: { name: "Domain Owner", domains: ["owned.example"] },
    });
    expect(first.status).toBe(201);
    const second = await call("POST", "/api/v2/companies", {
      body: { name: "Domain Claimer", domains: ["other.example", "OWNED.example"] },
    });
    expect(second.status).toBe(409);
    expect((second.json as Failure).errors).toEqual([
      expect.objectContaining({
        field: "domains",
        code: "duplicate_value",
        message: "It should be a unique value",
      }),
    ]);
    const update = await call("POST", "/api/v2/companies", { body: { name: "Later", domains: [] } });
    const claimed = await call("PUT", `/api/v2/companies/${(update.json as Row).id}`, {
      body: { domains: ["owned.example"] },
    });
    expect(claimed.status).toBe(409);
    const own = await call("PUT", `/api/v2/companies/${(first.json as Row).id}`, {
      body: { domains: ["owned.example", "second.example"] },
    });
    expect(own.status, own.text).toBe(200);
  });
});

describe("due dates set by hand", () => {
  it("refuse a date in the past", async () => {
    const ticket = await newTicket();
    const response = await call("PUT", `/api/v2/tickets/${ticket.id}`, {
      body: { due_by: hoursFromNow(-2), fr_due_by: hoursFromNow(-3) },
    });
    expect(response.status).toBe(400);
    expect((response.json as Failure).errors).toEqual([
      expect.objectContaining({ field: "due_by", code: "invalid_value" }),
      expect.objectContaining({ field: "fr_due_by", code: "invalid_value" }),
    ]);
  });

  it("refuse a first-response date after the resolution date, also against the ticket's own", async () => {
    const created = await call("POST", "/api/v2/tickets", {
      body: {
        subject: "Dates",
        description: "x",
        email: "fidelity@example.com",
        due_by: hoursFromNow(5),
        fr_due_by: hoursFromNow(6),
      },
    });
    expect(created.status).toBe(400);
    expect((created.json as Failure).errors).toEqual([
      expect.objectContaining({ field: "fr_due_by", code: "invalid_value" }),
    ]);
    const ticket = await newTicket({ due_by: hoursFromNow(24), fr_due_by: hoursFromNow(4) });
    const later = await call("PUT", `/api/v2/tickets/${ticket.id}`, {
      body: { fr_due_by: hoursFromNow(30) },
    });
    expect(later.status).toBe(400);
    const fine = await call("PUT", `/api/v2/tickets/${ticket.id}`, { body: { fr_due_by: hoursFromNow(20) } });
    expect(fine.status, fine.text).toBe(200);
  });
});

describe("the agent ticket page", () => {
  it("renders note and description HTML, keeping only safe tags", async () => {
    const ticket = await newTicket({ description: "<p>Para one</p><p>Para two</p>" });
    await call("POST", `/api/v2/tickets/${ticket.id}/notes`, {
      body: {
        body:
          "<p>Routed to <b>Billing</b></p><ul><li>refund</li><li>invoice</li></ul>" +
          '<script>alert(1)</script><a href="javascript:alert(2)" onclick="x()">bad</a>' +
          '<a href="https://example.com/kb">article</a><img src="https://tracker.example/p.gif">',
      },
    });
    const response = await fetch(`${server.baseUrl}/a/tickets/${ticket.id}`, {
      headers: { Authorization: `Basic ${Buffer.from(`${server.apiKey}:X`).toString("base64")}` },
    });
    const page = await response.text();
    expect(page).toContain("<p>Para one</p><p>Para two</p>");
    expect(page).toContain("<p>Routed to <b>Billing</b></p><ul><li>refund</li><li>invoice</li></ul>");
    expect(page).toMatch(/<a href="https:\/\/example.com\/kb"[^>]*>article<\/a>/);
    expect(page).not.toMatch(/<script>alert|javascript:|onclick|<img/);
  });
});
