import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { expect } from "vitest";
import { callTool, type ToolName } from "../../../src/mcp/in-process-client.ts";
import { AGENT, COMPANY, CONTACT, GROUP } from "../../../src/sandbox/seed/ids.ts";
import type { Backend } from "./harness.ts";

export type ToolTestContext = {
  /** In-process client with every scope. */
  client: Client;
  /** In-process client whose server has a triage service. */
  triageClient: Client;
  backend: Backend;
};

type Conversation = { id: number; body_text: string; private: boolean; source: number; user_id: number };

/** A fresh open ticket to merge, bulk-update or delete around, so other cases keep theirs. */
async function freshTicket(backend: Backend, subject: string): Promise<number> {
  const ticket = await backend.freshdesk.tickets.create({
    email: "tool.cases@example.org",
    subject,
    description: subject,
  });
  return ticket.id;
}

/** The text of a failed call, and its error metadata. */
async function refusal(client: Client, name: string, args: Record<string, unknown>) {
  const result = await client.callTool({ name, arguments: args });
  expect(result.isError, `${name} should fail`).toBe(true);
  return { text: (result.content as { text: string }[])[0]!.text, meta: result._meta?.error };
}

/**
 * One real call per tool against the sandbox, with a check of what came back. Typed as a
 * record over every tool name, so a new tool without a case does not compile; the registry
 * meta-test also checks the keys at run time.
 */
