// Each seeded agent's own API key: who acts, and what a group-restricted agent may see.
import Freshdesk from "freshdesk-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AGENT, GROUP, ROLE } from "../../src/sandbox/seed/ids.ts";
import { type SandboxServer, startSandboxServer } from "../support/sandbox-server.ts";
import { sandboxClient } from "./sandbox-client.ts";

type Listed = {
  id: number;
  name: string;
  email: string;
  api_key: string;
  ticket_scope: number;
  roles: string[];
};
type Ticket = { id: number; group_id: number | null; responder_id: number | null; priority: number };

const ACCESS_DENIED = { code: "access_denied", message: "You are not authorized to perform this action." };
const EVERYTHING = "/api/v2/tickets?updated_since=2000-01-01T00:00:00Z&per_page=100";

let server: SandboxServer;
let call: ReturnType<typeof sandboxClient>;
let keys: Map<number, string>;

/** A raw call with another agent's key. */
const as = (agentId: number) => sandboxClient({ ...server, apiKey: keys.get(agentId)! });

beforeAll(async () => {
  server = await startSandboxServer();
  call = sandboxClient(server);
  const listed = (await call("GET", "/_sandbox/agents")).json as Listed[];
  keys = new Map(listed.map((agent) => [agent.id, agent.api_key]));
});
afterAll(() => server.close());

describe("agent API keys", () => {
  it("lists every agent with its own key to the account's admin key only", async () => {
    const response = await call("GET", "/_sandbox/agents");
    expect(response.status).toBe(200);
    const listed = response.json as Listed[];
    expect(listed.map((a) => a.id).sort()).toEqual(Object.values(AGENT).sort());
    for (const agent of listed) {
      expect(agent.api_key).toMatch(/^[0-9a-f]{20}$/);
      expect(agent.email).toContain("@");
    }
    expect(new Set(listed.map((a) => a.api_key)).size).toBe(listed.length);
    expect(listed.find((a) => a.id === AGENT.mayaChen)?.roles).toEqual(["Account Administrator"]);
    expect(listed.find((a) => a.id === AGENT.tomBecker)?.ticket_scope).toBe(2);
    expect(listed.find((a) => a.id === AGENT.lucasMoreau)?.ticket_scope).toBe(3);
    expect(listed.find((a) => a.id === AGENT.danielOkafor)?.ticket_scope).toBe(1);

    const byAgent = await as(AGENT.danielOkafor)("GET", "/_sandbox/agents");
    expect(byAgent.status).toBe(403);
    expect(byAgent.json).toEqual(ACCESS_DENIED);
    const unknown = await sandboxClient({ ...server, apiKey: "0123456789abcdef0123" })(
      "GET",
      "/api/v2/agents/me",
    );
    expect(unknown.status).toBe(401);
    expect(unknown.json).toMatchObject({ code: "invalid_credentials" });
  });

  it("answers /agents/me with the key's agent, whose roles tell an account admin", async () => {
    const admin = (await call("GET", "/api/v2/agents/me")).json as { id: number; role_ids: number[] };
    expect(admin.id).toBe(AGENT.mayaChen);
    const daniel = (await as(AGENT.danielOkafor)("GET", "/api/v2/agents/me")).json as {
      id: number;
      role_ids: number[];
      ticket_scope: number;
    };
    expect(daniel).toMatchObject({ id: AGENT.danielOkafor, role_ids: [ROLE.agent], ticket_scope: 1 });
    const roles = (await as(AGENT.danielOkafor)("GET", "/api/v2/roles")).json as Record<string, unknown>[];
    expect(Object.keys(roles[0]!)).toEqual([
      "id",
      "name",
      "description",
      "default",
      "created_at",
      "updated_at",
      "agent_type",
    ]);
    const named = new Map(roles.map((r) => [r.id, r.name]));
    expect(admin.role_ids.map((id) => named.get(id))).toEqual(["Account Administrator"]);
    expect(daniel.role_ids.map((id) => named.get(id))).toEqual(["Agent"]);
    expect((await call("GET", `/api/v2/roles/${ROLE.supervisor}`)).json).toMatchObject({
      name: "Supervisor",
    });
    expect((await call("GET", "/api/v2/roles/1")).status).toBe(404);
  });

  it("attributes notes, replies and articles to the agent whose key wrote them", async () => {
    const daniel = as(AGENT.danielOkafor);
    const note = await daniel("POST", "/api/v2/tickets/2/notes", { body: { body: "Checked the logs." } });
    expect(note.status).toBe(201);
    expect(note.json).toMatchObject({ user_id: AGENT.danielOkafor });
    const reply = await daniel("POST", "/api/v2/tickets/2/reply", { body: { body: "Fixed now." } });
    expect(reply.json).toMatchObject({
      user_id: AGENT.danielOkafor,
      from_email: "daniel.okafor@larkspur.example",
    });
    const byAdmin = await call("POST", "/api/v2/tickets/2/notes", { body: { body: "Thanks." } });
    expect(byAdmin.json).toMatchObject({ user_id: AGENT.mayaChen });
  });
  it("reads new_and_my_open as the key's agent", async () => {
    const mine = (await as(AGENT.danielOkafor)("GET", "/api/v2/tickets?filter=new_and_my_open&per_page=100"))
      .json as Ticket[];
    const admins = (await call("GET", "/api/v2/tickets?filter=new_and_my_open&per_page=100"))
      .json as Ticket[];
    const assignedToDaniel = mine.filter((t) => t.responder_id === AGENT.danielOkafor);
    expect(assignedToDaniel.length).toBeGreaterThan(0);
    for (const t of mine) expect([null, AGENT.danielOkafor]).toContain(t.responder_id);
    for (const t of admins) expect([null, AGENT.mayaChen]).toContain(t.responder_id);
  });
});

