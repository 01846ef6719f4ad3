import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRateGovernor } from "../../src/freshdesk/index.ts";
import {
  collectPages,
  createFreshserviceClient,
  FreshdeskAuthError,
  FreshdeskNotFoundError,
  FreshdeskRateLimitError,
  FreshdeskValidationError,
  type FreshserviceClient,
  freshserviceGovernorLimits,
} from "../../src/freshservice/index.ts";
import {
  type FreshserviceSandboxServer,
  startFreshserviceSandboxServer,
} from "../support/freshservice-sandbox-server.ts";
import { testRedis } from "../support/redis.ts";

/** The client against the Freshservice simulator over real HTTP, mounted at /sandbox. */
let server: FreshserviceSandboxServer;
let client: FreshserviceClient;

beforeAll(async () => {
  server = await startFreshserviceSandboxServer({ prefix: "/sandbox" });
  client = createFreshserviceClient({ baseUrl: server.baseUrl, apiKey: server.apiKey, maxRetries: 0 });
});
afterAll(() => server.close());

describe("tickets", () => {
  it("creates, reads (tags only on request), updates, lists its activities, deletes and restores a ticket", async () => {
    const requester = (await client.requesters.list({ perPage: 1 })).items[0]!;
    const created = await client.tickets.create({
      subject: "Laptop will not boot",
      description: "<p>Black screen since this morning.</p>",
      email: requester.primary_email!,
      status: 2,
      priority: 2,
      urgency: 2,
      impact: 2,
      tags: ["hardware"],
    });
    expect(created).toMatchObject({
      subject: "Laptop will not boot",
      requester_id: requester.id,
      urgency: 2,
    });

    const plain = await client.tickets.get(created.id);
    expect(plain.tags).toBeUndefined();
    const tagged = await client.tickets.get(created.id, { include: ["tags", "requester"] });
    expect(tagged.tags).toEqual(["hardware"]);
    expect(tagged.requester?.id).toBe(requester.id);

    const updated = await client.tickets.update(created.id, { urgency: 3, impact: 3, priority: 4 });
    expect(updated).toMatchObject({ urgency: 3, impact: 3, priority: 4 });
    expect((await client.tickets.activities(created.id)).length).toBeGreaterThan(0);

    await client.tickets.delete(created.id);
    expect((await client.tickets.get(created.id)).deleted).toBe(true);
    await client.tickets.restore(created.id);
    expect((await client.tickets.get(created.id)).deleted).toBe(false);
  });

  it("pages the ticket list by its Link header", async () => {
    const all = await collectPages((page) => client.tickets.list({ page, perPage: 5 }));
    expect(all.complete).toBe(true);
    expect(all.items.length).toBeGreaterThan(5);
    expect(new Set(all.items.map((t) => t.id)).size).toBe(all.items.length);
  });

  it("filters with the query language: quotes added, 30 a page, every match reachable from the total", async () => {
    const first = await client.tickets.filter("status:2 OR status:3 OR status:4 OR status:5");
    expect(first.total).toBeGreaterThan(0);
    const all = await collectPages((page) =>
      client.tickets.filter("status:2 OR status:3 OR status:4 OR status:5", { page }),
    );
    expect(all.items).toHaveLength(first.total);
    const urgentOpen = await client.tickets.filter("status:2 AND priority:>3");
    for (const ticket of urgentOpen.items) expect(ticket).toMatchObject({ status: 2, priority: 4 });
  });

  it("reads the ticket form with its category tree", async () => {
    const fields = await client.ticketFormFields.list();
    const category = fields.find((f) => f.field_type === "default_category");
    expect(category?.choices?.some((c) => (c.nested_options ?? []).length > 0)).toBe(true);
    const urgency = fields.find((f) => f.field_type === "default_urgency");
    expect(urgency?.choices?.map((c) => c.value)).toEqual(expect.arrayContaining(["Low", "Medium", "High"]));
  });

  it("adds a private note by default, replies, lists the conversation and edits the note", async () => {
    const ticket = (await client.tickets.list({ perPage: 1 })).items[0]!;
    const note = await client.conversations.addNote(ticket.id, { body: "<p>Checked the logs.</p>" });
    expect(note).toMatchObject({ private: true });
    const reply = await client.conversations.reply(ticket.id, { body: "<p>We are on it.</p>" });
    const listed = await collectPages((page) => client.conversations.list(ticket.id, { page }));
    expect(listed.items.map((c) => c.id)).toEqual(expect.arrayContaining([note.id, reply.id]));
    const edited = await client.conversations.updateNote(note.id, { body: "<p>Logs are clean.</p>" });
    expect(edited.body).toContain("Logs are clean.");
  });
});

