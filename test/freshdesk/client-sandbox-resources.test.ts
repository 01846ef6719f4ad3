import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  collectPages,
  createAccountDirectory,
  createFreshdeskClient,
  type FreshdeskClient,
  FreshdeskValidationError,
} from "../../src/freshdesk/index.ts";
import { type SandboxServer, startSandboxServer } from "../support/sandbox-server.ts";

/** The client against the Freshdesk simulator over real HTTP: every resource besides tickets. */
let server: SandboxServer;
let client: FreshdeskClient;

beforeAll(async () => {
  server = await startSandboxServer();
  client = createFreshdeskClient({ baseUrl: server.baseUrl, apiKey: server.apiKey, maxRetries: 0 });
});
afterAll(() => server.close());

describe("conversations", () => {
  it("adds a private note and a reply, lists them, and edits the note", async () => {
    const ticket = await client.tickets.create({
      subject: "Cannot log in",
      description: "x",
      email: "a@example.org",
    });
    const note = await client.conversations.addNote(ticket.id, {
      body: "<p>Checked the SSO logs.</p>",
      private: true,
    });
    expect(note).toMatchObject({ ticket_id: ticket.id, private: true });
    const reply = await client.conversations.reply(ticket.id, { body: "<p>We are on it.</p>" });
    expect(reply.ticket_id).toBe(ticket.id);

    const listed = await client.conversations.list(ticket.id, { perPage: 1 });
    expect(listed.items).toHaveLength(1);
    expect(listed.nextPage).toBe(2);
    const all = await collectPages((page) => client.conversations.list(ticket.id, { page, perPage: 1 }));
    expect(all.items.map((c) => c.id)).toEqual([note.id, reply.id]);

    const edited = await client.conversations.update(note.id, { body: "<p>SSO logs are clean.</p>" });
    expect(edited.body_text).toContain("SSO logs are clean.");
  });
});

describe("search", () => {
  it("searches tickets, contacts and companies with the query language", async () => {
    const urgent = await client.search.tickets("priority:>3 OR priority:3");
    expect(urgent.total).toBeGreaterThan(0);
    for (const ticket of urgent.results) expect(ticket.priority).toBeGreaterThanOrEqual(3);

    const [contact] = (await client.contacts.list({ perPage: 1 })).items;
    const byEmail = await client.search.contacts(`email:'${contact!.email}'`);
    expect(byEmail.results.map((c) => c.id)).toContain(contact!.id);

    const company = (await client.companies.list()).items.find((c) => (c.domains ?? []).length > 0);
    const byDomain = await client.search.companies(`domain:'${company!.domains![0]}'`);
    expect(byDomain.results.map((c) => c.id)).toContain(company!.id);
  });

  it("passes on Freshdesk's message for a malformed query", async () => {
    const error = await client.search.tickets("priority=3").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FreshdeskValidationError);
    expect((error as FreshdeskValidationError).message).toContain("Given query is invalid");
  });
});

