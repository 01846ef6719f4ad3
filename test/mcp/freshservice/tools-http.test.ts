// The Freshservice tools through the official SDK client over Streamable HTTP on loopback: the
// shared /mcp route (bearer tokens, policy, audit, size caps, cursors) in front of a tool server
// made by createMcpServer from Freshservice deps, talking to the Freshservice sandbox over HTTP.
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TriageService } from "../../../src/mcp/deps.ts";
import {
  call,
  connectFsClient,
  type FsBackend,
  failure,
  PORTAL_URL,
  startFsBackend,
  startFsWeb,
  TOKENS,
} from "./support.ts";

type Ticket = {
  id: number;
  subject?: string;
  status: number;
  status_name?: string;
  priority_name?: string;
  urgency?: number;
  urgency_name?: string;
  impact?: number;
  impact_name?: string;
  category?: string;
  sub_category?: string;
  item_category?: string;
  group_id?: number;
  group_name?: string;
  department_id?: number;
  department_name?: string;
  requester?: { id?: number; name?: string; email?: string };
  tags?: string[];
  url?: string;
  deleted?: true;
};
type Page<T> = { items: T[]; next_cursor?: string; total?: number };
type Conversation = { id: number; kind: string; private?: boolean; body_text?: string };

const triageRuns: { ticketId: number; mode: string }[] = [];
const triage: TriageService = {
  async run(ticketId, { mode }) {
    triageRuns.push({ ticketId, mode });
    return { category: "Network › Wi-Fi", mode };
  },
  async latest(ticketId) {
    const run = triageRuns.findLast((r) => r.ticketId === ticketId);
    return run ? { category: "Network › Wi-Fi", mode: run.mode } : undefined;
  },
};

let backend: FsBackend;
let web: { url: string; close(): Promise<void> };
let reader: Client;
let writer: Client;
let admin: Client;
let openTicket: Ticket;

beforeAll(async () => {
  backend = await startFsBackend({ triage, history: true });
  web = await startFsWeb(backend);
  [reader, writer, admin] = await Promise.all([
    connectFsClient(web.url, TOKENS.read),
    connectFsClient(web.url, TOKENS.write),
    connectFsClient(web.url, TOKENS.admin),
  ]);
  const open = await call<Page<Ticket>>(reader, "filter_tickets", { query: "status:2" });
  openTicket = open.items[0]!;
});

afterAll(async () => {
  await Promise.all([reader?.close(), writer?.close(), admin?.close()]);
  await web?.close();
  await backend?.close();
});

