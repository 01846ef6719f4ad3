// Per-agent API keys in the Freshservice sandbox: `/agents/me` names the key's owner, writes are
// attributed to them, `/roles` says which roles make an account admin, and only the account's
// admin key may list the agents' keys. The Freshservice client reads the same through agents.me()
// and roles.list().
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createFreshserviceClient,
  FreshdeskAuthError,
  isFreshserviceAccountAdmin,
} from "../../src/freshservice/index.ts";
import { agentApiKey } from "../../src/sandbox/agent-keys.ts";
import {
  type FreshserviceSandboxServer,
  startFreshserviceSandboxServer,
} from "../support/freshservice-sandbox-server.ts";
import { wireClient } from "./wire-client.ts";

type ListedAgent = { id: number; name: string; email: string; api_key: string; roles: string[] };

let server: FreshserviceSandboxServer;
let call: ReturnType<typeof wireClient>;
let listed: ListedAgent[];

beforeAll(async () => {
  server = await startFreshserviceSandboxServer({ prefix: "/sandbox" });
  call = wireClient(server);
  const response = await fetch(`${server.baseUrl}/_sandbox/agents`, {
    headers: { Authorization: `Basic ${Buffer.from(`${server.apiKey}:X`).toString("base64")}` },
  });
  expect(response.status).toBe(200);
  listed = (await response.json()) as ListedAgent[];
});
afterAll(async () => {
  await server.close();
});

const byName = (name: string) => listed.find((agent) => agent.name === name)!;

describe("per-agent API keys", () => {
  it("lists every agent with their own key and role names, for the admin key only", async () => {
    expect(listed.length).toBeGreaterThan(5);
    const tom = byName("Tom Becker");
    expect(tom.api_key).toBe(agentApiKey(server.apiKey, tom.id));
    expect(tom.roles).toEqual(["SD Agent"]);
    expect(listed.filter((agent) => agent.roles.includes("Account Admin"))).toHaveLength(1);
    const asTom = await fetch(`${server.baseUrl}/_sandbox/agents`, {
      headers: { Authorization: `Basic ${Buffer.from(`${tom.api_key}:X`).toString("base64")}` },
    });
    expect(asTom.status).toBe(403);
  });

  it("answers /agents/me with the key's owner, and attributes that agent's notes to them", async () => {
    const tom = byName("Tom Becker");
    const asTom = wireClient(server, tom.api_key);
    const me = await asTom("GET", "/agents/me");
    expect(me.status).toBe(200);
    expect(me.json.agent).toMatchObject({ id: tom.id, email: tom.email, first_name: "Tom" });
    const admin = await call("GET", "/agents/me");
    expect(admin.json.agent.id).toBe(listed.find((a) => a.roles.includes("Account Admin"))!.id);

    const ticket = (await call("GET", "/tickets")).json.tickets[0];
    const note = await asTom("POST", `/tickets/${ticket.id}/notes`, { body: { body: "Checked by Tom." } });
    expect(note.status).toBe(201);
    expect(note.json.conversation.user_id).toBe(tom.id);
    expect((await wireClient(server, "NotAKey0123456789")("GET", "/agents/me")).status).toBe(401);
  });

  it("lists the roles, paged, and shows one", async () => {
    const roles = await call("GET", "/roles");
    expect(roles.status).toBe(200);
    expect(roles.json.roles.map((role: { name: string }) => role.name)).toEqual(
      expect.arrayContaining(["Account Admin", "Admin", "SD Agent"]),
    );
    const one = await call("GET", `/roles/${roles.json.roles[0].id}`);
    expect(one.json.role).toEqual(roles.json.roles[0]);
    expect((await call("GET", "/roles/999999")).status).toBe(404);
    expect((await call("GET", "/roles?per_page=2")).json.roles).toHaveLength(2);
  });
});

describe("the Freshservice client", () => {
  it("names the key's owner with agents.me() and tells an account admin by roles", async () => {
    const tom = byName("Tom Becker");
    const asTom = createFreshserviceClient({ baseUrl: server.baseUrl, apiKey: tom.api_key, maxRetries: 0 });
    const me = await asTom.agents.me();
    expect(me.id).toBe(tom.id);
    const roles = await asTom.roles.list();
    expect(isFreshserviceAccountAdmin(me, roles)).toBe(false);

    const admin = createFreshserviceClient({ baseUrl: server.baseUrl, apiKey: server.apiKey, maxRetries: 0 });
    expect(isFreshserviceAccountAdmin(await admin.agents.me(), roles)).toBe(true);
    expect((await admin.roles.get(roles[0]!.id)).name).toBe(roles[0]!.name);

    const stranger = createFreshserviceClient({
      baseUrl: server.baseUrl,
      apiKey: "NotAKey0123456789",
      maxRetries: 0,
    });
    await expect(stranger.agents.me()).rejects.toBeInstanceOf(FreshdeskAuthError);
  });

  it("counts an Admin role as admin and ignores roles the account does not have", () => {
    const roles = [
      { id: 7, name: "Admin" },
      { id: 8, name: "SD Agent" },
    ];
    expect(isFreshserviceAccountAdmin({ roles: [{ role_id: 7 }] }, roles)).toBe(true);
    expect(isFreshserviceAccountAdmin({ roles: [{ role_id: 8 }, { role_id: 99 }] }, roles)).toBe(false);
    expect(isFreshserviceAccountAdmin({ roles: null }, roles)).toBe(false);
  });
});
