import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { OutputLimits } from "../../../src/mcp/deps.ts";
import type { FreshserviceToolsByName } from "../../../src/mcp/freshservice/registry.ts";
import { connectInProcessClient } from "../../../src/mcp/in-process-client.ts";
import {
  call as callOn,
  connectFsClient,
  type FsBackend,
  failure,
  startFsBackend,
  startFsWeb,
  TOKENS,
} from "./support.ts";

/**
 * The knowledge-base, canned-response, service-catalog, asset, change, problem and SLA tools,
 * called through the official SDK client (in-memory transport, and loopback HTTP for scopes)
 * against the Freshservice sandbox over loopback HTTP.
 */

type ToolName = keyof FreshserviceToolsByName;
type Result<N extends ToolName> = z.output<FreshserviceToolsByName[N]["output"]> & { notice?: string };

let backend: FsBackend;
let client: Client;

beforeAll(async () => {
  backend = await startFsBackend();
  client = await connectInProcessClient(backend.deps, { caller: "fs-tools-test", scopes: ["admin"] });
  // Listing makes the SDK client check every structured result against the advertised schema.
  await client.listTools();
});

afterAll(async () => {
  await client?.close();
  await backend?.close();
});

const call = <N extends ToolName>(name: N, args: Record<string, unknown>, on = client) =>
  callOn<Result<N>>(on, name, args);
const refusal = (name: ToolName, args: Record<string, unknown>) => failure(client, name, args);

describe("knowledge base", () => {
  it("searches published articles only, with a total, and pages by cursor", async () => {
    const first = await call("search_solutions", { term: "vpn", per_page: 1 });
    expect(first.total).toBeGreaterThanOrEqual(2);
    expect(first.items).toHaveLength(1);
    expect(first.items[0]!.status_name).toBe("published");
    expect(first.next_cursor).toBeTypeOf("string");
    const second = await call("search_solutions", { cursor: first.next_cursor });
    expect(second.items).toHaveLength(1);
    expect(second.items[0]!.id).not.toBe(first.items[0]!.id);
    expect(second.total).toBe(first.total);
    // A draft is never a search result.
    const drafts = await call("search_solutions", { term: "Salesforce login loops" });
    expect(drafts.items.every((a) => a.status_name === "published")).toBe(true);
    expect(await refusal("search_solutions", {})).toMatch(/needs a query/);
  });

  it("browses categories › folders › articles, drafts included, and reads an article in full", async () => {
    const { items: categories } = await call("list_solution_categories", {});
    expect(categories.map((c) => c.name)).toContain("IT Self-Help");
    const { items: folders } = await call("list_solution_folders", { category_id: categories[0]!.id });
    expect(folders.length).toBeGreaterThan(0);
    expect(folders.every((f) => f.category_id === categories[0]!.id)).toBe(true);
    expect(folders[0]!.visibility).toBe("all users");

    const statuses = new Set<string>();
    for (const category of categories) {
      for (const folder of (await call("list_solution_folders", { category_id: category.id })).items) {
        const { items } = await call("list_solution_articles", { folder_id: folder.id });
        for (const a of items) statuses.add(a.status_name ?? "");
      }
    }
    expect([...statuses].sort()).toEqual(["draft", "published"]);

    const hit = (await call("search_solutions", { term: "laptop boot" })).items[0]!;
    const article = await call("get_solution_article", { article_id: hit.id });
    expect(article.title).toBe(hit.title);
    expect(article.description_text!.length).toBeGreaterThan(300);
    expect(article.description_text).not.toMatch(/<\w+>/);
    expect(article.article_type_name).toMatch(/^(permanent|workaround)$/);
    expect(await refusal("list_solution_articles", {})).toMatch(/needs folder_id/);
  });
});