describe("the Freshservice tool server over HTTP", () => {
  it("introduces itself as the Freshservice server and lists each token the tools of its scope", async () => {
    expect(reader.getServerVersion()?.name).toBe("freshservice-triage");
    expect(reader.getInstructions()).toMatch(/Freshservice/);
    // No Freshdesk prompts or resources on a Freshservice server.
    expect(reader.getServerCapabilities()?.prompts).toBeUndefined();
    const readable = (await reader.listTools()).tools.map((t) => t.name);
    expect(readable).toEqual(expect.arrayContaining(["filter_tickets", "list_departments", "get_ticket"]));
    expect(readable).not.toContain("update_ticket");
    expect(readable).not.toContain("count_tickets");
    const all = (await admin.listTools()).tools.map((t) => t.name);
    expect(all).toEqual(expect.arrayContaining(["delete_ticket", "update_ticket", "add_note"]));
  });

  it("filters tickets with the quoted language, naming status, urgency, impact and department", async () => {
    const result = await call<Page<Ticket>>(reader, "filter_tickets", { query: "status:2 AND priority:1" });
    expect(result.total).toBeGreaterThan(0);
    expect(result.items.length).toBe(Math.min(result.total!, 30));
    for (const t of result.items) {
      expect(t).toMatchObject({ status: 2, status_name: "Open", priority_name: "Low" });
      expect(t.urgency_name).toMatch(/^(Low|Medium|High)$/);
      expect(t.impact_name).toMatch(/^(Low|Medium|High)$/);
      if (t.department_id) expect(t.department_name).toBeTypeOf("string");
      if (t.group_id) expect(t.group_name).toBeTypeOf("string");
    }
  });

  it("pages filter results through signed cursors, reaching every match exactly once", async () => {
    const query = "status:4 OR status:5";
    const first = await call<Page<Ticket>>(reader, "filter_tickets", { query });
    expect(first.total).toBeGreaterThan(60);
    const seen = new Set<number>();
    let page: Page<Ticket> = first;
    for (let calls = 1; ; calls++) {
      for (const t of page.items) {
        expect([4, 5]).toContain(t.status);
        expect(seen.has(t.id), `ticket ${t.id} came twice`).toBe(false);
        seen.add(t.id);
      }
      if (!page.next_cursor) break;
      expect(calls).toBeLessThan(200);
      page = await call<Page<Ticket>>(reader, "filter_tickets", { cursor: page.next_cursor });
    }
    expect(seen.size).toBe(first.total);
    // A cursor is bound to its tool and query.
    expect(await failure(reader, "list_tickets", { cursor: first.next_cursor })).toMatch(/Invalid cursor/);
    expect(await failure(reader, "filter_tickets", { query: "status:2", cursor: first.next_cursor })).toMatch(
      /differs from the query/,
    );
  });

  it("says what is wrong with a filter query Freshservice rejects", async () => {
    const text = await failure(reader, "filter_tickets", { query: "status:" });
    expect(text).toMatch(/filter|query|invalid|lexical/i);
    expect(await failure(reader, "filter_tickets", {})).toMatch(/needs a query/);
  });

  it("gets a ticket with its requester named, tags on request, and a portal link", async () => {
    const ticket = await call<Ticket>(reader, "get_ticket", {
      ticket_id: openTicket.id,
      include: ["requester", "tags"],
    });
    expect(ticket.id).toBe(openTicket.id);
    expect(ticket.url).toBe(`${PORTAL_URL}/a/tickets/${openTicket.id}`);
    expect(ticket.requester?.name).toBeTypeOf("string");
    expect(ticket.requester?.email).toContain("@");
    expect(JSON.stringify(ticket)).not.toContain("null");
  });

  it("lists the ticket fields with the category tree and the choices of each scale", async () => {
    const { fields } = await call<{
      fields: {
        name: string;
        type?: string;
        choices?: { id?: number; value: string }[];
        category_tree?: { value: string; sub_categories?: { value: string; item_categories?: string[] }[] }[];
      }[];
    }>(reader, "list_ticket_fields");
    const category = fields.find((f) => f.type === "default_category");
    expect(category?.category_tree?.length).toBeGreaterThan(1);
    expect(
      category?.category_tree?.some((c) => c.sub_categories?.some((s) => s.item_categories?.length)),
    ).toBe(true);
    const urgency = fields.find((f) => f.type === "default_urgency");
    expect(urgency?.choices).toEqual(expect.arrayContaining([{ id: 3, value: "High" }]));
  });

  it("updates urgency, impact, priority, the category path and the group, naming each, and audits it", async () => {
    const { fields } = await call<{
      fields: {
        type?: string;
        category_tree?: { value: string; sub_categories?: { value: string; item_categories?: string[] }[] }[];
      }[];
    }>(reader, "list_ticket_fields");
    const tree = fields.find((f) => f.type === "default_category")!.category_tree!;
    const level1 = tree.find((c) => c.sub_categories?.some((s) => s.item_categories?.length))!;
    const level2 = level1.sub_categories!.find((s) => s.item_categories?.length)!;
    const groups = await call<{ items: { id: number; name: string }[] }>(reader, "list_groups");
    const group = groups.items[0]!;

    const updated = await call<Ticket>(writer, "update_ticket", {
      ticket_id: openTicket.id,
      urgency: 3,
      impact: 2,
      priority: 3,
      category: level1.value,
      sub_category: level2.value,
      item_category: level2.item_categories![0],
      group_id: group.id,
      tags: ["wifi", "floor-3"],
    });
    expect(updated).toMatchObject({
      urgency: 3,
      urgency_name: "High",
      impact: 2,
      impact_name: "Medium",
      priority_name: "High",
      category: level1.value,
      sub_category: level2.value,
      item_category: level2.item_categories![0],
      group_id: group.id,
      group_name: group.name,
    });
    const reread = await call<Ticket>(reader, "get_ticket", { ticket_id: openTicket.id, include: ["tags"] });
    expect(reread.tags).toEqual(["wifi", "floor-3"]);
    const activities = await call<{ items: { content?: string }[] }>(reader, "list_ticket_activities", {
      ticket_id: openTicket.id,
    });
    expect(activities.items.length).toBeGreaterThan(0);

    const audit = await backend.redis.xrange(`${backend.prefix}:audit`, "-", "+");
    const entries = audit.map(([, fields]) => Object.fromEntries(chunks(fields)));
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ tool: "update_ticket", caller: "writer", outcome: "ok" }),
      ]),
    );
  });

  it("refuses writes to a read token and deleting to a write token, and audits the refusal", async () => {
    expect(await failure(reader, "update_ticket", { ticket_id: openTicket.id, urgency: 1 })).toMatch(
      /needs the "write" scope/,
    );
    expect(await failure(writer, "delete_ticket", { ticket_id: openTicket.id })).toMatch(
      /needs the "admin" scope/,
    );
    expect(await failure(writer, "update_ticket", { ticket_id: openTicket.id })).toMatch(
      /at least one field/,
    );
    expect(await failure(writer, "update_ticket", { ticket_id: openTicket.id, urgency: 4 })).toMatch(
      /urgency/,
    );
    const audit = await backend.redis.xrange(`${backend.prefix}:audit`, "-", "+");
    const entries = audit.map(([, fields]) => Object.fromEntries(chunks(fields)));
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ tool: "update_ticket", caller: "reader", outcome: "refused" }),
        expect.objectContaining({ tool: "delete_ticket", caller: "writer", outcome: "refused" }),
      ]),
    );
  });

  it("adds a private note by default, edits it, lists it, and sends a reply", async () => {
    const note = await call<Conversation>(writer, "add_note", {
      ticket_id: openTicket.id,
      body: "Checked the controller on floor 3.\nIt was rebooting.",
    });
    expect(note).toMatchObject({ kind: "private note", private: true });
    const edited = await call<Conversation>(writer, "update_note", {
      conversation_id: note.id,
      body: "Controller replaced.",
    });
    expect(edited.body_text).toBe("Controller replaced.");
    const reply = await call<Conversation>(writer, "reply_to_ticket", {
      ticket_id: openTicket.id,
      body: "We replaced the Wi-Fi controller; please reconnect.",
    });
    expect(reply.kind).toBe("agent reply");
    const listed = await call<Page<Conversation>>(reader, "list_conversations", { ticket_id: openTicket.id });
    expect(listed.items.map((c) => c.id)).toEqual(expect.arrayContaining([note.id, reply.id]));
    expect(listed.items.find((c) => c.id === note.id)?.body_text).toBe("Controller replaced.");
  });

  it("creates a ticket, and only an admin deletes and restores it", async () => {
    const created = await call<Ticket>(writer, "create_ticket", {
      email: "new.hire@acme-corp.com",
      subject: "Need access to the finance share",
      description: "Started Monday; cannot open \\\\files\\finance.",
      urgency: 2,
      impact: 1,
      type: "Service Request",
    });
    expect(created).toMatchObject({ status: 2, urgency_name: "Medium", impact_name: "Low" });
    expect(await failure(writer, "create_ticket", { subject: "x", description: "y" })).toMatch(/requester/);

    await call(admin, "delete_ticket", { ticket_id: created.id });
    expect(await call<Ticket>(reader, "get_ticket", { ticket_id: created.id, include: [] })).toMatchObject({
      deleted: true,
    });
    const deleted = await call<Page<Ticket>>(reader, "list_tickets", { filter: "deleted" });
    expect(deleted.items.map((t) => t.id)).toContain(created.id);
    await call(admin, "restore_ticket", { ticket_id: created.id });
    expect((await call<Ticket>(reader, "get_ticket", { ticket_id: created.id, include: [] })).id).toBe(
      created.id,
    );
  });

  it("lists recent tickets a page at a time", async () => {
    const first = await call<Page<Ticket>>(reader, "list_tickets", { per_page: 5 });
    expect(first.items).toHaveLength(5);
    const second = await call<Page<Ticket>>(reader, "list_tickets", { cursor: first.next_cursor });
    expect(second.items.length).toBeGreaterThan(0);
    for (const t of second.items) expect(first.items.map((x) => x.id)).not.toContain(t.id);
  });

  it("finds and reads requesters with their departments named, and creates and updates one", async () => {
    const page = await call<
      Page<{
        id: number;
        name: string;
        primary_email?: string;
        departments?: { id: number; name?: string }[];
      }>
    >(reader, "list_requesters", { per_page: 10 });
    expect(page.items.length).toBeGreaterThan(0);
    const someone = page.items.find((r) => r.departments?.length)!;
    expect(someone.departments![0]!.name).toBeTypeOf("string");
    const byEmail = await call<Page<{ id: number }>>(reader, "list_requesters", {
      email: someone.primary_email,
    });
    expect(byEmail.items.map((r) => r.id)).toEqual([someone.id]);
    const one = await call<{ id: number; name: string }>(reader, "get_requester", {
      requester_id: someone.id,
    });
    expect(one.name).toBe(someone.name);

    const departments = await call<{ items: { id: number; name: string }[] }>(reader, "list_departments");
    const created = await call<{ id: number; departments?: { id: number; name?: string }[] }>(
      writer,
      "create_requester",
      {
        first_name: "Noor",
        last_name: "Haddad",
        primary_email: "noor.haddad@acme-corp.com",
        department_ids: [departments.items[0]!.id],
      },
    );
    expect(created.departments).toEqual([{ id: departments.items[0]!.id, name: departments.items[0]!.name }]);
    const updated = await call<{ job_title?: string }>(writer, "update_requester", {
      requester_id: created.id,
      job_title: "Analyst",
    });
    expect(updated.job_title).toBe("Analyst");
    expect(await failure(writer, "create_requester", { first_name: "Nobody" })).toMatch(/primary_email/);
  });

  it("names agents' groups, groups' members and departments", async () => {
    const agents = await call<
      Page<{ id: number; name: string; member_of?: { id: number; name?: string }[] }>
    >(reader, "list_agents", { active: true });
    const member = agents.items.find((a) => a.member_of?.length)!;
    expect(member.member_of![0]!.name).toBeTypeOf("string");
    expect((await call<{ name: string }>(reader, "get_agent", { agent_id: member.id })).name).toBe(
      member.name,
    );

    const group = await call<{ name: string; members?: { id: number; name?: string }[] }>(
      reader,
      "get_group",
      {
        group_id: member.member_of![0]!.id,
      },
    );
    expect(group.name).toBe(member.member_of![0]!.name);
    expect(group.members).toEqual(expect.arrayContaining([{ id: member.id, name: member.name }]));

    const all = await call<{ items: { id: number; name: string }[] }>(reader, "list_departments");
    expect(all.items.length).toBeGreaterThan(3);
    const named = await call<{ items: { id: number; name: string }[] }>(reader, "list_departments", {
      name: all.items[0]!.name.slice(0, 3).toUpperCase(),
    });
    expect(named.items.map((d) => d.id)).toContain(all.items[0]!.id);
    expect(named.items.length).toBeLessThan(all.items.length);
    const one = await call<{ name: string }>(reader, "get_department", { department_id: all.items[0]!.id });
    expect(one.name).toBe(all.items[0]!.name);
  });

  it("searches tickets by words and by id, and fetches them in the connector shape", async () => {
    const subject = openTicket.subject!;
    const found = await call<{ results: { id: string; title: string; url: string }[] }>(reader, "search", {
      query: subject,
    });
    expect(found.results).toEqual(
      expect.arrayContaining([
        {
          id: `ticket:${openTicket.id}`,
          title: `#${openTicket.id} ${subject}`,
          url: `${PORTAL_URL}/a/tickets/${openTicket.id}`,
        },
      ]),
    );
    const byId = await call<{ results: { id: string }[] }>(reader, "search", { query: `#${openTicket.id}` });
    expect(byId.results.map((r) => r.id)).toEqual([`ticket:${openTicket.id}`]);
    expect(
      (await call<{ results: unknown[] }>(reader, "search", { query: "ticket:99999999" })).results,
    ).toEqual([]);

    const kb = await call<{ results: { id: string; title: string; url: string }[] }>(reader, "search", {
      query: "VPN GlobalProtect",
    });
    const article = kb.results.find((r) => r.id.startsWith("article:"));
    expect(article?.title).toMatch(/VPN/);
    expect(article?.url).toMatch(new RegExp(`^${PORTAL_URL}/a/solutions/articles/\\d+$`));
    const articleDocument = await reader.callTool({ name: "fetch", arguments: { id: article!.id } });
    const articleText = JSON.parse((articleDocument.content as { text: string }[])[0]!.text) as {
      text: string;
      metadata: Record<string, string>;
    };
    expect(articleText.metadata).toMatchObject({ type: "article", status: "published" });
    expect(articleText.text).toMatch(/GlobalProtect/);

    const result = await reader.callTool({ name: "fetch", arguments: { id: `ticket:${openTicket.id}` } });
    const text = (result.content as { text: string }[])[0]!.text;
    const document = JSON.parse(text) as { id: string; text: string; metadata: Record<string, string> };
    expect(document.id).toBe(`ticket:${openTicket.id}`);
    expect(document.text).toContain(subject);
    expect(document.metadata).toMatchObject({
      type: "ticket",
      status: expect.any(String),
      urgency: expect.any(String),
    });
  });

  it("runs triage through the injected service, and says so when there is none", async () => {
    const run = await call<{ result: { mode: string } }>(writer, "triage_ticket", {
      ticket_id: openTicket.id,
    });
    expect(run.result.mode).toBe("dry-run");
    expect(triageRuns).toContainEqual({ ticketId: openTicket.id, mode: "dry-run" });
    const latest = await call<{ result: { category: string } }>(reader, "get_triage_result", {
      ticket_id: openTicket.id,
    });
    expect(latest.result.category).toBe("Network › Wi-Fi");
    expect(await failure(reader, "get_triage_result", { ticket_id: 424242 })).toMatch(/not been triaged/);

    const { triage: _none, ...withoutTriage } = backend.deps;
    const bare = await startFsWeb(backend, { deps: withoutTriage });
    const client = await connectFsClient(bare.url, TOKENS.write);
    try {
      expect(await failure(client, "triage_ticket", { ticket_id: openTicket.id })).toMatch(/not available/);
    } finally {
      await client.close();
      await bare.close();
    }
  });

  it("offers only the enabled toolsets, Freshservice's own included", async () => {
    const limited = await startFsWeb(backend, { toolsets: ["requesters", "departments"] });
    const client = await connectFsClient(limited.url, TOKENS.write);
    try {
      const names = (await client.listTools()).tools.map((t) => t.name).sort();
      expect(names).toEqual([
        "create_requester",
        "get_department",
        "get_requester",
        "list_departments",
        "list_requesters",
        "update_requester",
      ]);
      expect(await failure(client, "get_ticket", { ticket_id: openTicket.id })).toMatch(/"tickets" toolset/);
    } finally {
      await client.close();
      await limited.close();
    }
  });

  it("hides every writing tool on a read-only server, whatever the token", async () => {
    const readOnly = await startFsWeb(backend, { readOnly: true });
    const client = await connectFsClient(readOnly.url, TOKENS.admin);
    try {
      const tools = await client.listTools();
      expect(tools.tools.every((t) => t.annotations?.readOnlyHint === true)).toBe(true);
      expect(await failure(client, "add_note", { ticket_id: openTicket.id, body: "x" })).toMatch(
        /read-only mode/,
      );
    } finally {
      await client.close();
      await readOnly.close();
    }
  });
});

function chunks(fields: string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) pairs.push([fields[i]!, fields[i + 1]!]);
  return pairs;
}