describe("ticket scope", () => {
  it("shows a group agent only its groups' and its own tickets, in lists and search", async () => {
    const tom = as(AGENT.tomBecker);
    const listed = (await tom("GET", EVERYTHING)).json as Ticket[];
    expect(listed.length).toBeGreaterThan(0);
    for (const t of listed) {
      expect(t.group_id === GROUP.billing || t.responder_id === AGENT.tomBecker, `ticket ${t.id}`).toBe(true);
    }
    const all = (await call("GET", EVERYTHING)).json as Ticket[];
    expect(all.length).toBeGreaterThan(listed.length);

    const found = (await tom("GET", `/api/v2/search/tickets?query="status:2 OR status:5 OR status:7"`))
      .json as {
      results: Ticket[];
      total: number;
    };
    expect(found.total).toBe(found.results.length);
    for (const t of found.results) expect(t.group_id).toBe(GROUP.billing);
  });

  it("refuses a group agent's view and writes on other tickets with 403, as Freshdesk does", async () => {
    const tom = as(AGENT.tomBecker);
    const outside = (await call("GET", EVERYTHING)).json as Ticket[];
    const other = outside.find(
      (t) => t.group_id !== GROUP.billing && t.responder_id !== AGENT.tomBecker && t.priority !== 2,
    )!;
    const before = (await call("GET", `/api/v2/tickets/${other.id}`)).json as { priority: number };
    for (const [method, path, body] of [
      ["GET", `/api/v2/tickets/${other.id}`, undefined],
      ["PUT", `/api/v2/tickets/${other.id}`, { priority: 2 }],
      ["POST", `/api/v2/tickets/${other.id}/notes`, { body: "x" }],
      ["POST", `/api/v2/tickets/${other.id}/reply`, { body: "x" }],
      ["GET", `/api/v2/tickets/${other.id}/conversations`, undefined],
      ["DELETE", `/api/v2/tickets/${other.id}`, undefined],
    ] as const) {
      const response = await tom(method, path, body === undefined ? {} : { body });
      expect(response.status, `${method} ${path}`).toBe(403);
      expect(response.json).toEqual(ACCESS_DENIED);
    }
    expect((await tom("GET", "/api/v2/tickets/99999")).status).toBe(404);
    const mine = ((await tom("GET", EVERYTHING)).json as Ticket[])[0]!;
    expect((await tom("GET", `/api/v2/tickets/${mine.id}`)).status).toBe(200);
    // The refused update changed nothing.
    const after = (await call("GET", `/api/v2/tickets/${other.id}`)).json as { priority: number };
    expect(after.priority).toBe(before.priority);
  });

  it("refuses a group agent's edits of conversations on other tickets", async () => {
    const outside = (await call("GET", EVERYTHING)).json as Ticket[];
    const other = outside.find((t) => t.group_id !== GROUP.billing && t.responder_id !== AGENT.tomBecker)!;
    const note = (await call("POST", `/api/v2/tickets/${other.id}/notes`, { body: { body: "Internal." } }))
      .json as { id: number };
    const tom = as(AGENT.tomBecker);
    const edit = await tom("PUT", `/api/v2/conversations/${note.id}`, { body: { body: "Changed." } });
    expect(edit.status).toBe(403);
    expect(edit.json).toEqual(ACCESS_DENIED);
    expect((await tom("DELETE", `/api/v2/conversations/${note.id}`)).status).toBe(403);
    const thread = (await call("GET", `/api/v2/tickets/${other.id}/conversations?per_page=100`)).json as {
      id: number;
      body_text: string;
    }[];
    expect(thread.find((c) => c.id === note.id)?.body_text).toBe("Internal.");
  });

  it("shows a restricted agent only the tickets assigned to it", async () => {
    const lucas = as(AGENT.lucasMoreau);
    const listed = (await lucas("GET", EVERYTHING)).json as Ticket[];
    expect(listed.length).toBeGreaterThan(0);
    for (const t of listed) expect(t.responder_id).toBe(AGENT.lucasMoreau);
    const billing = ((await call("GET", EVERYTHING)).json as Ticket[]).find(
      (t) => t.group_id === GROUP.billing,
    )!;
    expect((await lucas("GET", `/api/v2/tickets/${billing.id}`)).status).toBe(403);
  });

  it("lets the unmodified npm client act as an agent and see Freshdesk's 403", async () => {
    const client = new Freshdesk(server.baseUrl, keys.get(AGENT.tomBecker)!);
    const me = await new Promise<{ id: number }>((resolve, reject) =>
      client.currentAgent((error: unknown, data: { id: number }) => (error ? reject(error) : resolve(data))),
    );
    expect(me.id).toBe(AGENT.tomBecker);
    const billing = ((await call("GET", EVERYTHING)).json as Ticket[]).find(
      (t) => t.group_id === GROUP.billing,
    )!;
    const note = await new Promise<{ user_id: number }>((resolve, reject) =>
      client.createNote(
        billing.id,
        { body: "Refund issued." },
        (error: unknown, data: { user_id: number }) => (error ? reject(error) : resolve(data)),
      ),
    );
    expect(note.user_id).toBe(AGENT.tomBecker);
    const other = ((await call("GET", EVERYTHING)).json as Ticket[]).find(
      (t) => t.group_id !== GROUP.billing && t.responder_id !== AGENT.tomBecker,
    )!;
    const error = await new Promise<unknown>((resolve) =>
      client.getTicket(other.id, (e: unknown) => resolve(e)),
    );
    expect(error).toBeInstanceOf(Freshdesk.FreshdeskError);
    expect(error).toMatchObject({ status: 403, data: ACCESS_DENIED });
  });
});
