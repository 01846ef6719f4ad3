import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SandboxServer, startSandboxServer } from "../support/sandbox-server.ts";
import { sandboxClient } from "./sandbox-client.ts";

type Json = Record<string, unknown>;

let server: SandboxServer;
let call: ReturnType<typeof sandboxClient>;
const json = async (method: string, path: string, body?: unknown) =>
  (await call(method, path, { body })).json as Json;

beforeAll(async () => {
  server = await startSandboxServer();
  call = sandboxClient(server);
});
afterAll(() => server.close());

describe("sandbox tickets", () => {
  it("creates with Freshdesk's defaults, a Location and a new requester", async () => {
    const response = await call("POST", "/api/v2/tickets", { body: { email: "fresh.face@example.com" } });
    expect(response.status).toBe(201);
    const ticket = response.json as Json;
    expect(response.headers.get("location")).toBe(`${server.baseUrl}/api/v2/tickets/${ticket.id}`);
    expect(ticket).toMatchObject({ subject: "", status: 2, priority: 1, source: 2, type: null, spam: false });
    expect(ticket).not.toHaveProperty("association_type");
    expect(ticket.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const requester = await json("GET", `/api/v2/contacts/${ticket.requester_id}`);
    expect(requester).toMatchObject({ email: "fresh.face@example.com", name: "fresh.face" });
    const next = (await json("POST", "/api/v2/tickets", { requester_id: ticket.requester_id })).id;
    expect(next).toBe((ticket.id as number) + 1);
  });

  it("validates type and custom fields against the account's ticket fields", async () => {
    const response = await call("POST", "/api/v2/tickets", {
      body: {
        email: "a@example.com",
        type: "Complaint",
        custom_fields: { cf_product_area: "Nope", cf_unknown: 1 },
      },
    });
    expect(response.status).toBe(400);
    const errors = (response.json as { errors: Json[] }).errors;
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ["type", "invalid_value"],
      ["cf_product_area", "invalid_value"],
      ["cf_unknown", "invalid_field"],
    ]);
    expect(errors[0]?.message).toBe(
      "It should be one of these values: 'Question,Incident,Problem,Feature Request'",
    );
  });

  it("moves updated_at forward on every change, even within one second", async () => {
    const created = await json("POST", "/api/v2/tickets", { email: "b@example.com", subject: "One" });
    const first = await json("PUT", `/api/v2/tickets/${created.id}`, { subject: "Two" });
    const second = await json("PUT", `/api/v2/tickets/${created.id}`, { subject: "Three" });
    expect(Date.parse(first.updated_at as string)).toBeGreaterThan(Date.parse(created.updated_at as string));
    expect(Date.parse(second.updated_at as string)).toBeGreaterThan(Date.parse(first.updated_at as string));
    expect(second).toMatchObject({ subject: "Three", description: "" });
  });

  it("soft-deletes, hides from lists and restores", async () => {
    const { id } = await json("POST", "/api/v2/tickets", { email: "c@example.com", subject: "Bin me" });
    const listIds = async (query: string) =>
      ((await call("GET", `/api/v2/tickets?${query}`)).json as Json[]).map((t) => t.id);
    expect((await call("DELETE", `/api/v2/tickets/${id}`)).status).toBe(204);
    expect(await json("GET", `/api/v2/tickets/${id}`)).toMatchObject({ id, deleted: true });
    expect(await listIds("per_page=100")).not.toContain(id);
    expect(await listIds("filter=deleted&per_page=100")).toContain(id);
    expect((await call("PUT", `/api/v2/tickets/${id}/restore`)).status).toBe(204);
    expect(await json("GET", `/api/v2/tickets/${id}`)).not.toHaveProperty("deleted");
  });

  it("embeds at most ten conversations, oldest first, and the include values", async () => {
    const { id } = await json("POST", "/api/v2/tickets", { email: "d@example.com", subject: "Chatty" });
    for (let i = 1; i <= 12; i++)
      await call("POST", `/api/v2/tickets/${id}/notes`, { body: { body: `Note ${i}` } });
    const ticket = await json("GET", `/api/v2/tickets/${id}?include=conversations,company,sla_policy`);
    const embedded = ticket.conversations as Json[];
    expect(embedded.map((c) => c.body_text)).toEqual(Array.from({ length: 10 }, (_, i) => `Note ${i + 1}`));
    expect(ticket.company).toEqual({});
    expect(ticket.sla_policy).toHaveProperty("sla_target");
    const pages = await call("GET", `/api/v2/tickets/${id}/conversations?per_page=10`);
    expect(pages.headers.get("link")).toContain("page=2");
    const bad = await call("GET", `/api/v2/tickets/${id}?include=everything`);
    expect((bad.json as { errors: Json[] }).errors[0]).toEqual({
      field: "include",
      message: "It should be one of these values: 'conversations,requester,company,stats,sla_policy'",
      code: "invalid_value",
    });
  });

  it("adds private notes by default and public replies to the requester", async () => {
    const { id } = await json("POST", "/api/v2/tickets", { email: "e@example.com", subject: "Reply" });
    const note = await json("POST", `/api/v2/tickets/${id}/notes`, { body: "Internal" });
    expect(note).toMatchObject({ private: true, incoming: false, body: "<div>Internal</div>" });
    const reply = await json("POST", `/api/v2/tickets/${id}/reply`, { body: "Hello!" });
    expect(reply.to_emails).toEqual(["e@example.com"]);
    const listed = (await call("GET", `/api/v2/tickets/${id}/conversations`)).json as Json[];
    expect(listed.map((c) => [c.source, c.private])).toEqual([
      [2, true],
      [0, false],
    ]);
    const edited = await json("PUT", `/api/v2/conversations/${note.id}`, { body: "Edited" });
    expect(edited.body_text).toBe("Edited");
    expect((await call("PUT", `/api/v2/conversations/${reply.id}`, { body: { body: "x" } })).status).toBe(
      403,
    );
    expect((await call("DELETE", `/api/v2/conversations/${note.id}`)).status).toBe(204);
    const stats = (await json("GET", `/api/v2/tickets/${id}?include=stats`)).stats as Json;
    expect(stats.first_responded_at).toBe(reply.created_at);
  });
});