describe("canned responses", () => {
  it("lists folders with counts, responses with their folder's name, and one template in full", async () => {
    const { items: folders } = await call("list_canned_response_folders", {});
    expect(folders.length).toBeGreaterThan(0);
    const all = await call("list_canned_responses", {});
    const total = folders.reduce((sum, f) => sum + (f.responses_count ?? 0), 0);
    expect(all.items).toHaveLength(total);
    const names = new Set(folders.map((f) => f.name));
    for (const r of all.items) expect(names.has(r.folder_name!)).toBe(true);

    const folder = folders.find((f) => (f.responses_count ?? 0) > 0)!;
    const inFolder = await call("list_canned_responses", { folder_id: folder.id });
    expect(inFolder.items).toHaveLength(folder.responses_count!);
    expect(inFolder.items.every((r) => r.folder_id === folder.id && r.folder_name === folder.name)).toBe(
      true,
    );

    const withPlaceholder = all.items.find((r) => r.content_text?.includes("{{ticket.requester.name}}"))!;
    const one = await call("get_canned_response", { canned_response_id: withPlaceholder.id });
    expect(one.title).toBe(withPlaceholder.title);
    expect(one.content_text).toContain("{{ticket.requester.name}}");
  });

  it("keeps a large list under a small size cap and says what was left out", async () => {
    const small = await connectInProcessClient(
      { ...backend.deps, limits: { maxResultChars: 1500 } satisfies Partial<OutputLimits> },
      { caller: "fs-size-test", scopes: ["read"] },
    );
    try {
      await small.listTools();
      const result = await call("list_canned_responses", {}, small);
      expect(JSON.stringify(result).length).toBeLessThanOrEqual(1500);
      expect(result.notice).toMatch(/entries of "items" were left out/);
    } finally {
      await small.close();
    }
  });
});

