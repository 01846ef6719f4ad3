// Raw HTTP against the Freshservice sandbox: the directory, knowledge, catalog, asset and ITSM
// endpoints answer in the reference's shapes (shared/reference/freshservice-api.md §3–§9).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildFreshserviceSeed,
  LAPTOP_DEMO_REQUESTER_INDEX,
} from "../../src/freshservice-sandbox/seed/index.ts";
import {
  type FreshserviceSandboxServer,
  startFreshserviceSandboxServer,
} from "../support/freshservice-sandbox-server.ts";
import { wireClient } from "./wire-client.ts";

const NOW = Date.parse("2026-03-10T15:30:00Z");
const seed = buildFreshserviceSeed(NOW);
const q = (expression: string) => encodeURIComponent(`"${expression}"`);

let server: FreshserviceSandboxServer;
let call: ReturnType<typeof wireClient>;

beforeAll(async () => {
  server = await startFreshserviceSandboxServer({ prefix: "/sandbox", now: () => NOW });
  call = wireClient(server);
});
afterAll(async () => {
  await server.close();
});

describe("requesters", () => {
  it("lists 30 per page with a Link to the next page, wrapped in {requesters}", async () => {
    const first = await call("GET", "/requesters");
    expect(first.status).toBe(200);
    expect(first.json.requesters).toHaveLength(30);
    expect(first.headers.get("link")).toMatch(/\/sandbox\/api\/v2\/requesters\?page=2>; rel="next"$/);
    const second = await call("GET", "/requesters?page=2");
    expect(second.json.requesters).toHaveLength(seed.requesters.length - 30);
    expect(second.headers.get("link")).toBeNull();
    expect(Object.keys(first.json.requesters[0])).toEqual(Object.keys(seed.requesters[0] ?? {}));
  });

  it("filters by email and by the quoted query language, including ~[first_name|last_name] starts-with", async () => {
    const target = seed.requesters[5];
    const byEmail = await call("GET", `/requesters?email=${encodeURIComponent(target?.primary_email ?? "")}`);
    expect(byEmail.json.requesters.map((r: { id: number }) => r.id)).toEqual([target?.id]);
    const finance = seed.departments.find((d) => d.name === "Finance");
    const byDepartment = await call("GET", `/requesters?query=${q(`department_id:${finance?.id}`)}`);
    expect(byDepartment.json.requesters.length).toBeGreaterThan(0);
    for (const r of byDepartment.json.requesters) expect(r.department_ids).toContain(finance?.id);
    const prefix = target?.first_name.slice(0, 3).toLowerCase() ?? "";
    const starts = await call("GET", `/requesters?query=${q(`~[first_name|last_name]:'${prefix}'`)}`);
    expect(starts.json.requesters.map((r: { id: number }) => r.id)).toContain(target?.id);
  });

  it("answers a query without quotes or on an unknown field with a 400 validation body", async () => {
    const unquoted = await call("GET", `/requesters?query=${encodeURIComponent("first_name:'Emma'")}`);
    expect(unquoted.status).toBe(400);
    expect(unquoted.json.description).toBe("Validation failed");
    expect(unquoted.json.errors[0]).toMatchObject({ field: "query", code: "invalid_value" });
    expect(unquoted.json.errors[0].message).toMatch(/lexical error/);
    const unknown = await call("GET", `/requesters?query=${q("shoe_size:42")}`);
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors[0].message).toMatch(/shoe_size/);
  });

  it("creates (201 + Location), refuses a duplicate email (409) and updates a requester", async () => {
    const department = seed.departments[1]?.id;
    const created = await call("POST", "/requesters", {
      body: {
        first_name: "Robin",
        last_name: "Vale",
        primary_email: "robin.vale@acme-corp.com",
        department_ids: [department],
      },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get("location")).toMatch(
      new RegExp(`/sandbox/api/v2/requesters/${created.json.requester.id}$`),
    );
    expect(created.json.requester).toMatchObject({
      first_name: "Robin",
      last_name: "Vale",
      department_ids: [department],
      is_agent: false,
    });
    const again = await call("POST", "/requesters", {
      body: { first_name: "Robin", primary_email: "robin.vale@acme-corp.com" },
    });
    expect(again.status).toBe(409);
    expect(again.json.errors[0]).toMatchObject({ field: "primary_email", code: "duplicate_value" });
    const missing = await call("POST", "/requesters", { body: { last_name: "Nobody" } });
    expect(missing.status).toBe(400);
    expect(missing.json.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      "first_name",
      "primary_email",
    ]);
    const updated = await call("PUT", `/requesters/${created.json.requester.id}`, {
      body: { job_title: "Analyst" },
    });
    expect(updated.status).toBe(200);
    expect(updated.json.requester.job_title).toBe("Analyst");
    expect((await call("GET", `/requesters/${created.json.requester.id}`)).json.requester.job_title).toBe(
      "Analyst",
    );
  });
});

