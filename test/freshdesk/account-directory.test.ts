import { Hono } from "hono";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type AccountDirectory,
  createAccountDirectory,
  createFreshdeskClient,
  type FreshdeskClient,
  FreshdeskServerError,
} from "../../src/freshdesk/index.ts";
import { serveApp } from "./support/serve-app.ts";
import { agent, group } from "./support/wire-bodies.ts";

const ticketFields = [
  {
    id: 1,
    name: "status",
    label: "Status",
    type: "default_status",
    default: true,
    choices: {
      "2": ["Open", "Being Processed"],
      "3": ["Pending", "Awaiting your Reply"],
      "4": ["Resolved", "This ticket has been Resolved"],
      "5": ["Closed", "This ticket has been Closed"],
      "6": ["Waiting on Customer", "Awaiting your Reply"],
      "7": ["Waiting on Third Party", "Being Processed"],
    },
  },
  {
    id: 2,
    name: "priority",
    label: "Priority",
    type: "default_priority",
    default: true,
    choices: { Low: 1, Medium: 2, High: 3, Urgent: 4 },
  },
  {
    id: 3,
    name: "source",
    label: "Source",
    type: "default_source",
    default: true,
    choices: { Email: 1, Portal: 2, Phone: 3 },
  },
  {
    id: 4,
    name: "ticket_type",
    label: "Type",
    type: "default_ticket_type",
    default: true,
    choices: ["Question", "Incident", "Problem", "Feature Request"],
  },
  {
    id: 5,
    name: "cf_category",
    label: "Category",
    type: "custom_dropdown",
    default: false,
    choices: ["Billing", "Bug"],
  },
  { id: 6, name: "cf_order_number", label: "Order number", type: "custom_text", default: false },
];

const hits = new Map<string, number>();
let failGroups = false;
const app = new Hono();
app.use(async (c, next) => {
  const key = `${c.req.method} ${c.req.path}`;
  hits.set(key, (hits.get(key) ?? 0) + 1);
  await next();
});
app.get("/api/v2/groups", (c) =>
  failGroups
    ? c.json({ message: "We're sorry, but something went wrong." }, 500)
    : c.json([group(10, "Billing"), group(11, "Technical Support")]),
);
app.get("/api/v2/groups/10", (c) => c.json(group(10, "Billing", [100])));
app.get("/api/v2/groups/11", (c) => c.json(group(11, "Technical Support", [100, 101])));
app.get("/api/v2/agents", (c) => c.json([agent(100, "Ada"), agent(101, "Linus", { available: false })]));
app.get("/api/v2/ticket_fields", (c) => c.json(ticketFields));

let server: Awaited<ReturnType<typeof serveApp>>;
let client: FreshdeskClient;
let clock = 0;
let directory: AccountDirectory;

beforeAll(async () => {
  server = await serveApp(app);
  client = createFreshdeskClient({ baseUrl: server.baseUrl, apiKey: "k", maxRetries: 0 });
});
afterAll(() => server.close());
beforeEach(() => {
  hits.clear();
  failGroups = false;
  clock = 1_000_000;
  directory = createAccountDirectory(client, { ttlMs: 60_000, retryAfterFailureMs: 5_000, now: () => clock });
});

describe("account directory", () => {
  it("names statuses (custom ones included), priorities, sources and ticket types from /ticket_fields", async () => {
    expect(await directory.statusName(6)).toBe("Waiting on Customer");
    expect(await directory.priorityName(4)).toBe("Urgent");
    expect(await directory.sourceName(3)).toBe("Phone");
    expect(await directory.ticketTypes()).toEqual(["Question", "Incident", "Problem", "Feature Request"]);
    expect(await directory.statusId("waiting on third party")).toBe(7);
    expect(await directory.priorityId("High")).toBe(3);
    expect(await directory.statusName(99)).toBeUndefined();
    const catalog = await directory.fieldCatalog();
    expect(catalog.statuses[0]).toEqual({ id: 2, name: "Open", customerName: "Being Processed" });
    expect(catalog.customFields).toEqual([
      { name: "cf_category", label: "Category", type: "custom_dropdown", choices: ["Billing", "Bug"] },
      { name: "cf_order_number", label: "Order number", type: "custom_text", choices: undefined },
    ]);
    expect(hits.get("GET /api/v2/ticket_fields")).toBe(1);
  });

  it("builds agents with their groups although the agent list omits group_ids", async () => {
    expect(await directory.agents()).toEqual([
      { id: 100, name: "Ada", email: "ada@example.com", available: true, groupIds: [10, 11] },
      { id: 101, name: "Linus", email: "linus@example.com", available: false, groupIds: [11] },
    ]);
    expect(await directory.agentName(101)).toBe("Linus");
    expect(await directory.groupName(11)).toBe("Technical Support");
    expect(await directory.groupId("billing")).toBe(10);
  });

  it("shares one refresh between concurrent callers", async () => {
    const names = await Promise.all(Array.from({ length: 10 }, () => directory.groupName(10)));
    expect(new Set(names)).toEqual(new Set(["Billing"]));
    expect(hits.get("GET /api/v2/groups")).toBe(1);
  });

  it("reloads after the TTL and after invalidate(), not before", async () => {
    await directory.groups();
    clock += 59_000;
    await directory.groups();
    expect(hits.get("GET /api/v2/groups")).toBe(1);
    clock += 2_000;
    await directory.groups();
    expect(hits.get("GET /api/v2/groups")).toBe(2);
    directory.invalidate();
    await directory.groups();
    expect(hits.get("GET /api/v2/groups")).toBe(3);
  });

  it("serves the previous answer when a refresh fails, and retries later", async () => {
    await directory.groups();
    failGroups = true;
    clock += 61_000;
    expect(await directory.groupName(10)).toBe("Billing");
    expect(hits.get("GET /api/v2/groups")).toBe(2);
    clock += 1_000;
    await directory.groups();
    expect(hits.get("GET /api/v2/groups")).toBe(2);
    clock += 5_000;
    await directory.groups();
    expect(hits.get("GET /api/v2/groups")).toBe(3);
  });

  it("fails when there is nothing cached to fall back on", async () => {
    failGroups = true;
    await expect(directory.groups()).rejects.toBeInstanceOf(FreshdeskServerError);
  });
});