describe("contacts and companies", () => {
  it("creates, reads and updates a contact, and reports a duplicate email as a conflict", async () => {
    const contact = await client.contacts.create({ name: "Rosa Diaz", email: "rosa.diaz@example.org" });
    expect(await client.contacts.get(contact.id)).toMatchObject({ name: "Rosa Diaz" });
    const updated = await client.contacts.update(contact.id, { job_title: "Controller" });
    expect(updated.job_title).toBe("Controller");
    const error = await client.contacts
      .create({ name: "Rosa Again", email: "rosa.diaz@example.org" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FreshdeskValidationError);
    expect((error as FreshdeskValidationError).status).toBe(409);
  });

  it("creates, reads, updates and lists companies", async () => {
    const company = await client.companies.create({
      name: "Nine-Nine Logistics",
      domains: ["nine-nine.example"],
    });
    expect((await client.companies.get(company.id)).name).toBe("Nine-Nine Logistics");
    const updated = await client.companies.update(company.id, { note: "Key account" });
    expect(updated.note).toBe("Key account");
    const all = await collectPages((page) => client.companies.list({ page, perPage: 2 }));
    expect(all.items.map((c) => c.id)).toContain(company.id);
  });
});

describe("agents, groups and ticket fields", () => {
  it("lists agents and groups, and reads one of each", async () => {
    const agents = await client.agents.list();
    expect(agents.items.length).toBeGreaterThan(0);
    const agent = await client.agents.get(agents.items[0]!.id);
    expect(Array.isArray(agent.group_ids)).toBe(true);
    const me = await client.agents.me();
    expect(me.contact.email).toBeTruthy();

    const groups = await client.groups.list();
    expect(groups.items.length).toBeGreaterThan(0);
    const group = await client.groups.get(groups.items[0]!.id);
    expect(Array.isArray(group.agent_ids)).toBe(true);
  });

  it("feeds the account directory", async () => {
    const directory = createAccountDirectory(client);
    const fields = await client.ticketFields.list();
    expect(fields.items.some((f) => f.type === "default_status")).toBe(true);
    expect(await directory.statusName(2)).toBe("Open");
    expect(await directory.priorityName(4)).toBe("Urgent");
    expect((await directory.ticketTypes()).length).toBeGreaterThan(0);
    const groups = await directory.groups();
    expect(await directory.groupName(groups[0]!.id)).toBe(groups[0]!.name);
    const agents = await directory.agents();
    expect(agents.some((a) => a.groupIds.length > 0)).toBe(true);
    expect(await directory.agentName(agents[0]!.id)).toBe(agents[0]!.name);
  });
});

describe("solutions", () => {
  it("walks categories, folders and articles, and searches them", async () => {
    const categories = await client.solutions.listCategories();
    expect(categories.items.length).toBeGreaterThan(0);
    const folders = await client.solutions.listFolders(categories.items[0]!.id);
    expect(folders.items.length).toBeGreaterThan(0);
    const articles = await client.solutions.listArticles(folders.items[0]!.id, { perPage: 1 });
    expect(articles.items).toHaveLength(1);
    const article = await client.solutions.getArticle(articles.items[0]!.id);
    expect(article.description).toBeTruthy();

    const word = article.title.split(/\s+/).find((w) => w.length > 4) ?? article.title;
    const found = await client.solutions.search(word);
    expect(found.results.map((a) => a.id)).toContain(article.id);
  });

  it("creates and updates an article", async () => {
    const [category] = (await client.solutions.listCategories()).items;
    const [folder] = (await client.solutions.listFolders(category!.id)).items;
    const created = await client.solutions.createArticle(folder!.id, {
      title: "Resetting two-factor authentication",
      description: "<p>Ask an admin to reset it from the security page.</p>",
      status: 1,
    });
    expect(created).toMatchObject({ title: "Resetting two-factor authentication", status: 1 });
    const published = await client.solutions.updateArticle(created.id, { status: 2 });
    expect(published.status).toBe(2);
  });
});

describe("canned responses, SLA policies and business hours", () => {
  it("lists canned response folders and their responses, and renders one for a ticket", async () => {
    const folders = await client.cannedResponses.listFolders();
    const folder = folders.items.find((f) => (f.responses_count ?? 1) > 0)!;
    const responses = await client.cannedResponses.listInFolder(folder.id);
    expect(responses.items.length).toBeGreaterThan(0);
    const [ticket] = (await client.tickets.list({ perPage: 1 })).items;
    const rendered = await client.cannedResponses.get(responses.items[0]!.id, { ticketId: ticket!.id });
    expect(rendered.evaluated_response).toBeTruthy();
  });

  it("lists SLA policies and business hours", async () => {
    const policies = await client.slaPolicies.list();
    expect(policies.items.some((p) => p.is_default)).toBe(true);
    const hours = await client.businessHours.list();
    expect(hours.items.length).toBeGreaterThan(0);
  });
});
