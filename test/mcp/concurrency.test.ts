import { afterAll, beforeAll, expect, it } from "vitest";
import { type Backend, postMcp, startBackend, startWeb, TOKENS, type WebServer } from "./support/harness.ts";

let backend: Backend;
let web: WebServer;

beforeAll(async () => {
  backend = await startBackend();
  web = await startWeb(backend);
});

afterAll(async () => {
  await web.close();
  await backend.close();
});

type Call = { name: string; arguments: Record<string, unknown>; expectedId: number };

/** Fifty different calls, each with its own expected answer. */
async function fiftyDistinctCalls(): Promise<Call[]> {
  const { freshdesk } = backend;
  const [tickets, contacts, agents, groups, companies] = await Promise.all([
    freshdesk.tickets.list({ perPage: 100, updated_since: "2000-01-01T00:00:00Z" }),
    freshdesk.contacts.list({ perPage: 100 }),
    freshdesk.agents.list({ perPage: 100 }),
    freshdesk.groups.list({ perPage: 100 }),
    freshdesk.companies.list({ perPage: 100 }),
  ]);
  const categories = await freshdesk.solutions.listCategories();
  const folders = await Promise.all(categories.items.map((c) => freshdesk.solutions.listFolders(c.id)));
  const articles = await Promise.all(
    folders.flatMap((f) => f.items).map((f) => freshdesk.solutions.listArticles(f.id)),
  );
  const calls: Call[] = [
    ...tickets.items.map((t) => ({ name: "get_ticket", arguments: { ticket_id: t.id }, expectedId: t.id })),
    ...contacts.items.map((c) => ({
      name: "get_contact",
      arguments: { contact_id: c.id },
      expectedId: c.id,
    })),
    ...agents.items.map((a) => ({ name: "get_agent", arguments: { agent_id: a.id }, expectedId: a.id })),
    ...groups.items.map((g) => ({ name: "get_group", arguments: { group_id: g.id }, expectedId: g.id })),
    ...companies.items.map((c) => ({
      name: "get_company",
      arguments: { company_id: c.id },
      expectedId: c.id,
    })),
    ...articles
      .flatMap((a) => a.items)
      .map((a) => ({ name: "get_solution_article", arguments: { article_id: a.id }, expectedId: a.id })),
  ];
  expect(calls.length).toBeGreaterThanOrEqual(50);
  return calls.slice(0, 50);
}

it("gives each of 50 concurrent clients using JSON-RPC id 1 its own answer", async () => {
  const calls = await fiftyDistinctCalls();
  const responses = await Promise.all(
    calls.map((call) =>
      postMcp(
        web.url,
        {
          jsonrpc: "2.0",
          id: 1,
          method: "tools/call",
          params: { name: call.name, arguments: call.arguments },
        },
        { authorization: `Bearer ${TOKENS.read}` },
      ),
    ),
  );
  const bodies = (await Promise.all(responses.map((r) => r.json()))) as {
    id: number;
    result: { structuredContent: { id: number }; isError?: boolean };
  }[];
  bodies.forEach((body, index) => {
    expect(body.id).toBe(1);
    expect(body.result.isError, calls[index]!.name).toBeFalsy();
    expect(body.result.structuredContent.id).toBe(calls[index]!.expectedId);
  });
});