describe("service catalog", () => {
  it("lists categories and items with category names, pages items, and shows one item", async () => {
    const { items: categories } = await call("list_service_categories", {});
    expect(categories.length).toBeGreaterThan(1);
    const first = await call("list_service_items", { per_page: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.next_cursor).toBeTypeOf("string");
    const categoryNames = new Map(categories.map((c) => [c.id, c.name]));
    for (const item of first.items) expect(item.category_name).toBe(categoryNames.get(item.category_id!));
    const second = await call("list_service_items", { cursor: first.next_cursor });
    expect(second.items[0]!.display_id).not.toBe(first.items[0]!.display_id);

    const narrowed = await call("list_service_items", { category_id: categories[1]!.id });
    expect(narrowed.items.length).toBeGreaterThan(0);
    expect(narrowed.items.every((i) => i.category_id === categories[1]!.id)).toBe(true);

    const item = await call("get_service_item", { display_id: first.items[0]!.display_id });
    expect(item.name).toBe(first.items[0]!.name);
    expect(item.category_name).toBe(first.items[0]!.category_name);
    expect(item.visibility).toBe("published");
  });

  it("places a service request: a new Service Request ticket with its requested item, named", async () => {
    const item = (await call("list_service_items", { per_page: 1 })).items[0]!;
    const { items: requesters } = await call("list_requesters", { per_page: 1 });
    const email = requesters[0]!.primary_email!;
    const request = await call("place_service_request", { display_id: item.display_id, email, quantity: 2 });
    expect(request.type).toBe("Service Request");
    expect(request.status_name).toBe("Open");
    expect(request.url).toBe(`https://acme.freshservice.com/a/tickets/${request.id}`);
    expect(request.requested_items?.[0]).toMatchObject({ service_item_name: item.name, quantity: 2 });
    const ticket = await call("get_ticket", { ticket_id: request.id });
    expect(ticket.type).toBe("Service Request");
    expect(ticket.requester_id).toBe(requesters[0]!.id);
  });

  it("is a write: a read token neither sees nor may call place_service_request over HTTP", async () => {
    const web = await startFsWeb(backend);
    const reader = await connectFsClient(web.url, TOKENS.read);
    try {
      const { tools } = await reader.listTools();
      expect(tools.map((t) => t.name)).not.toContain("place_service_request");
      expect(tools.map((t) => t.name)).toContain("list_service_items");
      expect(await failure(reader, "place_service_request", { display_id: 1 })).toMatch(
        /needs the "write" scope/,
      );
    } finally {
      await reader.close();
      await web.close();
    }
  });
});

describe("assets", () => {
  it("lists assets page by page with department names beside ids", async () => {
    const first = await call("list_assets", { per_page: 3 });
    expect(first.items).toHaveLength(3);
    const second = await call("list_assets", { cursor: first.next_cursor });
    expect(second.items).toHaveLength(3);
    expect(second.items.map((a) => a.display_id)).not.toContain(first.items[0]!.display_id);
    const { items: departments } = await call("list_departments", {});
    const departmentName = new Map(departments.map((d) => [d.id, d.name]));
    for (const a of [...first.items, ...second.items]) {
      if (a.department_id) expect(a.department_name).toBe(departmentName.get(a.department_id));
    }
  });

  it("filters, searches by name or tag, and reads one asset with its type fields", async () => {
    const inStock = await call("list_assets", {
      filter: "asset_state:'In Stock'",
      include_type_fields: true,
    });
    expect(inStock.items.length).toBeGreaterThan(0);
    for (const a of inStock.items) {
      expect(a.user_id).toBeUndefined();
      expect(a.type_fields?.asset_state).toBe("In Stock");
    }

    const byName = await call("search_assets", { term: "MacBook" });
    expect(byName.items.length).toBeGreaterThan(0);
    expect(byName.items.every((a) => a.name.includes("MacBook"))).toBe(true);
    // The asset type is named beside its id, from the account's asset types.
    expect(byName.items.every((a) => a.asset_type_name === "Laptop")).toBe(true);
    const tag = byName.items[0]!.asset_tag!;
    const byTag = await call("search_assets", { field: "asset_tag", term: tag });
    expect(byTag.items.map((a) => a.display_id)).toEqual([byName.items[0]!.display_id]);
    expect(await refusal("search_assets", { term: "O'Brien" })).toMatch(/single quote/);

    const asset = await call("get_asset", { display_id: byName.items[0]!.display_id });
    expect(asset.name).toBe(byName.items[0]!.name);
    expect(asset.type_fields?.vendor).toBe("Apple");
    expect(asset.type_fields?.serial_number).toBeTypeOf("string");
  });

  it("lists exactly one requester's assets", async () => {
    const laptop = (await call("search_assets", { term: "MacBook Pro" })).items.find((a) => a.user_id)!;
    const mine = await call("list_requester_assets", { requester_id: laptop.user_id! });
    expect(mine.requester_id).toBe(laptop.user_id);
    expect(mine.items.map((a) => a.display_id)).toContain(laptop.display_id);
    expect(mine.items.every((a) => a.user_id === laptop.user_id)).toBe(true);
    expect(mine.items.find((a) => a.display_id === laptop.display_id)!.asset_type_name).toBe("Laptop");
    const all = await call("list_assets", { per_page: 100 });
    expect(mine.items.length).toBeLessThan(all.items.length);
    expect(await refusal("list_requester_assets", {})).toMatch(/needs requester_id/);
  });
});

describe("changes and problems", () => {
  it("lists changes with names beside ids, narrows them with a query, and reads one", async () => {
    const { items } = await call("list_changes", {});
    expect(items.length).toBeGreaterThan(1);
    for (const c of items) {
      expect(c.status_name).toBeTypeOf("string");
      expect(c.change_type_name).toBeTypeOf("string");
      expect(c.risk_name).toBeTypeOf("string");
      if (c.group_id) expect(c.group_name).toBeTypeOf("string");
      if (c.agent_id) expect(c.agent_name).toBeTypeOf("string");
      expect(c.description_text).toBeUndefined();
    }
    const pendingRelease = await call("list_changes", { query: "status:4" });
    expect(pendingRelease.items.length).toBeGreaterThan(0);
    expect(pendingRelease.items.every((c) => c.status_name === "Pending Release")).toBe(true);
    expect(pendingRelease.items.length).toBeLessThan(items.length);

    const change = await call("get_change", { change_id: items[0]!.id });
    expect(change.subject).toBe(items[0]!.subject);
    expect(change.description_text).toBeTypeOf("string");
  });

  it("lists problems and reads one with its analysis", async () => {
    const { items } = await call("list_problems", {});
    expect(items.length).toBeGreaterThan(0);
    for (const p of items) {
      expect(["Open", "Change Requested", "Closed"]).toContain(p.status_name);
      expect(p.priority_name).toBeTypeOf("string");
    }
    const problem = await call("get_problem", { problem_id: items[0]!.id });
    expect(problem.subject).toBe(items[0]!.subject);
    expect(problem.description_text).toBeTypeOf("string");
  });
});

describe("SLA policies and business hours", () => {
  it("gives targets in hours per priority and names the groups a policy covers", async () => {
    const { items } = await call("list_sla_policies", {});
    const security = items.find((p) => p.name === "Security incidents")!;
    expect(security.applies_to?.groups?.[0]?.name).toBe("Security");
    const fallback = items.find((p) => p.is_default)!;
    const urgent = fallback.targets!.find((t) => t.priority === 4)!;
    expect(urgent).toMatchObject({
      priority_name: "Urgent",
      respond_within_hours: 0.25,
      resolve_within_hours: 4,
    });
    expect(security.targets!.find((t) => t.priority === 4)!.resolve_within_hours).toBe(2);
  });

  it("lists working hours per weekday, time zone and holidays", async () => {
    const { items } = await call("list_business_hours", {});
    const hours = items.find((b) => b.is_default)!;
    expect(hours.hours?.monday).toBe("8:00 am–6:00 pm");
    expect(hours.hours?.saturday).toBeUndefined();
    expect(hours.time_zone).toMatch(/Pacific/);
    expect(hours.holidays?.length).toBeGreaterThan(0);
  });
});
