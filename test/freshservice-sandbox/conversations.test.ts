// Reference §3: notes (private by default), replies, the conversation list, note edits, and
// GET /ticket_form_fields.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type FreshserviceSandboxServer,
  startFreshserviceSandboxServer,
} from "../support/freshservice-sandbox-server.ts";
import { ticketBody, wireClient } from "./wire-client.ts";

let server: FreshserviceSandboxServer;
let call: ReturnType<typeof wireClient>;
let ticketId: number;

beforeAll(async () => {
  server = await startFreshserviceSandboxServer();
  call = wireClient(server);
  ticketId = (await call("POST", "/tickets", { body: ticketBody() })).json.ticket.id;
});
afterAll(async () => server.close());

describe("§3 notes", () => {
  it("are private unless told otherwise and answer 201 {conversation} with the documented keys", async () => {
    const response = await call("POST", `/tickets/${ticketId}/notes`, {
      body: { body: "<p>Checked the <b>disk</b>.</p>" },
    });
    expect(response.status).toBe(201);
    expect(Object.keys(response.json.conversation).sort()).toEqual(
      [
        "attachments",
        "body",
        "body_text",
        "created_at",
        "id",
        "incoming",
        "private",
        "support_email",
        "ticket_id",
        "to_emails",
        "updated_at",
        "user_id",
      ].sort(),
    );
    expect(response.json.conversation).toMatchObject({
      private: true,
      incoming: false,
      ticket_id: ticketId,
      body_text: "Checked the disk.",
    });
    const open = await call("POST", `/tickets/${ticketId}/notes`, {
      body: { body: "visible", private: false },
    });
    expect(open.json.conversation.private).toBe(false);
  });

  it("need a body", async () => {
    const response = await call("POST", `/tickets/${ticketId}/notes`, { body: { private: true } });
    expect(response.status).toBe(400);
    expect(response.json.errors[0]).toMatchObject({ field: "body", code: "missing_field" });
  });

  it("can be edited through PUT /conversations/{id}; a reply cannot", async () => {
    const note = (await call("POST", `/tickets/${ticketId}/notes`, { body: { body: "first" } })).json
      .conversation;
    const edited = await call("PUT", `/conversations/${note.id}`, { body: { body: "<p>second</p>" } });
    expect(edited.status).toBe(200);
    expect(edited.json.conversation).toMatchObject({ id: note.id, body_text: "second" });
    const reply = (await call("POST", `/tickets/${ticketId}/reply`, { body: { body: "Hello" } })).json
      .conversation;
    expect((await call("PUT", `/conversations/${reply.id}`, { body: { body: "x" } })).status).toBe(400);
    expect((await call("DELETE", `/conversations/${note.id}`)).status).toBe(204);
    expect((await call("PUT", `/conversations/${note.id}`, { body: { body: "x" } })).status).toBe(404);
  });
});

describe("§3 replies and the conversation list", () => {
  it("emails the requester from the support address and counts as the first response", async () => {
    const fresh = (await call("POST", "/tickets", { body: ticketBody() })).json.ticket;
    const reply = await call("POST", `/tickets/${fresh.id}/reply`, {
      body: { body: "<p>On it</p>", cc_emails: ["boss@acme-corp.com"] },
    });
    expect(reply.status).toBe(201);
    expect(reply.json.conversation).toMatchObject({
      to_emails: ["emma.cohen@acme-corp.com"],
      cc_emails: ["boss@acme-corp.com"],
      from_email: expect.stringContaining("@"),
    });
    const stats = (await call("GET", `/tickets/${fresh.id}?include=stats`)).json.ticket.stats;
    expect(stats.first_responded_at).not.toBeNull();
  });

  it("lists a ticket's conversations oldest first with their source", async () => {
    const fresh = (await call("POST", "/tickets", { body: ticketBody() })).json.ticket;
    await call("POST", `/tickets/${fresh.id}/notes`, { body: { body: "note" } });
    await call("POST", `/tickets/${fresh.id}/reply`, { body: { body: "reply" } });
    const list = await call("GET", `/tickets/${fresh.id}/conversations`);
    expect(
      list.json.conversations.map((c: { body_text: string; source: number }) => [c.body_text, c.source]),
    ).toEqual([
      ["note", 2],
      ["reply", 0],
    ]);
    expect(
      (await call("GET", `/tickets/${fresh.id}/conversations?per_page=1`)).headers.get("link"),
    ).toContain("page=2");
  });
});

describe("§3 ticket form fields", () => {
  it("answers {ticket_fields} with choices as {id, value} objects and a nested category tree", async () => {
    const fields = (await call("GET", "/ticket_form_fields")).json.ticket_fields;
    const byType = (type: string) => fields.find((f: { field_type: string }) => f.field_type === type);
    expect(byType("default_status").choices).toContainEqual(
      expect.objectContaining({ id: 2, value: "Open" }),
    );
    expect(byType("default_urgency").choices).toEqual([
      { id: 1, value: "Low" },
      { id: 2, value: "Medium" },
      { id: 3, value: "High" },
    ]);
    const category = byType("default_category");
    expect(category.choices[0]).toMatchObject({
      id: expect.any(Number),
      display_id: expect.any(Number),
      value: expect.any(String),
    });
    const deepest = category.choices.flatMap((c: { nested_options: { nested_options: unknown[] }[] }) =>
      c.nested_options.flatMap((s) => s.nested_options),
    );
    expect(deepest.length).toBeGreaterThan(0);
    expect(category.nested_fields.map((f: { name: string; level: number }) => [f.name, f.level])).toEqual([
      ["sub_category", 2],
      ["item_category", 3],
    ]);
  });

  it("takes workspace_id and nothing else", async () => {
    expect((await call("GET", "/ticket_form_fields?workspace_id=0")).status).toBe(200);
    expect((await call("GET", "/ticket_form_fields?foo=1")).status).toBe(400);
  });
});