describe("agents, groups and departments", () => {
  it("shows agents with member_of/observer_of and no group_ids", async () => {
    const list = await call("GET", "/agents?per_page=100");
    expect(list.json.agents).toHaveLength(seed.agents.length);
    const agent = (await call("GET", `/agents/${seed.currentAgentId}`)).json.agent;
    expect(agent.member_of.length).toBeGreaterThan(0);
    expect(agent.observer_of.length).toBeGreaterThan(0);
    expect(agent).not.toHaveProperty("group_ids");
    const network = seed.groups.find((g) => g.name === "Network");
    const inNetwork = await call("GET", `/agents?query=${q(`group_id:${network?.id}`)}`);
    expect(inNetwork.json.agents.map((a: { id: number }) => a.id).sort()).toEqual(
      [...(network?.members ?? [])].sort(),
    );
  });

  it("lists groups with members, observers and leaders; there is no /agent_groups", async () => {
    const groups = (await call("GET", "/groups")).json.groups;
    expect(groups.map((g: { name: string }) => g.name)).toEqual([
      "Service Desk",
      "Network",
      "Hardware",
      "Access Management",
      "Applications",
      "Security",
    ]);
    expect(groups[0]).toHaveProperty("members");
    expect(groups[0]).toHaveProperty("leaders");
    const one = await call("GET", `/groups/${groups[1].id}`);
    expect(one.json.group.name).toBe("Network");
    expect((await call("GET", "/agent_groups")).status).toBe(404);
    expect((await call("GET", "/groups/999")).status).toBe(404);
  });

  it("finds a department by query=\"name:'Sales'\"", async () => {
    const sales = await call("GET", `/departments?query=${q("name:'Sales'")}`);
    expect(sales.status).toBe(200);
    expect(sales.json.departments.map((d: { name: string }) => d.name)).toEqual(["Sales"]);
    const id = sales.json.departments[0].id;
    expect((await call("GET", `/departments/${id}`)).json.department.name).toBe("Sales");
  });
});

describe("solutions and canned responses", () => {
  it("walks categories → folders → articles", async () => {
    const categories = (await call("GET", "/solutions/categories")).json.categories;
    expect(categories.length).toBeGreaterThan(0);
    const folders = (await call("GET", `/solutions/folders?category_id=${categories[0].id}`)).json.folders;
    expect(folders.length).toBeGreaterThan(0);
    const articles = (await call("GET", `/solutions/articles?folder_id=${folders[0].id}`)).json.articles;
    expect(articles[0].folder_id).toBe(folders[0].id);
    const article = (await call("GET", `/solutions/articles/${articles[0].id}`)).json.article;
    expect(article).toMatchObject({ id: articles[0].id, title: articles[0].title });
    const noCategory = await call("GET", "/solutions/folders");
    expect(noCategory.status).toBe(400);
    expect(noCategory.json.errors[0]).toMatchObject({ field: "category_id", code: "missing_field" });
  });

  it("searches published articles only and says so in meta", async () => {
    const hits = await call("GET", "/solutions/articles/search?search_term=laptop%20boot");
    expect(hits.status).toBe(200);
    expect(hits.json.articles[0].title).toBe("My laptop won't boot or turn on");
    for (const article of hits.json.articles) expect(article.status).toBe(2);
    expect(hits.json.meta).toEqual({
      total_items: hits.json.articles.length,
      total_pages: 1,
      current_page: 1,
    });
    const draft = seed.solutionArticles.find((a) => a.status === 1 && a.title.startsWith("Salesforce"));
    const draftSearch = await call("GET", "/solutions/articles/search?search_term=salesforce%20login%20loop");
    expect(draftSearch.json.articles.map((a: { id: number }) => a.id)).not.toContain(draft?.id);
    const paged = await call("GET", "/solutions/articles/search?search_term=vpn&per_page=1&page=2");
    expect(paged.json.articles).toHaveLength(1);
    expect(paged.json.meta.current_page).toBe(2);
    expect(paged.json.meta.total_pages).toBe(paged.json.meta.total_items);
    expect((await call("GET", "/solutions/articles/search")).status).toBe(400);
  });

  it("serves canned response folders and their responses", async () => {
    const folders = (await call("GET", "/canned_response_folders")).json.canned_response_folders;
    expect(folders[0]).toMatchObject({ name: "General", responses_count: 3 });
    const inFolder = (await call("GET", `/canned_response_folders/${folders[0].id}/canned_responses`)).json
      .canned_responses;
    expect(inFolder).toHaveLength(3);
    const one = (await call("GET", `/canned_responses/${inFolder[0].id}`)).json.canned_response;
    expect(one.content_html).toContain("<div>");
    expect((await call("GET", "/canned_responses")).json.canned_responses.length).toBe(
      seed.cannedResponses.length,
    );
    const laterFolders = await call("GET", "/canned_response_folders?per_page=2&page=2");
    expect(laterFolders.json.canned_response_folders.map((f: { id: number }) => f.id)).toEqual([
      folders[2].id,
    ]);
  });
});

