// The tools act as whichever agent the Freshdesk client's key belongs to: Freshdesk (here the
// sandbox) attributes their writes to that agent and applies its ticket scope. The OAuth layer
// hands each person's server a client bound to their own key; this checks what follows from it.
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccountDirectory, createFreshdeskClient } from "../../src/freshdesk/index.ts";
import { callTool, connectInProcessClient } from "../../src/mcp/in-process-client.ts";
import { AGENT, GROUP } from "../../src/sandbox/seed/ids.ts";
import { type Backend, startBackend } from "./support/harness.ts";

let backend: Backend;
let tom: Client;

beforeAll(async () => {
  backend = await startBackend();
  const listed = (await (
    await fetch(`${backend.sandbox.baseUrl}/_sandbox/agents`, {
      headers: { authorization: `Basic ${Buffer.from(`${backend.sandbox.apiKey}:X`).toString("base64")}` },
    })
  ).json()) as { id: number; api_key: string }[];
  const key = listed.find((agent) => agent.id === AGENT.tomBecker)!.api_key;
  const freshdesk = createFreshdeskClient({ baseUrl: backend.sandbox.baseUrl, apiKey: key, maxRetries: 0 });
  tom = await connectInProcessClient(
    { ...backend.deps, freshdesk, directory: createAccountDirectory(freshdesk) },
    { caller: "tom", scopes: ["write"] },
  );
  await tom.listTools();
});

afterAll(async () => {
  await tom.close();
  await backend.close();
});

describe("tools acting as a group-restricted agent", () => {
  it("names that agent, and attributes its notes, time and watching to it", async () => {
    const me = await callTool(tom, "get_current_agent", {});
    expect(me).toMatchObject({ id: AGENT.tomBecker, name: "Tom Becker" });
    const billing = (await callTool(tom, "list_tickets", { updated_since: "2000-01-01T00:00:00Z" }))
      .items[0]!;
    const note = await callTool(tom, "add_note", { ticket_id: billing.id, body: "Refund approved." });
    expect(note).toMatchObject({ user_id: AGENT.tomBecker, agent_name: "Tom Becker" });
    const stored = (await backend.sandboxGet(`/tickets/${billing.id}/conversations?per_page=100`)) as {
      id: number;
      user_id: number;
    }[];
    expect(stored.find((c) => c.id === note.id)?.user_id).toBe(AGENT.tomBecker);
    const entry = await callTool(tom, "create_time_entry", { ticket_id: billing.id, time_spent: "00:15" });
    expect(entry.agent_id).toBe(AGENT.tomBecker);
    const watchers = await callTool(tom, "add_ticket_watcher", { ticket_id: billing.id });
    expect(watchers.watchers).toEqual([{ id: AGENT.tomBecker, name: "Tom Becker" }]);
  });

  it("sees only its groups' tickets, and gets Freshdesk's refusal for the others", async () => {
    const listed = await callTool(tom, "list_tickets", {
      updated_since: "2000-01-01T00:00:00Z",
      per_page: 100,
    });
    expect(listed.items.length).toBeGreaterThan(0);
    for (const t of listed.items)
      expect(t.group_id === GROUP.billing || t.responder_id === AGENT.tomBecker).toBe(true);
    const everything = (
      await backend.freshdesk.tickets.list({ updated_since: "2000-01-01T00:00:00Z", perPage: 100 })
    ).items;
    const other = everything.find((t) => t.group_id !== GROUP.billing && t.responder_id !== AGENT.tomBecker)!;
    const refused = await tom.callTool({ name: "get_ticket", arguments: { ticket_id: other.id } });
    expect(refused.isError).toBe(true);
    expect(refused._meta?.error).toMatchObject({ status: 403, code: "freshdesk_forbidden" });
    const noted = await tom.callTool({ name: "add_note", arguments: { ticket_id: other.id, body: "x" } });
    expect(noted._meta?.error).toMatchObject({ status: 403 });
  });
});
