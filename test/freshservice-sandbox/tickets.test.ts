// Reference §2 (ticket object) and §3 (ticket endpoints), over raw HTTP.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type FreshserviceSandboxServer,
  startFreshserviceSandboxServer,
} from "../support/freshservice-sandbox-server.ts";
import { ticketBody, wireClient } from "./wire-client.ts";

const DAY = 86_400_000;
let clock: number;
let server: FreshserviceSandboxServer;
let call: ReturnType<typeof wireClient>;

beforeEach(async () => {
  clock = Date.parse("2026-03-10T12:00:00Z");
  server = await startFreshserviceSandboxServer({ now: () => clock });
  call = wireClient(server);
});
afterEach(async () => server.close());

async function create(overrides: Record<string, unknown> = {}) {
  const response = await call("POST", "/tickets", { body: ticketBody(overrides) });
  expect(response.status, response.text).toBe(201);
  return response.json.ticket;
}

async function formChoices(fieldType: string) {
  const fields = (await call("GET", "/ticket_form_fields")).json.ticket_fields;
  return fields.find((field: { field_type: string }) => field.field_type === fieldType);
}

describe("§2 the ticket object", () => {
  it("has every documented attribute, with urgency, impact and the three category levels", async () => {
    const ticket = await create({ urgency: 3, impact: 2, category: "Hardware" });
    for (const key of [
      "id",
      "workspace_id",
      "subject",
      "description",
      "description_text",
      "type",
      "status",
      "priority",
      "urgency",
      "impact",
      "source",
      "category",
      "sub_category",
      "item_category",
      "group_id",
      "responder_id",
      "requester_id",
      "requested_for_id",
      "department_id",
      "email_config_id",
      "sla_policy_id",
      "due_by",
      "fr_due_by",
      "is_escalated",
      "fr_escalated",
      "spam",
      "deleted",
      "cc_emails",
      "fwd_emails",
      "reply_cc_emails",
      "to_emails",
      "custom_fields",
      "attachments",
      "created_at",
      "updated_at",
      "resolution_notes",
      "resolution_notes_html",
      "approval_status",
      "approval_status_name",
      "created_within_business_hours",
    ]) {
      expect(ticket, key).toHaveProperty(key);
    }
    expect(ticket).toMatchObject({
      urgency: 3,
      impact: 2,
      category: "Hardware",
      description_text: "It shows a black screen.",
    });
  });

  it("defaults source to 2 (Portal) and type to Incident, and files the requester's department", async () => {
    const ticket = await create();
    expect(ticket.source).toBe(2);
    expect(ticket.type).toBe("Incident");
    const requester = (await call("GET", `/requesters/${ticket.requester_id}`)).json.requester;
    expect(ticket.department_id).toBe(requester.department_ids[0]);
  });

  it("leaves tags out of a plain GET and shows them only with include=tags", async () => {
    const ticket = await create({ tags: ["vpn", "laptop"] });
    expect(ticket).not.toHaveProperty("tags");
    const plain = await call("GET", `/tickets/${ticket.id}`);
    expect(plain.json.ticket).not.toHaveProperty("tags");
    const tagged = await call("GET", `/tickets/${ticket.id}?include=tags`);
    expect(tagged.json.ticket.tags).toEqual(["vpn", "laptop"]);
  });

  it("replaces the tag list on update", async () => {
    const ticket = await create({ tags: ["vpn", "laptop"] });
    await call("PUT", `/tickets/${ticket.id}`, { body: { tags: ["wifi"] } });
    expect((await call("GET", `/tickets/${ticket.id}?include=tags`)).json.ticket.tags).toEqual(["wifi"]);
  });

  it("accepts only a path of the account's category tree", async () => {
    const category = await formChoices("default_category");
    const level1 = category.choices[0];
    const level2 = level1.nested_options[0];
    const ok = await create({ category: level1.value, sub_category: level2.value });
    expect(ok.sub_category).toBe(level2.value);
    const wrong = await call("POST", "/tickets", {
      body: ticketBody({ category: level1.value, sub_category: "Not a sub-category" }),
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json.errors[0]).toMatchObject({ field: "sub_category", code: "invalid_value" });
    const orphan = await call("POST", "/tickets", { body: ticketBody({ sub_category: level2.value }) });
    expect(orphan.status).toBe(400);
  });

  it("clears the lower category levels when an update changes the level above", async () => {
    const category = await formChoices("default_category");
    const [first, second] = category.choices;
    const ticket = await create({ category: first.value, sub_category: first.nested_options[0].value });
    const updated = await call("PUT", `/tickets/${ticket.id}`, { body: { category: second.value } });
    expect(updated.json.ticket).toMatchObject({
      category: second.value,
      sub_category: null,
      item_category: null,
    });
  });
});

describe("§3 create", () => {
  it("needs a requester: requester_id, email or phone", async () => {
    const { email: _email, ...body } = ticketBody();
    const response = await call("POST", "/tickets", { body });
    expect(response.status).toBe(400);
    expect(response.json.errors).toContainEqual(
      expect.objectContaining({ field: "requester_id", code: "missing_field" }),
    );
  });

  it("adds a requester for an unknown email", async () => {
    const ticket = await create({ email: "new.person@acme-corp.com" });
    const requester = (await call("GET", `/requesters/${ticket.requester_id}`)).json.requester;
    expect(requester.primary_email).toBe("new.person@acme-corp.com");
  });

  it("requires status and priority [inferred]", async () => {
    const { status: _s, priority: _p, ...body } = ticketBody();
    const response = await call("POST", "/tickets", { body });
    expect(response.status).toBe(400);
    expect(response.json.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      "priority",
      "status",
    ]);
  });

  it("refuses unknown groups, agents and departments", async () => {
    const response = await call("POST", "/tickets", {
      body: ticketBody({ group_id: 1, responder_id: 2, department_id: 3 }),
    });
    expect(response.status).toBe(400);
    expect(response.json.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      "department_id",
      "group_id",
      "responder_id",
    ]);
  });
});

