// Reference §4: GET /tickets/filter?query="…" — the quoted expression, `agent_id`, `:>`/`:<` as
// ≥/≤, single-quoted strings, null, AND/OR with parentheses, 30 per page with `total`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type FreshserviceSandboxServer,
  startFreshserviceSandboxServer,
} from "../support/freshservice-sandbox-server.ts";
import { filterPath, ticketBody, wireClient } from "./wire-client.ts";

let clock = Date.parse("2026-03-10T12:00:00Z");
let server: FreshserviceSandboxServer;
let call: ReturnType<typeof wireClient>;
const made: Array<{ id: number; priority: number; responder_id: number | null }> = [];
let agentId: number;

async function ids(expression: string): Promise<number[]> {
  const response = await call("GET", filterPath(expression));
  expect(response.status, response.text).toBe(200);
  return response.json.tickets.map((t: { id: number }) => t.id).sort((a: number, b: number) => a - b);
}

const idsWhere = (keep: (t: (typeof made)[number]) => boolean) =>
  made
    .filter(keep)
    .map((t) => t.id)
    .sort((a, b) => a - b);

beforeAll(async () => {
  // An account without seeded tickets, so every ticket in it is one of these.
  server = await startFreshserviceSandboxServer({ seed: false, now: () => clock });
  call = wireClient(server);
  agentId = (await call("GET", "/agents")).json.agents[0].id;
  for (const priority of [1, 2, 3, 4]) {
    for (const assigned of [false, true]) {
      const body = ticketBody({
        priority,
        ...(assigned ? { responder_id: agentId } : {}),
        tags: [`p${priority}`],
      });
      const ticket = (await call("POST", "/tickets", { body })).json.ticket;
      made.push(ticket);
    }
    clock += 86_400_000;
  }
});
afterAll(async () => server.close());

describe("§4 the query parameter", () => {
  it('answers 400 "lexical error" when the expression is not inside double quotes', async () => {
    const response = await call("GET", `/tickets/filter?query=${encodeURIComponent("priority:4")}`);
    expect(response.status).toBe(400);
    expect(response.json.description).toBe("Validation failed");
    expect(response.json.errors[0]).toMatchObject({
      field: "query",
      message: expect.stringContaining("lexical error"),
    });
  });

  it("refuses a string value without single quotes, an unknown field and responder_id", async () => {
    for (const expression of ["type:Incident", "colour:'red'", `responder_id:${agentId}`]) {
      const response = await call("GET", filterPath(expression));
      expect(response.status, expression).toBe(400);
      expect(response.json.errors[0].field).toBe("query");
    }
  });

  it("refuses :> and :< on strings, and expressions over 512 characters", async () => {
    expect((await call("GET", filterPath("tag:>'a'"))).status).toBe(400);
    const long = Array.from({ length: 60 }, () => "priority:1").join(" OR ");
    expect(long.length).toBeGreaterThan(512);
    expect((await call("GET", filterPath(long))).status).toBe(400);
  });
});

describe("§4 matching", () => {
  it("calls the assigned agent agent_id, and null matches the unassigned", async () => {
    expect(await ids(`agent_id:${agentId}`)).toEqual(idsWhere((t) => t.responder_id === agentId));
    expect(await ids("agent_id:null")).toEqual(idsWhere((t) => t.responder_id === null));
  });

  it("reads :> as ≥ and :< as ≤", async () => {
    expect(await ids("priority:>3")).toEqual(idsWhere((t) => t.priority >= 3));
    expect(await ids("priority:<2")).toEqual(idsWhere((t) => t.priority <= 2));
  });

  it("compares dates as UTC days, both ends inclusive", async () => {
    // Priority p was created on day p-1 after 2026-03-10.
    expect(await ids("created_at:>'2026-03-11' AND created_at:<'2026-03-12'")).toEqual(
      idsWhere((t) => t.priority === 2 || t.priority === 3),
    );
    expect(await ids("created_at:'2026-03-10'")).toEqual(idsWhere((t) => t.priority === 1));
  });

  it("binds AND tighter than OR, and honours parentheses", async () => {
    expect(await ids(`priority:1 OR priority:4 AND agent_id:${agentId}`)).toEqual(
      idsWhere((t) => t.priority === 1 || (t.priority === 4 && t.responder_id === agentId)),
    );
    expect(await ids(`(priority:1 OR priority:4) AND agent_id:${agentId}`)).toEqual(
      idsWhere((t) => (t.priority === 1 || t.priority === 4) && t.responder_id === agentId),
    );
  });

  it("matches tag and the requester's email", async () => {
    expect(await ids("tag:'p3'")).toEqual(idsWhere((t) => t.priority === 3));
    expect(await ids("email:'emma.cohen@acme-corp.com' AND status:2")).toEqual(idsWhere(() => true));
  });

  it("leaves deleted tickets out", async () => {
    const [first] = made;
    await call("DELETE", `/tickets/${first?.id}`);
    expect(await ids("status:2")).not.toContain(first?.id);
    await call("PUT", `/tickets/${first?.id}/restore`);
  });
});

describe("§4 pages", () => {
  it("returns 30 per page, newest first, with the total", async () => {
    const history = await startFreshserviceSandboxServer({ history: true, now: () => clock });
    try {
      const historyCall = wireClient(history);
      const first = await historyCall("GET", filterPath("status:4 OR status:5"));
      expect(first.json.tickets).toHaveLength(30);
      expect(first.json.total).toBeGreaterThanOrEqual(1000);
      const stamps = first.json.tickets.map((t: { created_at: string }) => t.created_at);
      expect([...stamps].sort().reverse()).toEqual(stamps);
      const lastPage = Math.ceil(first.json.total / 30);
      const last = await historyCall("GET", filterPath("status:4 OR status:5", `&page=${lastPage}`));
      expect(last.json.tickets.length).toBe(first.json.total - 30 * (lastPage - 1));
      expect(last.json.total).toBe(first.json.total);
    } finally {
      await history.close();
    }
  });

  it("refuses per_page: the page size is fixed", async () => {
    expect((await call("GET", filterPath("status:2", "&per_page=50"))).status).toBe(400);
  });
});