export const toolCases: Record<ToolName, (t: ToolTestContext) => Promise<void>> = {
  async list_tickets({ client }) {
    const first = await callTool(client, "list_tickets", {
      per_page: 2,
      updated_since: "2000-01-01T00:00:00Z",
    });
    expect(first.items).toHaveLength(2);
    expect(first.next_cursor).toBeTypeOf("string");
    for (const t of first.items) {
      expect(t.status_name).toBeTypeOf("string");
      if (t.group_id) expect(t.group_name).toBeTypeOf("string");
      if (t.responder_id) expect(t.responder_name).toBeTypeOf("string");
    }
    const second = await callTool(client, "list_tickets", { cursor: first.next_cursor! });
    expect(second.items).toHaveLength(2);
    expect(second.items.map((t) => t.id)).not.toContain(first.items[0]!.id);
  },
  async get_ticket({ client }) {
    const ticket = await callTool(client, "get_ticket", {
      ticket_id: 1,
      include: ["requester", "conversations"],
    });
    expect(ticket).toMatchObject({ id: 1, url: "https://acme.freshdesk.com/a/tickets/1" });
    expect(ticket.requester?.email).toContain("@");
    expect(ticket.description_text).not.toMatch(/<\/?p>/);
    expect(JSON.stringify(ticket)).not.toContain("null");
  },
  async search_tickets({ client }) {
    const result = await callTool(client, "search_tickets", { query: "status:2 OR status:3" });
    expect(result.total).toBeGreaterThan(0);
    for (const t of result.items) expect([2, 3]).toContain(t.status);
  },
  async count_tickets({ client }) {
    const counted = await callTool(client, "count_tickets", { query: "priority:4" });
    const searched = await callTool(client, "search_tickets", { query: "priority:4" });
    expect(counted.total).toBe(searched.total);
  },
  async list_ticket_fields({ client }) {
    const { fields } = await callTool(client, "list_ticket_fields", {});
    const status = fields.find((f) => f.type === "default_status");
    expect(status?.choices).toEqual(expect.arrayContaining(["2: Open"]));
  },
  async list_ticket_statuses({ client }) {
    const result = await callTool(client, "list_ticket_statuses", {});
    expect(result.statuses).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: 2, name: "Open" })]),
    );
    expect(result.priorities.map((p) => p.name)).toContain("Urgent");
  },
  async list_ticket_types({ client }) {
    const { types } = await callTool(client, "list_ticket_types", {});
    expect(types).toContain("Question");
  },
  async list_unassigned_tickets({ client }) {
    const result = await callTool(client, "list_unassigned_tickets", {});
    for (const t of result.items) {
      expect(t.responder_id).toBeUndefined();
      expect([2, 3]).toContain(t.status);
    }
  },
  async list_overdue_tickets({ client }) {
    const { items } = await callTool(client, "list_overdue_tickets", {});
    for (const t of items) expect(Date.parse(t.due_by!)).toBeLessThan(Date.now());

    const firstResponse = await client.callTool({
      name: "list_overdue_tickets",
      arguments: { kind: "first_response" },
    });
    const late = (
      firstResponse.structuredContent as { items: { id: number; due_by?: string; fr_due_by?: string }[] }
    ).items;
    expect(late.length).toBeGreaterThan(0);
    const lines = (firstResponse.content as { text: string }[])[0]!.text.split("\n");
    for (const t of late) {
      expect(Date.parse(t.fr_due_by!)).toBeLessThan(Date.now());
      expect(t.fr_due_by).not.toBe(t.due_by);
      const line = lines.find((l) => l.includes(`#${t.id} `));
      expect(line, `ticket ${t.id}`).toContain(`first response due ${t.fr_due_by}`);
      expect(line).not.toContain(t.due_by!);
    }
  },
  async get_ticket_sla({ client }) {
    const sla = await callTool(client, "get_ticket_sla", { ticket_id: 1 });
    expect(sla.ticket_id).toBe(1);
    expect(["met", "breached", "pending", "overdue", "no target"]).toContain(sla.resolution.state);
  },
  async list_requester_tickets({ client }) {
    const result = await callTool(client, "list_requester_tickets", { ticket_id: 1 });
    expect(result.requester_id).toBeTypeOf("number");
    for (const t of result.items) {
      expect(t.id).not.toBe(1);
      expect(t.requester_id).toBe(result.requester_id);
    }
  },
  async create_ticket({ client, backend }) {
    const created = await callTool(client, "create_ticket", {
      email: "new.customer@example.org",
      subject: "Printer on fire",
      description: "It smells.\n\nPlease help.",
      priority: 3,
      group_id: GROUP.technicalSupport,
    });
    expect(created).toMatchObject({ priority_name: "High", group_name: "Technical Support" });
    const stored = (await backend.sandboxGet(`/tickets/${created.id}`)) as { subject: string };
    expect(stored.subject).toBe("Printer on fire");
  },
  async update_ticket({ client, backend }) {
    const updated = await callTool(client, "update_ticket", {
      ticket_id: 3,
      priority: 4,
      tags: ["escalated"],
    });
    expect(updated).toMatchObject({ id: 3, priority: 4, priority_name: "Urgent", tags: ["escalated"] });
    expect(((await backend.sandboxGet("/tickets/3")) as { priority: number }).priority).toBe(4);
  },
  async delete_ticket({ client, backend }) {
    await callTool(client, "delete_ticket", { ticket_id: 5 });
    expect(((await backend.sandboxGet("/tickets/5")) as { deleted?: boolean }).deleted).toBe(true);
    await callTool(client, "restore_ticket", { ticket_id: 5 });
  },
  async restore_ticket({ client, backend }) {
    await callTool(client, "delete_ticket", { ticket_id: 6 });
    const restored = await callTool(client, "restore_ticket", { ticket_id: 6 });
    expect(restored).toEqual({ ticket_id: 6, deleted: false });
    expect(((await backend.sandboxGet("/tickets/6")) as { deleted?: boolean }).deleted).not.toBe(true);
  },
  async list_conversations({ client }) {
    const first = await callTool(client, "list_conversations", { ticket_id: 1, per_page: 1 });
    expect(first.items).toHaveLength(1);
    expect(first.items[0]!.body_text).toBeTypeOf("string");
    if (first.next_cursor) {
      const next = await callTool(client, "list_conversations", { cursor: first.next_cursor });
      expect(next.items[0]!.id).not.toBe(first.items[0]!.id);
    }
  },
  async add_note({ client, backend }) {
    const note = await callTool(client, "add_note", { ticket_id: 4, body: "Line one\nLine <two>" });
    expect(note).toMatchObject({ kind: "private note", private: true });
    const thread = (await backend.sandboxGet("/tickets/4/conversations?per_page=100")) as Conversation[];
    expect(thread.find((c) => c.id === note.id)?.private).toBe(true);
  },
  async reply_to_ticket({ client, backend }) {
    const reply = await callTool(client, "reply_to_ticket", { ticket_id: 4, body: "We are on it." });
    expect(reply.kind).toBe("agent reply");
    const thread = (await backend.sandboxGet("/tickets/4/conversations?per_page=100")) as Conversation[];
    expect(thread.find((c) => c.id === reply.id)?.private).toBe(false);
  },
  async update_note({ client, backend }) {
    const note = await callTool(client, "add_note", { ticket_id: 4, body: "draft" });
    const updated = await callTool(client, "update_note", {
      conversation_id: note.id,
      body: "final wording",
    });
    expect(updated.body_text).toBe("final wording");
    const thread = (await backend.sandboxGet("/tickets/4/conversations?per_page=100")) as Conversation[];
    expect(thread.find((c) => c.id === note.id)?.body_text).toBe("final wording");
  },
  async get_contact({ client }) {
    const contact = await callTool(client, "get_contact", { contact_id: CONTACT.aishaRahman });
    expect(contact.email).toBe("aisha.rahman@meridianhealth.example");
  },
  async list_contacts({ client }) {
    const result = await callTool(client, "list_contacts", { email: "aisha.rahman@meridianhealth.example" });
    expect(result.items.map((c) => c.id)).toEqual([CONTACT.aishaRahman]);
  },
  async search_contacts({ client }) {
    const result = await callTool(client, "search_contacts", {
      query: `company_id:${COMPANY.meridianHealth}`,
    });
    expect(result.total).toBeGreaterThan(0);
    for (const c of result.items) expect(c.company_id).toBe(COMPANY.meridianHealth);
  },
  async create_contact({ client, backend }) {
    const created = await callTool(client, "create_contact", {
      name: "Zoe Park",
      email: "zoe.park@example.org",
    });
    expect(((await backend.sandboxGet(`/contacts/${created.id}`)) as { name: string }).name).toBe("Zoe Park");
  },
  async update_contact({ client }) {
    const updated = await callTool(client, "update_contact", {
      contact_id: CONTACT.gregHolloway,
      job_title: "CFO",
    });
    expect(updated.job_title).toBe("CFO");
  },
  async get_company({ client }) {
    const company = await callTool(client, "get_company", { company_id: COMPANY.meridianHealth });
    expect(company.id).toBe(COMPANY.meridianHealth);
  },
  async list_companies({ client }) {
    const first = await callTool(client, "list_companies", { per_page: 2 });
    expect(first.items).toHaveLength(2);
    const next = await callTool(client, "list_companies", { cursor: first.next_cursor! });
    expect(next.items[0]!.id).not.toBe(first.items[0]!.id);
  },
  async search_companies({ client }) {
    const company = await callTool(client, "get_company", { company_id: COMPANY.harborPine });
    const result = await callTool(client, "search_companies", { query: `domain:'${company.domains![0]}'` });
    expect(result.items.map((c) => c.id)).toContain(COMPANY.harborPine);
  },
  async create_company({ client }) {
    const created = await callTool(client, "create_company", {
      name: "Northwind Traders",
      domains: ["northwind.example"],
    });
    expect(created).toMatchObject({ name: "Northwind Traders", domains: ["northwind.example"] });
  },
  async update_company({ client }) {
    const updated = await callTool(client, "update_company", {
      company_id: COMPANY.quillfeather,
      industry: "Publishing",
    });
    expect(updated.industry).toBe("Publishing");
  },
  async list_agents({ client }) {
    const result = await callTool(client, "list_agents", {});
    const maya = result.items.find((a) => a.id === AGENT.mayaChen);
    expect(maya?.name).toBe("Maya Chen");
    expect(maya?.group_names?.length).toBeGreaterThan(0);
  },
  async get_agent({ client }) {
    const agent = await callTool(client, "get_agent", { agent_id: AGENT.danielOkafor });
    expect(agent.name).toBe("Daniel Okafor");
  },
  async get_current_agent({ client }) {
    const me = await callTool(client, "get_current_agent", {});
    expect(me.id).toBeTypeOf("number");
    expect(me.email).toContain("@");
  },
  async get_agent_workload({ client }) {
    const workload = await callTool(client, "get_agent_workload", { agent_id: AGENT.mayaChen });
    const search = await callTool(client, "count_tickets", {
      query: `agent_id:${AGENT.mayaChen} AND (status:2 OR status:3)`,
    });
    expect(workload.open_tickets).toBe(search.total);
    expect(workload.agent_name).toBe("Maya Chen");

    const nobody = await client.callTool({ name: "get_agent_workload", arguments: { agent_id: 987_654 } });
    expect(nobody.isError).toBe(true);
    expect(nobody._meta?.error).toMatchObject({ code: "not_found", status: 404 });
    expect((nobody.content as { text: string }[])[0]!.text).toBe(
      "There is no agent with id 987654; list_agents shows the agents and their ids.",
    );
  },
  async list_groups({ client }) {
    const { items } = await callTool(client, "list_groups", {});
    expect(items.map((g) => g.name)).toEqual(expect.arrayContaining(["Billing", "Technical Support"]));
  },
  async get_group({ client }) {
    const group = await callTool(client, "get_group", { group_id: GROUP.billing });
    expect(group.name).toBe("Billing");
    for (const agent of group.agents ?? []) expect(agent.name).toBeTypeOf("string");
  },
  async search_solutions({ client }) {
    const result = await callTool(client, "search_solutions", { term: "invoice", limit: 3 });
    expect(result.items.length).toBeGreaterThan(0);
    expect(result.items.length).toBeLessThanOrEqual(3);
  },
  async find_solutions_for_ticket({ client }) {
    const result = await callTool(client, "find_solutions_for_ticket", { ticket_id: 1 });
    expect(result.ticket_id).toBe(1);
    expect(result.search_term.length).toBeGreaterThan(0);
  },
  async list_solution_categories({ client }) {
    const { items } = await callTool(client, "list_solution_categories", {});
    expect(items.length).toBeGreaterThan(0);
  },
  async list_solution_folders({ client }) {
    const { items: categories } = await callTool(client, "list_solution_categories", {});
    const { items } = await callTool(client, "list_solution_folders", { category_id: categories[0]!.id });
    expect(items.length).toBeGreaterThan(0);
  },
  async list_solution_articles({ client }) {
    const { items: categories } = await callTool(client, "list_solution_categories", {});
    const { items: folders } = await callTool(client, "list_solution_folders", {
      category_id: categories[0]!.id,
    });
    const { items } = await callTool(client, "list_solution_articles", { folder_id: folders[0]!.id });
    expect(items.length).toBeGreaterThan(0);
    expect(items[0]!.status).toMatch(/draft|published/);
  },
  async get_solution_article({ client }) {
    const hit = (await callTool(client, "search_solutions", { term: "password", limit: 1 })).items[0]!;
    const article = await callTool(client, "get_solution_article", { article_id: hit.id });
    expect(article.title).toBe(hit.title);
    expect(article.description_text).not.toMatch(/<[a-z]+>/);
  },
  async create_solution_article({ client }) {
    const { items: categories } = await callTool(client, "list_solution_categories", {});
    const { items: folders } = await callTool(client, "list_solution_folders", {
      category_id: categories[0]!.id,
    });
    const article = await callTool(client, "create_solution_article", {
      folder_id: folders[0]!.id,
      title: "Rotating API keys",
      description: "Open Settings.\nChoose API.",
    });
    expect(article).toMatchObject({ title: "Rotating API keys", status: "draft" });
  },
  async update_solution_article({ client }) {
    const hit = (await callTool(client, "search_solutions", { term: "invoice", limit: 1 })).items[0]!;
    const updated = await callTool(client, "update_solution_article", {
      article_id: hit.id,
      tags: ["billing"],
    });
    expect(updated.tags).toEqual(["billing"]);
  },
  async list_canned_response_folders({ client }) {
    const { items } = await callTool(client, "list_canned_response_folders", {});
    expect(items.length).toBeGreaterThan(0);
  },
  async list_canned_responses({ client }) {
    const { items: folders } = await callTool(client, "list_canned_response_folders", {});
    const { items } = await callTool(client, "list_canned_responses", { folder_id: folders[0]!.id });
    expect(items.length).toBeGreaterThan(0);
    expect(items[0]!.content_text).toBeTypeOf("string");
  },
  async get_canned_response({ client }) {
    const { items: folders } = await callTool(client, "list_canned_response_folders", {});
    const { items } = await callTool(client, "list_canned_responses", { folder_id: folders[0]!.id });
    const rendered = await callTool(client, "get_canned_response", {
      canned_response_id: items[0]!.id,
      ticket_id: 1,
    });
    expect(rendered.rendered_for_ticket).toBeTypeOf("string");
    expect(rendered.rendered_for_ticket).not.toContain("{{");
  },
  async list_sla_policies({ client }) {
    const { items } = await callTool(client, "list_sla_policies", {});
    const urgent = items[0]!.targets!.find((t) => t.priority === 4);
    expect(urgent?.priority_name).toBe("Urgent");
    expect(urgent?.respond_within_hours).toBeGreaterThan(0);
  },
  async list_business_hours({ client }) {
    const { items } = await callTool(client, "list_business_hours", {});
    expect(Object.keys(items[0]!.hours ?? {})).toContain("monday");
  },
  async triage_ticket({ client, triageClient }) {
    await expect(callTool(client, "triage_ticket", { ticket_id: 1 })).rejects.toMatchObject({
      status: 501,
      code: "triage_unavailable",
    });
    const result = await callTool(triageClient, "triage_ticket", { ticket_id: 7, mode: "suggest" });
    expect(result).toMatchObject({
      ticket_id: 7,
      mode: "suggest",
      result: { ran: { ticketId: 7, mode: "suggest" } },
    });
  },
  async get_triage_result({ client, triageClient }) {
    await expect(callTool(client, "get_triage_result", { ticket_id: 1 })).rejects.toMatchObject({
      code: "triage_unavailable",
    });
    await callTool(triageClient, "triage_ticket", { ticket_id: 8 });
    const latest = await callTool(triageClient, "get_triage_result", { ticket_id: 8 });
    expect(latest.result).toEqual({ ran: { ticketId: 8, mode: "dry-run" } });
    await expect(callTool(triageClient, "get_triage_result", { ticket_id: 9 })).rejects.toMatchObject({
      status: 404,
    });
  },
  async merge_tickets({ client, backend }) {
    const primary = await freshTicket(backend, "Login fails");
    const duplicate = await freshTicket(backend, "Login still fails");
    const merged = await callTool(client, "merge_tickets", {
      primary_id: primary,
      ticket_ids: [duplicate],
      note_in_secondary: "Same problem as the primary.",
    });
    expect(merged).toEqual({ primary_id: primary, merged_ids: [duplicate] });
    expect(((await backend.sandboxGet(`/tickets/${duplicate}`)) as { status: number }).status).toBe(5);
    const thread = (await backend.sandboxGet(`/tickets/${duplicate}/conversations`)) as Conversation[];
    expect(thread.at(-1)).toMatchObject({ body_text: "Same problem as the primary.", private: true });
    const self = await refusal(client, "merge_tickets", { primary_id: primary, ticket_ids: [primary] });
    expect(self.meta).toMatchObject({ status: 400 });
  },
  async list_time_entries({ client }) {
    const ofTicket = await callTool(client, "list_time_entries", { ticket_id: 12 });
    expect(ofTicket.items.length).toBeGreaterThan(0);
    expect(ofTicket.items[0]).toMatchObject({ ticket_id: 12, agent_name: "Daniel Okafor" });
    expect(ofTicket.items[0]!.time_spent).toMatch(/^\d\d:\d\d$/);
    const daniels = await callTool(client, "list_time_entries", { agent_id: AGENT.danielOkafor });
    expect(daniels.items.length).toBeGreaterThan(0);
    for (const entry of daniels.items) expect(entry.agent_id).toBe(AGENT.danielOkafor);
    const both = await refusal(client, "list_time_entries", { ticket_id: 12, billable: true });
    expect(both.text).toContain("either ticket_id or the account-wide filters");
  },
  async create_time_entry({ client, backend }) {
    const entry = await callTool(client, "create_time_entry", {
      ticket_id: 2,
      time_spent: "00:45",
      note: "Phone call",
    });
    expect(entry).toMatchObject({
      ticket_id: 2,
      time_spent: "00:45",
      billable: true,
      timer_running: false,
      agent_id: AGENT.mayaChen,
      agent_name: "Maya Chen",
    });
    const stored = (await backend.sandboxGet("/tickets/2/time_entries")) as { id: number; note: string }[];
    expect(stored.find((e) => e.id === entry.id)?.note).toBe("Phone call");
    const bad = await refusal(client, "create_time_entry", { ticket_id: 2, time_spent: "45 minutes" });
    expect(bad.text).toContain("hh:mm");
  },
  async forward_ticket({ client, backend }) {
    const forwarded = await callTool(client, "forward_ticket", {
      ticket_id: 2,
      to_emails: ["support@vendor.example"],
      body: "Could you check this sync error?",
    });
    expect(forwarded).toMatchObject({ kind: "forward_email", to_emails: ["support@vendor.example"] });
    const thread = (await backend.sandboxGet("/tickets/2/conversations?per_page=100")) as Conversation[];
    expect(thread.find((c) => c.id === forwarded.id)).toMatchObject({ source: 8, private: true });
  },
  async list_satisfaction_ratings({ client }) {
    const all = await callTool(client, "list_satisfaction_ratings", {});
    expect(all.items.length).toBeGreaterThan(0);
    const first = all.items[0]!;
    expect(first.rating_name).toMatch(/happy|neutral/);
    const ofTicket = await callTool(client, "list_satisfaction_ratings", { ticket_id: first.ticket_id! });
    expect(ofTicket.items.map((r) => r.id)).toContain(first.id);
  },
  async bulk_update_tickets({ client, backend }) {
    const a = await freshTicket(backend, "Bulk one");
    const b = await freshTicket(backend, "Bulk two");
    const result = await callTool(client, "bulk_update_tickets", {
      ticket_ids: [a, b, 99_999],
      properties: { priority: 3, group_id: GROUP.billing },
      confirm: true,
    });
    expect(result).toMatchObject({ status: "PARTIAL", updated: [a, b] });
    expect(result.failed).toEqual([{ id: 99_999, reason: expect.stringContaining("no ticket") }]);
    for (const id of [a, b]) {
      expect(await backend.sandboxGet(`/tickets/${id}`)).toMatchObject({
        priority: 3,
        group_id: GROUP.billing,
      });
    }
    const unconfirmed = await refusal(client, "bulk_update_tickets", {
      ticket_ids: [a],
      properties: { priority: 1 },
      confirm: false,
    });
    expect(unconfirmed.text).toContain("confirm must be true");
    const tooMany = await refusal(client, "bulk_update_tickets", {
      ticket_ids: Array.from({ length: 51 }, (_, i) => i + 1),
      properties: { priority: 1 },
      confirm: true,
    });
    expect(tooMany.text).toContain("ticket_ids");
    expect(((await backend.sandboxGet(`/tickets/${a}`)) as { priority: number }).priority).toBe(3);
  },
  async list_ticket_watchers({ client }) {
    await callTool(client, "add_ticket_watcher", { ticket_id: 15, agent_id: AGENT.sofiaAlvarez });
    const listed = await callTool(client, "list_ticket_watchers", { ticket_id: 15 });
    expect(listed.watchers).toContainEqual({ id: AGENT.sofiaAlvarez, name: "Sofia Alvarez" });
  },
  async add_ticket_watcher({ client, backend }) {
    const result = await callTool(client, "add_ticket_watcher", { ticket_id: 14 });
    expect(result.watchers).toEqual([{ id: AGENT.mayaChen, name: "Maya Chen" }]);
    const watched = (await backend.sandboxGet("/tickets?filter=watching")) as { id: number }[];
    expect(watched.map((t) => t.id)).toContain(14);
  },
  async remove_ticket_watcher({ client }) {
    await callTool(client, "add_ticket_watcher", { ticket_id: 13 });
    await callTool(client, "add_ticket_watcher", { ticket_id: 13, agent_id: AGENT.danielOkafor });
    const result = await callTool(client, "remove_ticket_watcher", { ticket_id: 13 });
    expect(result.watchers).toEqual([{ id: AGENT.danielOkafor, name: "Daniel Okafor" }]);
  },
  async delete_contact({ client, backend }) {
    const trashed = await backend.freshdesk.contacts.create({
      name: "Spam Sender",
      email: "spam.sender@example.org",
    });
    await callTool(client, "delete_contact", { contact_id: trashed.id });
    expect(await backend.sandboxGet(`/contacts/${trashed.id}`)).toMatchObject({ deleted: true });
    const erased = await backend.freshdesk.contacts.create({
      name: "Erase Me",
      email: "erase.me@example.org",
    });
    const result = await callTool(client, "delete_contact", { contact_id: erased.id, permanently: true });
    expect(result).toEqual({ contact_id: erased.id, deleted: true, permanently: true });
    await expect(backend.sandboxGet(`/contacts/${erased.id}`)).rejects.toThrow("404");
  },
  async delete_company({ client, backend }) {
    const company = await backend.freshdesk.companies.create({ name: "Test Company To Delete" });
    expect(await callTool(client, "delete_company", { company_id: company.id })).toEqual({
      company_id: company.id,
      deleted: true,
    });
    await expect(backend.sandboxGet(`/companies/${company.id}`)).rejects.toThrow("404");
  },
  async create_solution_category({ client, backend }) {
    const category = await callTool(client, "create_solution_category", {
      name: "Integrations",
      description: "Connecting other tools.",
    });
    expect(category).toMatchObject({ name: "Integrations", description: "Connecting other tools." });
    expect(await backend.sandboxGet(`/solutions/categories/${category.id}`)).toMatchObject({
      name: "Integrations",
    });
  },
  async create_solution_folder({ client, backend }) {
    const { items: categories } = await callTool(client, "list_solution_categories", {});
    const folder = await callTool(client, "create_solution_folder", {
      category_id: categories[0]!.id,
      name: "Refunds",
      visibility: 3,
    });
    expect(folder).toMatchObject({ name: "Refunds", category_id: categories[0]!.id, visibility: "agents" });
    expect(await backend.sandboxGet(`/solutions/folders/${folder.id}`)).toMatchObject({ visibility: 3 });
    const mismatch = await refusal(client, "create_solution_folder", {
      category_id: categories[0]!.id,
      name: "Partners",
      visibility: 4,
    });
    expect(mismatch.text).toContain("company_ids goes with visibility 4");
  },
  async search({ client }) {
    const { results } = await callTool(client, "search", { query: "SSO login SAML" });
    const sso = results.find((r) => r.id.startsWith("ticket:"));
    expect(sso?.title).toContain("SSO login fails");
    expect(sso?.url).toBe(`https://acme.freshdesk.com/a/tickets/${sso!.id.slice("ticket:".length)}`);
    const byId = await callTool(client, "search", { query: "ticket:1" });
    expect(byId.results.map((r) => r.id)).toEqual(["ticket:1"]);
    expect((await callTool(client, "search", { query: "#99999" })).results).toEqual([]);
  },
  async fetch({ client }) {
    const doc = await callTool(client, "fetch", { id: "ticket:1" });
    expect(doc).toMatchObject({ id: "ticket:1", url: "https://acme.freshdesk.com/a/tickets/1" });
    expect(doc.metadata.type).toBe("ticket");
    expect(doc.text).toContain(doc.title.slice("#1 ".length));
    const bad = await refusal(client, "fetch", { id: "42" });
    expect(bad.text).toContain("ticket:<number> or article:<number>");
  },
};