describe("§3 view with include=", () => {
  it("embeds the first ten conversations oldest first, and charges one more credit per embed", async () => {
    const ticket = await create();
    for (let i = 1; i <= 12; i++) {
      clock += 1000;
      await call("POST", `/tickets/${ticket.id}/notes`, { body: { body: `<p>note ${i}</p>` } });
    }
    const plain = await call("GET", `/tickets/${ticket.id}`);
    expect(plain.headers.get("x-ratelimit-used-currentrequest")).toBe("1");
    const embedded = await call("GET", `/tickets/${ticket.id}?include=conversations,requester,stats`);
    expect(embedded.headers.get("x-ratelimit-used-currentrequest")).toBe("4");
    const conversations = embedded.json.ticket.conversations;
    expect(conversations).toHaveLength(10);
    expect(conversations[0].body_text).toBe("note 1");
    expect(embedded.json.ticket.requester).toMatchObject({
      id: ticket.requester_id,
      email: "emma.cohen@acme-corp.com",
    });
    expect(embedded.json.ticket.stats).toMatchObject({ ticket_id: ticket.id, resolved_at: null });
  });

  it("embeds the linked assets by display_id", async () => {
    const asset = (await call("GET", "/assets")).json.assets[0];
    const ticket = await create({ assets: [{ display_id: asset.display_id }] });
    const view = await call("GET", `/tickets/${ticket.id}?include=assets`);
    expect(view.json.ticket.assets.map((a: { display_id: number }) => a.display_id)).toEqual([
      asset.display_id,
    ]);
  });

  it("refuses an include it does not know", async () => {
    const ticket = await create();
    const response = await call("GET", `/tickets/${ticket.id}?include=company`);
    expect(response.status).toBe(400);
    expect(response.json.errors[0].field).toBe("include");
  });
});

describe("§3 update", () => {
  it("is partial and answers {ticket}", async () => {
    const ticket = await create();
    const response = await call("PUT", `/tickets/${ticket.id}`, {
      body: { urgency: 3, impact: 3, priority: 4 },
    });
    expect(response.status).toBe(200);
    expect(response.json.ticket).toMatchObject({
      urgency: 3,
      impact: 3,
      priority: 4,
      subject: ticket.subject,
    });
  });

  it("sets requested_for_id only on Service Requests", async () => {
    const incident = await create();
    const other = (await call("GET", "/requesters")).json.requesters[1].id;
    const refused = await call("PUT", `/tickets/${incident.id}`, { body: { requested_for_id: other } });
    expect(refused.status).toBe(400);
    expect(refused.json.errors[0].field).toBe("requested_for_id");
    const request = await create({ type: "Service Request" });
    const accepted = await call("PUT", `/tickets/${request.id}`, { body: { requested_for_id: other } });
    expect(accepted.json.ticket.requested_for_id).toBe(other);
  });

  it("refuses workspace_id (that is move_workspace's job) and an empty body", async () => {
    const ticket = await create();
    const moved = await call("PUT", `/tickets/${ticket.id}`, { body: { workspace_id: 3 } });
    expect(moved.status).toBe(400);
    expect(moved.json.errors[0]).toMatchObject({ field: "workspace_id", code: "invalid_field" });
    expect((await call("PUT", `/tickets/${ticket.id}`, { body: {} })).status).toBe(400);
  });

  it("takes ?bypass_mandatory=true", async () => {
    const ticket = await create();
    const response = await call("PUT", `/tickets/${ticket.id}?bypass_mandatory=true`, {
      body: { status: 3 },
    });
    expect(response.json.ticket.status).toBe(3);
  });
});