describe("people and the directory", () => {
  it("lists and reads requesters, agents, groups and departments, and filters with quoted queries", async () => {
    const requester = (await client.requesters.list({ perPage: 3 })).items[0]!;
    expect((await client.requesters.get(requester.id)).id).toBe(requester.id);
    const byName = await client.requesters.list({ query: `first_name:'${requester.first_name}'` });
    expect(byName.items.map((r) => r.id)).toContain(requester.id);

    const agent = (await client.agents.list({ active: true })).items[0]!;
    expect((await client.agents.get(agent.id)).member_of).toEqual(expect.any(Array));

    const groups = (await client.groups.list()).items;
    expect(groups.length).toBeGreaterThan(0);
    expect((await client.groups.get(groups[0]!.id)).name).toBe(groups[0]!.name);

    const departments = (await client.departments.list()).items;
    const first = departments[0]!;
    expect((await client.departments.get(first.id)).name).toBe(first.name);
    const named = await client.departments.list({ query: `name:'${first.name}'` });
    expect(named.items.map((d) => d.id)).toEqual([first.id]);
  });

  it("creates and updates a requester", async () => {
    const created = await client.requesters.create({
      first_name: "Rosa",
      primary_email: "rosa.client@acme.test",
    });
    const updated = await client.requesters.update(created.id, { job_title: "Controller" });
    expect(updated).toMatchObject({ id: created.id, job_title: "Controller" });
  });
});

describe("knowledge, catalog, assets and the rest", () => {
  it("walks the knowledge base and searches published articles", async () => {
    const categories = await client.solutions.categories();
    expect(categories.length).toBeGreaterThan(0);
    expect((await client.solutions.category(categories[0]!.id)).id).toBe(categories[0]!.id);
    const folders = await client.solutions.folders(categories[0]!.id);
    expect((await client.solutions.folder(folders[0]!.id)).category_id).toBe(categories[0]!.id);
    const articles = await client.solutions.articles(folders[0]!.id);
    const article = await client.solutions.article(articles.items[0]!.id);
    expect(article.folder_id).toBe(folders[0]!.id);

    const word = article.title.split(/\s+/).find((w) => w.length > 4) ?? article.title;
    const found = await client.solutions.search(word);
    expect(found.meta).toMatchObject({ current_page: 1 });
    for (const hit of found.items) expect(hit.status).toBe(2);
  });

  it("reads canned responses by folder", async () => {
    const folders = await client.cannedResponses.folders();
    expect((await client.cannedResponses.folder(folders[0]!.id)).name).toBe(folders[0]!.name);
    const inFolder = await client.cannedResponses.inFolder(folders[0]!.id);
    expect((await client.cannedResponses.get(inFolder[0]!.id)).folder_id).toBe(folders[0]!.id);
    expect((await client.cannedResponses.list()).length).toBeGreaterThanOrEqual(inFolder.length);
  });

  it("reads the service catalog and places a request, which raises a Service Request ticket", async () => {
    const categories = await client.serviceCatalog.categories();
    expect(categories.length).toBeGreaterThan(0);
    const item = (await client.serviceCatalog.items({ perPage: 5 })).items[0]!;
    expect((await client.serviceCatalog.item(item.display_id)).name).toBe(item.name);
    const request = await client.serviceCatalog.placeRequest(item.display_id, { quantity: 1 });
    expect(request.type).toBe("Service Request");
    expect((await client.tickets.get(request.id)).id).toBe(request.id);
  });

  it("lists, searches and filters assets by display_id and user", async () => {
    const assets = (await client.assets.list({ include: ["type_fields"] })).items;
    const owned = assets.find((a) => a.user_id)!;
    expect(owned.type_fields).toBeTruthy();
    expect((await client.assets.get(owned.display_id)).name).toBe(owned.name);
    const theirs = await client.assets.list({ filter: `user_id:${owned.user_id}` });
    expect(theirs.items.map((a) => a.display_id)).toContain(owned.display_id);
    const byName = await client.assets.list({ search: `name:'${owned.name}'` });
    expect(byName.items.map((a) => a.display_id)).toContain(owned.display_id);
  });

  it("reads changes, problems, SLA policies and business hours", async () => {
    const change = (await client.changes.list()).items[0]!;
    expect((await client.changes.get(change.id)).subject).toBe(change.subject);
    const problem = (await client.problems.list()).items[0]!;
    expect((await client.problems.get(problem.id)).subject).toBe(problem.subject);
    expect((await client.slaPolicies.list()).length).toBeGreaterThan(0);
    const hours = await client.businessHours.list();
    expect((await client.businessHours.get(hours[0]!.id)).name).toBe(hours[0]!.name);
  });
});

