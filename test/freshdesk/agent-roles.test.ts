// Whether an agent is an account admin, as the typed client reads it from Freshdesk: the
// agent's role_ids against the account's roles (the agent object has no admin flag).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFreshdeskClient, isAccountAdmin } from "../../src/freshdesk/index.ts";
import { AGENT } from "../../src/sandbox/seed/ids.ts";
import { type SandboxServer, startSandboxServer } from "../support/sandbox-server.ts";

let server: SandboxServer;
let keys: Map<number, string>;

beforeAll(async () => {
  server = await startSandboxServer();
  const response = await fetch(`${server.baseUrl}/_sandbox/agents`, {
    headers: { authorization: `Basic ${Buffer.from(`${server.apiKey}:X`).toString("base64")}` },
  });
  const listed = (await response.json()) as { id: number; api_key: string }[];
  keys = new Map(listed.map((agent) => [agent.id, agent.api_key]));
});
afterAll(() => server.close());

const clientAs = (apiKey: string) =>
  createFreshdeskClient({ baseUrl: server.baseUrl, apiKey, maxRetries: 0 });

describe("account admins", () => {
  it("tells the account admin from an agent and a supervisor by their roles", async () => {
    for (const [key, id, admin] of [
      [server.apiKey, AGENT.mayaChen, true],
      [keys.get(AGENT.danielOkafor)!, AGENT.danielOkafor, false],
      [keys.get(AGENT.priyaRaman)!, AGENT.priyaRaman, false],
    ] as const) {
      const client = clientAs(key);
      const me = await client.agents.me();
      expect(me.id).toBe(id);
      expect(isAccountAdmin(me, await client.roles.list()), String(id)).toBe(admin);
    }
    const role = await clientAs(server.apiKey).roles.get(
      (await clientAs(server.apiKey).agents.me()).role_ids![0]!,
    );
    expect(role.name).toBe("Account Administrator");
  });
});