describe("service catalog", () => {
  it("lists items by display_id and places a request that becomes a Service Request ticket", async () => {
    const items = (await call("GET", "/service_catalog/items")).json.service_items;
    const headset = items.find((i: { name: string }) => i.name === "Jabra Evolve2 Headset");
    expect((await call("GET", `/service_catalog/items/${headset.display_id}`)).json.service_item.id).toBe(
      headset.id,
    );
    const requester = seed.requesters[2];
    const placed = await call("POST", `/service_catalog/items/${headset.display_id}/place_request`, {
      body: { email: requester?.primary_email, quantity: 2 },
    });
    expect(placed.status).toBe(201);
    const request = placed.json.service_request;
    expect(request).toMatchObject({ type: "Service Request", requester_id: requester?.id, status: 2 });
    expect(request.requested_items[0]).toMatchObject({ quantity: 2, service_item_id: headset.id, stage: 1 });
    const ticket = await call("GET", `/tickets/${request.id}`);
    expect(ticket.status).toBe(200);
    expect(ticket.json.ticket.type).toBe("Service Request");
    const categories = (await call("GET", "/service_catalog/categories")).json.service_categories;
    expect(categories.map((c: { id: number }) => c.id)).toContain(headset.category_id);
  });

  it("raises the request for the calling agent without email and refuses unknown people", async () => {
    const placed = await call("POST", "/service_catalog/items/1/place_request", { body: {} });
    expect(placed.status).toBe(201);
    expect(placed.json.service_request.requester_id).toBe(seed.currentAgentId);
    const unknown = await call("POST", "/service_catalog/items/1/place_request", {
      body: { email: "ghost@nowhere.example" },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors[0]).toMatchObject({ field: "email", code: "invalid_value" });
    expect((await call("POST", "/service_catalog/items/999/place_request", { body: {} })).status).toBe(404);
  });
});

describe("assets", () => {
  const owner = seed.requesters[LAPTOP_DEMO_REQUESTER_INDEX];

  it('finds a requester\'s assets with filter="user_id:<id>" and shows one by display_id', async () => {
    const owned = await call("GET", `/assets?filter=${q(`user_id:${owner?.id}`)}`);
    expect(owned.status).toBe(200);
    const names = owned.json.assets.map((a: { name: string }) => a.name);
    expect(names).toContain("MacBook Pro 14 (LAP-0042)");
    for (const asset of owned.json.assets) expect(asset.user_id).toBe(owner?.id);
    const laptop = owned.json.assets.find((a: { name: string }) => a.name === "MacBook Pro 14 (LAP-0042)");
    const shown = await call("GET", `/assets/${laptop.display_id}`);
    expect(shown.json.asset).toMatchObject({
      display_id: laptop.display_id,
      user_id: owner?.id,
      impact: "medium",
    });
    expect(shown.json.asset).not.toHaveProperty("type_fields");
    const withFields = await call("GET", `/assets/${laptop.display_id}?include=type_fields`);
    expect(withFields.json.asset.type_fields.asset_state).toBe("In Use");
    expect((await call("GET", `/assets/${laptop.id}`)).status).toBe(404);
  });

  it("searches by name, combines filters, pages 30 at a time up to page 40", async () => {
    const search = await call("GET", `/assets?search=${q("name:'macbook pro'")}`);
    expect(search.json.assets.length).toBeGreaterThan(0);
    for (const asset of search.json.assets) expect(asset.name).toMatch(/^MacBook Pro/);
    const inStock = await call("GET", `/assets?filter=${q("asset_state:'IN STOCK'")}`);
    expect(inStock.json.assets.length).toBe(4);
    for (const asset of inStock.json.assets) expect(asset.user_id).toBeNull();
    const all = await call("GET", `/assets?filter=${q("created_at:>'2000-01-01'")}`);
    expect(all.json.assets).toHaveLength(30);
    expect(all.headers.get("link")).toMatch(/page=2>; rel="next"/);
    expect((await call("GET", `/assets?filter=${q("user_id:1")}&page=41`)).status).toBe(400);
    expect((await call("GET", `/assets?filter=${q("user_id:1")}&per_page=50`)).status).toBe(400);
    const badSearch = await call("GET", `/assets?search=${q("colour:'red'")}`);
    expect(badSearch.status).toBe(400);
    expect(badSearch.json.errors[0].field).toBe("search");
    const unquoted = await call("GET", `/assets?filter=${encodeURIComponent(`user_id:${owner?.id}`)}`);
    expect(unquoted.status).toBe(400);
  });
});

describe("changes, problems, SLA policies and business hours", () => {
  it("lists and shows changes, filtered by query", async () => {
    const all = (await call("GET", "/changes")).json.changes;
    expect(all).toHaveLength(seed.changes.length);
    const emergency = await call("GET", `/changes?query=${q("change_type:4")}`);
    expect(emergency.json.changes.map((c: { change_type: number }) => c.change_type)).toEqual([4]);
    expect((await call("GET", `/changes/${all[0].id}`)).json.change.subject).toBe(all[0].subject);
    const notClosed = await call("GET", `/changes?query=${q("status!:6 AND risk:>3")}`);
    expect(notClosed.status).toBe(200);
    // `:>` is ≥: the risky changes that are still open.
    expect(notClosed.json.changes.map((c: { id: number }) => c.id).sort()).toEqual(
      seed.changes
        .filter((c) => c.status !== 6 && c.risk >= 3)
        .map((c) => c.id)
        .sort(),
    );
    expect(notClosed.json.changes.length).toBe(2);
    const notMinor = await call("GET", `/changes?query=${q("change_type!:1")}`);
    expect(notMinor.json.changes.length).toBe(seed.changes.filter((c) => c.change_type !== 1).length);
    expect((await call("GET", `/requesters?query=${q("active!:true")}`)).status).toBe(400);
  });

  it("lists and shows problems", async () => {
    const problems = (await call("GET", "/problems")).json.problems;
    expect(problems).toHaveLength(seed.problems.length);
    expect((await call("GET", `/problems/${problems[0].id}`)).json.problem.known_error).toBeTypeOf("boolean");
  });

  it("lists SLA policies and business hours", async () => {
    const policies = (await call("GET", "/sla_policies")).json.sla_policies;
    expect(policies.find((p: { is_default: boolean }) => p.is_default).sla_targets).toHaveLength(4);
    const firstPolicy = await call("GET", "/sla_policies?per_page=1");
    expect(firstPolicy.json.sla_policies).toHaveLength(1);
    expect(firstPolicy.headers.get("link")).toMatch(/page=2>; rel="next"/);
    const hours = (await call("GET", "/business_hours")).json.business_hours;
    expect(hours[0].time_zone).toBe("Pacific Time (US & Canada)");
    expect((await call("GET", `/business_hours/${hours[0].id}`)).json.business_hours.id).toBe(hours[0].id);
  });

  it("rejects unknown parameters and answers 405 for a verb the path does not take", async () => {
    const unknown = await call("GET", "/problems?colour=red");
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors[0]).toMatchObject({ field: "colour", code: "invalid_field" });
    expect((await call("DELETE", "/sla_policies")).status).toBe(405);
  });
});