describe("errors from the sandbox", () => {
  it("maps 404, 400 with field errors and 401 to the typed errors", async () => {
    await expect(client.tickets.get(99_999_999)).rejects.toBeInstanceOf(FreshdeskNotFoundError);
    const ticket = (await client.tickets.list({ perPage: 1 })).items[0]!;
    const invalid = await client.tickets.update(ticket.id, { urgency: 9 }).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(FreshdeskValidationError);
    expect((invalid as FreshdeskValidationError).fieldErrors.map((e) => e.field)).toContain("urgency");
    const stranger = createFreshserviceClient({ baseUrl: server.baseUrl, apiKey: "wrong", maxRetries: 0 });
    await expect(stranger.groups.list()).rejects.toBeInstanceOf(FreshdeskAuthError);
  });
});

describe("rate limits against the sandbox's Starter plan", () => {
  const redis = testRedis();
  afterAll(() => redis.close());

  it("stops list calls at the plan's list sub-limit before the sandbox answers 429, while views still pass", async () => {
    const starter = await startFreshserviceSandboxServer({ prefix: "/sandbox", plan: "starter" });
    try {
      const governor = createRateGovernor({
        redis: redis.redis,
        account: "starter-sandbox",
        keyPrefix: `${redis.prefix}:`,
        share: 1,
        ...freshserviceGovernorLimits("starter"),
      });
      const limited = createFreshserviceClient({
        baseUrl: starter.baseUrl,
        apiKey: starter.apiKey,
        governor,
        maxRateWaitMs: 0,
        maxRetries: 0,
      });
      const ids: number[] = [];
      for (let i = 0; i < 40; i++)
        ids.push(...(await limited.tickets.list({ perPage: 1 })).items.map((t) => t.id));
      await expect(limited.requesters.list()).rejects.toBeInstanceOf(FreshdeskRateLimitError);
      await expect(limited.tickets.filter("status:2")).rejects.toBeInstanceOf(FreshdeskRateLimitError);
      expect((await limited.tickets.get(ids[0]!)).id).toBe(ids[0]);
      await limited.groups.list();
      const stats = starter.sandbox.stats();
      expect(stats.rateLimited).toBe(0);
      expect(stats.endpoints["GET /tickets"]?.requests).toBe(40);
      expect(stats.totalRequests).toBe(42);
    } finally {
      await starter.close();
    }
  });

  it("reports the sandbox's own 429 with its Retry-After when no governor holds the client back", async () => {
    const starter = await startFreshserviceSandboxServer({ prefix: "/sandbox", plan: "starter" });
    try {
      const bare = createFreshserviceClient({
        baseUrl: starter.baseUrl,
        apiKey: starter.apiKey,
        maxRetries: 1,
        maxRetryAfterSeconds: 0,
      });
      for (let i = 0; i < 40; i++) await bare.agents.list({ perPage: 1 });
      const error = await bare.agents.list().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FreshdeskRateLimitError);
      expect((error as FreshdeskRateLimitError).retryAfterSeconds).toBeGreaterThan(0);
      expect(starter.sandbox.stats().rateLimited).toBe(1);
    } finally {
      await starter.close();
    }
  });
});