describe("§3 move_workspace", () => {
  it("moves a ticket to a known workspace with its group and agent, and refuses unknown ones", async () => {
    const ticket = await create();
    const workspaces = (await formChoices("default_workspace")).choices.map((w: { id: number }) => w.id);
    const group = (await call("GET", "/groups")).json.groups[0];
    const moved = await call("PUT", `/tickets/${ticket.id}/move_workspace`, {
      body: { workspace_id: workspaces[0], group_id: group.id },
    });
    expect(moved.status).toBe(200);
    expect(moved.json.ticket).toMatchObject({ workspace_id: workspaces[0], group_id: group.id });
    const unknown = await call("PUT", `/tickets/${ticket.id}/move_workspace`, {
      body: { workspace_id: 999 },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors[0].field).toBe("workspace_id");
    expect((await call("PUT", `/tickets/${ticket.id}/move_workspace`, { body: {} })).status).toBe(400);
  });
});

describe("§3 delete and restore", () => {
  it("answers 204 to both, restore being a PUT", async () => {
    const ticket = await create();
    expect((await call("DELETE", `/tickets/${ticket.id}`)).status).toBe(204);
    expect((await call("GET", `/tickets/${ticket.id}`)).json.ticket.deleted).toBe(true);
    expect((await call("GET", "/tickets")).json.tickets.map((t: { id: number }) => t.id)).not.toContain(
      ticket.id,
    );
    expect(
      (await call("GET", "/tickets?filter=deleted")).json.tickets.map((t: { id: number }) => t.id),
    ).toContain(ticket.id);
    expect((await call("PUT", `/tickets/${ticket.id}/restore`)).status).toBe(204);
    expect((await call("GET", `/tickets/${ticket.id}`)).json.ticket.deleted).toBe(false);
  });
});

describe("§3 list", () => {
  it("answers {tickets:[…]} newest first, without tags", async () => {
    const older = await create();
    clock += 60_000;
    const newer = await create({ tags: ["x"] });
    const list = (await call("GET", "/tickets")).json.tickets;
    const ids = list.map((t: { id: number }) => t.id);
    expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id));
    expect(list[0]).not.toHaveProperty("tags");
  });

  it("shows only tickets created in the last 30 days unless narrowed", async () => {
    const old = await create();
    clock += 40 * DAY;
    const fresh = await create();
    const ids = (await call("GET", "/tickets?per_page=100")).json.tickets.map((t: { id: number }) => t.id);
    expect(ids).toContain(fresh.id);
    expect(ids).not.toContain(old.id);
    const byRequester = await call("GET", `/tickets?requester_id=${old.requester_id}&per_page=100`);
    expect(byRequester.json.tickets.map((t: { id: number }) => t.id)).toContain(old.id);
  });

  it("filters by type, email and updated_since, and charges two credits per include", async () => {
    const request = await create({ type: "Service Request" });
    const byType = await call("GET", "/tickets?type=Service+Request&per_page=100");
    expect(byType.json.tickets.every((t: { type: string }) => t.type === "Service Request")).toBe(true);
    expect(byType.json.tickets.map((t: { id: number }) => t.id)).toContain(request.id);
    const byEmail = await call("GET", `/tickets?email=${encodeURIComponent("emma.cohen@acme-corp.com")}`);
    expect(
      byEmail.json.tickets.every((t: { requester_id: number }) => t.requester_id === request.requester_id),
    ).toBe(true);
    clock += DAY;
    const touched = await create();
    const since = await call("GET", `/tickets?updated_since=${new Date(clock - 1000).toISOString()}`);
    expect(since.json.tickets.map((t: { id: number }) => t.id)).toEqual([touched.id]);
    const withStats = await call("GET", "/tickets?include=stats");
    expect(withStats.headers.get("x-ratelimit-used-currentrequest")).toBe("3");
    expect(withStats.json.tickets[0].stats).toBeDefined();
  });
});

describe("§3 activities", () => {
  it("lists who did what, newest first", async () => {
    const ticket = await create();
    clock += 1000;
    await call("PUT", `/tickets/${ticket.id}`, { body: { priority: 3 } });
    const response = await call("GET", `/tickets/${ticket.id}/activities`);
    const [latest, first] = response.json.activities;
    expect(latest).toMatchObject({
      actor: { id: expect.any(Number), name: expect.any(String) },
      sub_contents: ["Set Priority as 3"],
    });
    expect(first.content).toContain("created");
    expect(response.json.next_page_url).toBeNull();
  });
});
