import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccountDirectory, createFreshdeskClient } from "../../src/freshdesk/index.ts";
import { connectInProcessClient } from "../../src/mcp/in-process-client.ts";
import { allPrompts } from "../../src/mcp/prompts/index.ts";
import { findTool } from "../../src/mcp/registry.ts";
import { RESOURCE_NOT_FOUND } from "../../src/mcp/request-error.ts";
import { allResourceTemplates } from "../../src/mcp/resources/index.ts";
import { AGENT, GROUP } from "../../src/sandbox/seed/ids.ts";
import {
  type Backend,
  connectHttpClient,
  postMcp,
  startBackend,
  startWeb,
  TOKENS,
  type WebServer,
} from "./support/harness.ts";

let backend: Backend;
let web: WebServer;
let reader: Client;
let writer: Client;

type SandboxConversation = { body_text: string };
type SandboxTicket = { id: number; subject: string };

beforeAll(async () => {
  backend = await startBackend();
  web = await startWeb(backend);
  reader = await connectHttpClient(web.url, TOKENS.read);
  writer = await connectHttpClient(web.url, TOKENS.write);
});

afterAll(async () => {
  await reader.close();
  await writer.close();
  await web.close();
  await backend.close();
});

/** The JSON-RPC error a request answered with. */
async function failure(request: Promise<unknown>): Promise<McpError> {
  const error = await request.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(McpError);
  return error as McpError;
}

function texts(result: { messages: { content: { type: string; text?: string } }[] }): string {
  return result.messages.map((m) => (m.content.type === "text" ? m.content.text : "")).join("\n");
}