describe("sandbox automation rule", () => {
  it("fires webhooks on create and on update with the changed fields", async () => {
    const received: Json[] = [];
    const receiver = new Hono();
    receiver.post("/hook", async (c) => {
      received.push((await c.req.json()) as Json);
      return c.body(null, 200);
    });
    const http = serve({ fetch: receiver.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise<void>((resolve) => http.once("listening", () => resolve()));
    const hooked = await startSandboxServer({
      automations: { targetUrl: `http://127.0.0.1:${(http.address() as AddressInfo).port}/hook` },
    });
    try {
      const hookedCall = sandboxClient(hooked);
      const { id } = (
        await hookedCall("POST", "/api/v2/tickets", {
          body: { email: "hook@example.com", subject: "Webhook me", priority: 1 },
        })
      ).json as Json;
      await hookedCall("PUT", `/api/v2/tickets/${id}`, { body: { priority: 4, type: "Incident" } });
      await hookedCall("PUT", `/api/v2/tickets/${id}`, { body: { priority: 4 } });
      await hooked.sandbox.automations.idle();
      const payloads = received.map((body) => body.freshdesk_webhook as Json);
      expect(payloads).toHaveLength(2);
      expect(payloads[0]).toMatchObject({ ticket_id: String(id), ticket_subject: "Webhook me" });
      expect(JSON.parse(payloads[0]?.triggered_event as string)).toEqual({ ticket_action: "created" });
      expect(payloads[1]).toMatchObject({ ticket_priority: "Urgent", ticket_type: "Incident" });
      expect(JSON.parse(payloads[1]?.triggered_event as string)).toMatchObject({
        priority: { from: 1, to: 4 },
        ticket_type: { from: null, to: "Incident" },
      });
    } finally {
      await hooked.close();
      await new Promise((resolve) => http.close(resolve));
    }
  });
});

describe("sandbox account resources", () => {
  it("renders a canned response's placeholders for a ticket", async () => {
    const folders = (await call("GET", "/api/v2/canned_response_folders")).json as Json[];
    const folder = await json("GET", `/api/v2/canned_response_folders/${folders[0]?.id}`);
    const summaries = folder.canned_responses as Json[];
    expect(summaries.length).toBe(folders[0]?.responses_count);
    const responses = (await call("GET", `/api/v2/canned_response_folders/${folder.id}/responses`))
      .json as Json[];
    const withName = responses.find((r) => String(r.content_html).includes("{{ticket.requester.name}}"));
    expect(withName).toBeDefined();
    const ticket = await json("GET", "/api/v2/tickets/1?include=requester");
    const rendered = await json(
      "GET",
      `/api/v2/canned_responses/${withName?.id}?include=evaluated_response&ticket_id=1`,
    );
    const evaluated = rendered.evaluated_response as string;
    expect(evaluated).toContain((ticket.requester as Json).name as string);
    expect(evaluated).not.toContain("{{");
  });

  it("searches solutions into a plain array with drafts marked status 1", async () => {
    const created = await json("POST", `/api/v2/solutions/folders/${await someFolderId()}/articles`, {
      title: "Zebra striping draft",
      description: "<p>Zebra notes</p>",
      status: 1,
    });
    const hits = (await call("GET", "/api/v2/search/solutions?term=zebra")).json as Json[];
    expect(Array.isArray(hits)).toBe(true);
    expect(hits.map((h) => [h.id, h.status])).toEqual([[created.id, 1]]);
    expect(Object.keys(hits[0] ?? {}).slice(-9)).toEqual([
      "folder_visibility",
      "path",
      "modified_at",
      "modified_by",
      "language_id",
      "language",
      "visibility",
      "category_name",
      "folder_name",
    ]);
  });

  it("lists agents and groups without membership arrays, and shows them with", async () => {
    const agents = (await call("GET", "/api/v2/agents")).json as Json[];
    expect(agents.every((a) => !("group_ids" in a) && !("role_ids" in a) && !("skill_ids" in a))).toBe(true);
    const agent = await json("GET", `/api/v2/agents/${agents[0]?.id}`);
    expect(agent).toHaveProperty("group_ids");
    const groups = (await call("GET", "/api/v2/groups")).json as Json[];
    expect(groups.some((g) => "agent_ids" in g)).toBe(false);
    expect(await json("GET", `/api/v2/groups/${groups[0]?.id}`)).toHaveProperty("agent_ids");
  });

  it("updates, soft-deletes and restores contacts, and searches them", async () => {
    const contact = await json("POST", "/api/v2/contacts", { name: "Quinn", email: "quinn@example.com" });
    const updated = await json("PUT", `/api/v2/contacts/${contact.id}`, { job_title: "CTO" });
    expect(updated.job_title).toBe("CTO");
    const found = await json("GET", `/api/v2/search/contacts?query="email:'quinn@example.com'"`);
    expect(found).toMatchObject({ total: 1 });
    expect((await call("DELETE", `/api/v2/contacts/${contact.id}`)).status).toBe(204);
    expect(await json("GET", `/api/v2/contacts/${contact.id}`)).toMatchObject({ deleted: true });
    expect((await call("PUT", `/api/v2/contacts/${contact.id}/restore`)).status).toBe(204);
  });
});

async function someFolderId(): Promise<unknown> {
  const categories = (await call("GET", "/api/v2/solutions/categories")).json as Json[];
  const folders = (await call("GET", `/api/v2/solutions/categories/${categories[0]?.id}/folders`))
    .json as Json[];
  return folders[0]?.id;
}