describe("prompts", () => {
  it("name only existing read tools as what they need, so no prompt or template is hidden by a typo", () => {
    for (const name of [
      ...allPrompts.flatMap((p) => p.requires),
      ...allResourceTemplates.map((t) => t.tool),
    ]) {
      expect(findTool(name)?.annotations.readOnlyHint, name).toBe(true);
    }
  });

  it("lists the four prompts to a read token, with typed arguments", async () => {
    const { prompts } = await reader.listPrompts();
    expect(prompts.map((p) => p.name).sort()).toEqual([
      "draft_reply",
      "explain_sla_risk",
      "summarize_open_queue",
      "triage_ticket",
    ]);
    const triage = prompts.find((p) => p.name === "triage_ticket")!;
    expect(triage.title).toBe("Triage this ticket");
    expect(triage.arguments).toEqual([
      { name: "ticket_id", description: "the ticket's number, e.g. 42", required: true },
    ]);
    const draft = prompts.find((p) => p.name === "draft_reply")!;
    expect(draft.arguments?.map((a) => [a.name, a.required])).toEqual([
      ["ticket_id", true],
      ["tone", false],
    ]);
  });

  it("triage_ticket embeds the ticket and names only the tools the caller may use", async () => {
    const ticket = (await backend.sandboxGet("/tickets/1")) as SandboxTicket;
    const read = await reader.getPrompt({ name: "triage_ticket", arguments: { ticket_id: "1" } });
    expect(read.messages).toHaveLength(2);
    const instructions = texts(read);
    expect(instructions).toContain("list_groups");
    expect(instructions).toContain("find_solutions_for_ticket");
    expect(instructions).not.toContain("update_ticket");
    const attached = read.messages[1]!.content;
    expect(attached).toMatchObject({ type: "resource", resource: { uri: "freshdesk://tickets/1" } });
    expect((attached as { resource: { text: string } }).resource.text).toContain(ticket.subject);

    const written = await writer.getPrompt({ name: "triage_ticket", arguments: { ticket_id: "#1" } });
    expect(texts(written)).toContain("update_ticket");
  });

  it("draft_reply carries the knowledge-base matches for the ticket's subject", async () => {
    const result = await reader.getPrompt({
      name: "draft_reply",
      arguments: { ticket_id: "1", tone: "brief and formal" },
    });
    const instructions = texts(result);
    expect(instructions).toContain("Tone: brief and formal.");
    expect(instructions).toMatch(/Articles for "[^"]+":\n/);
    expect(instructions).toContain("get_solution_article");
    expect(instructions).not.toContain("reply_to_ticket");
  });

  it("summarize_open_queue names the signed-in agent and lists their queue", async () => {
    const result = await reader.getPrompt({ name: "summarize_open_queue", arguments: { limit: "5" } });
    const instructions = texts(result);
    const me = (await backend.sandboxGet("/agents/me")) as { contact: { name: string } };
    expect(instructions).toMatch(new RegExp(`acts as agent #\\d+ ${me.contact.name}`));
    const queue = (await backend.sandboxGet(
      "/tickets?filter=new_and_my_open&order_by=updated_at&order_type=desc&per_page=5",
    )) as SandboxTicket[];
    expect(instructions.match(/^#\d+ (?=")/gm)).toEqual(queue.map((t) => `#${t.id} `));
    // The list has a next page, and the prompt hands over the cursor that reaches it.
    const cursor = /call list_tickets with \{"cursor": "([^"]+)"\}/.exec(instructions)?.[1];
    const next = await reader.callTool({ name: "list_tickets", arguments: { cursor } });
    expect((next.structuredContent as { items: unknown[] }).items.length).toBeGreaterThan(0);
  });

  it("explain_sla_risk carries the ticket's SLA state", async () => {
    const result = await reader.getPrompt({ name: "explain_sla_risk", arguments: { ticket_id: "1" } });
    expect(texts(result)).toMatch(/First response: (met|breached|pending|overdue|no target)/);
    expect(texts(result)).toContain("list_business_hours");
  });

  it("refuses bad arguments, an unknown ticket and an unknown prompt with invalid params", async () => {
    const bad = await failure(reader.getPrompt({ name: "triage_ticket", arguments: { ticket_id: "abc" } }));
    expect(bad.code).toBe(ErrorCode.InvalidParams);
    expect(bad.message).toContain('ticket_id: must be a ticket number such as "42"');
    const missing = await failure(reader.getPrompt({ name: "explain_sla_risk", arguments: {} }));
    expect(missing.code).toBe(ErrorCode.InvalidParams);
    expect(missing.message).toContain("ticket_id");
    const limit = await failure(
      reader.getPrompt({ name: "summarize_open_queue", arguments: { limit: "0" } }),
    );
    expect(limit.message).toContain("limit: must be at least 1");
    const gone = await failure(
      reader.getPrompt({ name: "triage_ticket", arguments: { ticket_id: "987654" } }),
    );
    expect(gone.code).toBe(ErrorCode.InvalidParams);
    expect(gone.data).toMatchObject({ status: 404 });
    const unknown = await failure(reader.getPrompt({ name: "nope", arguments: {} }));
    expect(unknown.message).toContain('There is no prompt named "nope"');
  });
});

describe("malformed params", () => {
  async function rpc(method: string, params: unknown): Promise<{ result?: unknown; error?: McpError }> {
    const response = await postMcp(
      web.url,
      { jsonrpc: "2.0", id: 1, method, ...(params === undefined ? {} : { params }) },
      { authorization: `Bearer ${TOKENS.read}` },
    );
    return (await response.json()) as { result?: unknown; error?: McpError };
  }

  it("answers them with -32602 and a sentence, not an internal error with a schema dump", async () => {
    const cases: [string, unknown, string][] = [
      ["prompts/get", undefined, 'prompts/get needs params: an object with the prompt\'s "name"'],
      ["prompts/get", { arguments: {} }, 'prompts/get params need a "name"'],
      ["prompts/get", { name: "triage_ticket", arguments: [1] }, "must be an object of named strings"],
      ["prompts/get", { name: "triage_ticket", arguments: { ticket_id: { id: 1 } } }, '"ticket_id"'],
      ["resources/read", { uri: 5 }, 'resources/read params need a "uri"'],
      ["resources/list", { cursor: 3 }, '"cursor" must be the nextCursor string'],
    ];
    for (const [method, params, sentence] of cases) {
      const { error } = await rpc(method, params);
      expect(error?.code, `${method} ${JSON.stringify(params)}`).toBe(ErrorCode.InvalidParams);
      expect(error?.message).toContain(sentence);
      expect(error?.message).not.toMatch(/invalid_type|"expected"/);
    }
  });

  it("takes a prompt argument sent as a number as its text", async () => {
    const { result } = await rpc("prompts/get", { name: "explain_sla_risk", arguments: { ticket_id: 1 } });
    expect(JSON.stringify(result)).toContain("freshdesk://tickets/1");
  });
});

describe("resources", () => {
  it("lists the ticket and article templates", async () => {
    const { resourceTemplates } = await reader.listResourceTemplates();
    expect(resourceTemplates.map((t) => [t.uriTemplate, t.mimeType])).toEqual([
      ["freshdesk://tickets/{id}", "text/plain"],
      ["freshdesk://solutions/articles/{id}", "text/plain"],
    ]);
  });

  it("lists recent tickets and published articles, paged with a signed cursor", async () => {
    const first = await reader.listResources();
    const tickets = first.resources.filter((r) => r.uri.startsWith("freshdesk://tickets/"));
    const articles = first.resources.filter((r) => r.uri.startsWith("freshdesk://solutions/articles/"));
    const recent = (await backend.sandboxGet(
      "/tickets?order_by=updated_at&order_type=desc&per_page=30",
    )) as SandboxTicket[];
    expect(tickets.map((r) => r.uri)).toEqual(recent.map((t) => `freshdesk://tickets/${t.id}`));
    expect(articles.length).toBeGreaterThan(0);
    expect(tickets[0]!.name).toMatch(/^#\d+ /);
    expect(first.nextCursor).toBeTypeOf("string");
    const second = await reader.listResources({ cursor: first.nextCursor! });
    const again = new Set(first.resources.map((r) => r.uri));
    expect(second.resources.length).toBeGreaterThan(0);
    expect(second.resources.some((r) => again.has(r.uri))).toBe(false);

    const forged = await failure(reader.listResources({ cursor: `${first.nextCursor!.slice(0, -2)}xx` }));
    expect(forged.code).toBe(ErrorCode.InvalidParams);
    expect(forged.message).toContain("Invalid cursor");
  });

  it("reads a ticket as text with every conversation, HTML turned into text", async () => {
    const ticket = (await backend.sandboxGet("/tickets/1")) as SandboxTicket;
    const conversations = (await backend.sandboxGet("/tickets/1/conversations")) as SandboxConversation[];
    expect(conversations.length).toBeGreaterThan(0);
    const { contents } = await reader.readResource({ uri: "freshdesk://tickets/1" });
    expect(contents).toHaveLength(1);
    expect(contents[0]).toMatchObject({ uri: "freshdesk://tickets/1", mimeType: "text/plain" });
    const text = (contents[0] as { text: string }).text;
    expect(text).toContain(ticket.subject);
    for (const c of conversations) expect(text).toContain(c.body_text.trim().slice(0, 40));
    expect(text).not.toMatch(/<(p|div|br)\b/);
  });

  it("reads an article as text", async () => {
    const { resources } = await reader.listResources();
    const article = resources.find((r) => r.uri.startsWith("freshdesk://solutions/articles/"))!;
    const { contents } = await reader.readResource({ uri: article.uri });
    const text = (contents[0] as { text: string }).text;
    expect(text.split("\n")[0]).toBe(article.name);
    expect(text).toContain("Status: published");
    expect(text).not.toMatch(/<(p|div|br|li)\b/);
  });

  it("answers a missing record or an unknown URI with resource not found", async () => {
    const gone = await failure(reader.readResource({ uri: "freshdesk://tickets/987654" }));
    expect(gone.code).toBe(RESOURCE_NOT_FOUND);
    expect(gone.data).toMatchObject({ status: 404 });
    const unknown = await failure(reader.readResource({ uri: "freshdesk://contacts/1" }));
    expect(unknown.code).toBe(RESOURCE_NOT_FOUND);
    expect(unknown.message).toContain("freshdesk://tickets/{id}");
  });

  it("follows the tools' policy: a caller limited to the knowledge base sees only its prompts' and articles' part", async () => {
    const client = await connectInProcessClient(backend.deps, {
      caller: "kb-only",
      scopes: ["read"],
      toolsets: ["solutions"],
    });
    try {
      expect((await client.listPrompts()).prompts).toEqual([]);
      const { resourceTemplates } = await client.listResourceTemplates();
      expect(resourceTemplates.map((t) => t.name)).toEqual(["solution_article"]);
      const { resources } = await client.listResources();
      expect(resources.length).toBeGreaterThan(0);
      expect(resources.every((r) => r.uri.startsWith("freshdesk://solutions/articles/"))).toBe(true);
      const refused = await failure(client.readResource({ uri: "freshdesk://tickets/1" }));
      expect(refused.code).toBe(ErrorCode.InvalidParams);
      expect(refused.message).toContain('"tickets" toolset');
      const prompt = await failure(
        client.getPrompt({ name: "triage_ticket", arguments: { ticket_id: "1" } }),
      );
      expect(prompt.message).toContain("Refused: the triage_ticket prompt");
    } finally {
      await client.close();
    }
  });
});

describe("ChatGPT's search and fetch", () => {
  it("are read-only tools with output schemas, listed to a read token", async () => {
    const { tools } = await reader.listTools();
    for (const name of ["search", "fetch"]) {
      const tool = tools.find((t) => t.name === name)!;
      expect(tool.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
      expect(tool.outputSchema?.type).toBe("object");
    }
    expect(tools.find((t) => t.name === "search")!.inputSchema.required).toEqual(["query"]);
    expect(tools.find((t) => t.name === "fetch")!.inputSchema.required).toEqual(["id"]);
  });

  it("search answers one text content holding {results: [{id, title, url}]} over tickets and articles", async () => {
    const result = await reader.callTool({ name: "search", arguments: { query: "refund" } });
    const content = result.content as { type: string; text: string }[];
    expect(content).toHaveLength(1);
    expect(content[0]!.type).toBe("text");
    const parsed = JSON.parse(content[0]!.text) as { results: { id: string; title: string; url: string }[] };
    expect(parsed).toEqual(result.structuredContent);
    expect(Object.keys(parsed)).toEqual(["results"]);
    expect(parsed.results.length).toBeGreaterThan(0);
    for (const r of parsed.results) {
      expect(Object.keys(r).sort()).toEqual(["id", "title", "url"]);
      expect(r.id).toMatch(/^(ticket|article):\d+$/);
    }
    const article = parsed.results.find((r) => r.id.startsWith("article:"))!;
    expect(article.url).toBe(
      `https://acme.freshdesk.com/support/solutions/articles/${article.id.slice("article:".length)}`,
    );
    expect(parsed.results.some((r) => r.id.startsWith("ticket:") && /refund/i.test(r.title))).toBe(true);
    const nothing = await reader.callTool({ name: "search", arguments: { query: "xylophone quasar" } });
    expect(nothing.structuredContent).toEqual({ results: [] });
  });

  it("search passes a Freshdesk ticket query through", async () => {
    const result = await reader.callTool({ name: "search", arguments: { query: "priority:4" } });
    const { results } = result.structuredContent as { results: { id: string }[] };
    const urgent = (await backend.sandboxGet('/search/tickets?query="priority:4"')) as {
      results: { id: number }[];
    };
    expect(results.map((r) => r.id)).toEqual(urgent.results.slice(0, 20).map((t) => `ticket:${t.id}`));
  });

  it("fetch answers one text content holding {id, title, text, url, metadata}", async () => {
    const search = await reader.callTool({ name: "search", arguments: { query: "refund" } });
    const { results } = search.structuredContent as { results: { id: string; title: string; url: string }[] };
    for (const hit of [
      results.find((r) => r.id.startsWith("ticket:"))!,
      results.find((r) => r.id.startsWith("article:"))!,
    ]) {
      const result = await reader.callTool({ name: "fetch", arguments: { id: hit.id } });
      const content = result.content as { type: string; text: string }[];
      expect(content).toHaveLength(1);
      const doc = JSON.parse(content[0]!.text) as Record<string, unknown>;
      expect(doc).toEqual(result.structuredContent);
      expect(Object.keys(doc).sort()).toEqual(["id", "metadata", "text", "title", "url"]);
      expect(doc).toMatchObject({ id: hit.id, title: hit.title, url: hit.url });
      expect(doc.metadata).toMatchObject({ type: hit.id.split(":")[0] });
      expect(doc.text).not.toMatch(/<(p|div|br)\b/);
    }
    const gone = await reader.callTool({ name: "fetch", arguments: { id: "ticket:987654" } });
    expect(gone.isError).toBe(true);
  });
});

describe("as a group-restricted agent (a person signed in with their own key)", () => {
  let tom: Client;
  beforeAll(async () => {
    const response = await fetch(`${backend.sandbox.baseUrl}/_sandbox/agents`, {
      headers: { authorization: `Basic ${Buffer.from(`${backend.sandbox.apiKey}:X`).toString("base64")}` },
    });
    const agents = (await response.json()) as { id: number; api_key: string }[];
    const key = agents.find((a) => a.id === AGENT.tomBecker)!.api_key;
    const freshdesk = createFreshdeskClient({ baseUrl: backend.sandbox.baseUrl, apiKey: key, maxRetries: 0 });
    tom = await connectInProcessClient(
      { ...backend.deps, freshdesk, directory: createAccountDirectory(freshdesk) },
      { caller: "tom", scopes: ["read"] },
    );
  });
  afterAll(() => tom.close());

  it("lists, reads, searches and summarises only what Freshdesk lets that agent see", async () => {
    const everything = (
      await backend.freshdesk.tickets.list({ updated_since: "2000-01-01T00:00:00Z", perPage: 100 })
    ).items;
    const hidden = everything.find(
      (t) => t.group_id !== GROUP.billing && t.responder_id !== AGENT.tomBecker,
    )!;
    const { resources } = await tom.listResources();
    const ids = resources
      .filter((r) => r.uri.startsWith("freshdesk://tickets/"))
      .map((r) => Number(r.uri.split("/").pop()));
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      const t = everything.find((e) => e.id === id)!;
      expect(t.group_id === GROUP.billing || t.responder_id === AGENT.tomBecker).toBe(true);
    }
    const refused = await failure(tom.readResource({ uri: `freshdesk://tickets/${hidden.id}` }));
    expect(refused.code).toBe(ErrorCode.InvalidParams);
    expect(refused.data).toMatchObject({ status: 403, code: "freshdesk_forbidden" });
    const search = await tom.callTool({ name: "search", arguments: { query: `ticket:${hidden.id}` } });
    expect(search.structuredContent).toEqual({ results: [] });
    const queue = await tom.getPrompt({ name: "summarize_open_queue", arguments: {} });
    expect(texts(queue)).toContain("Tom Becker");
  });
});
