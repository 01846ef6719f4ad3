// Compares sandbox responses with the python-freshdesk samples that the reference (§11) rates as
// good v2: same keys and value types. Deliberate differences, each from the reference, are listed
// per comparison as keys only the sample has (`sampleOnly`) or only the sandbox has (`sandboxOnly`).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SandboxServer, startSandboxServer } from "../support/sandbox-server.ts";
import { sandboxClient } from "./sandbox-client.ts";

const FIXTURES = join(import.meta.dirname, "../fixtures/python-freshdesk");

type Json = Record<string, unknown>;

function fixture<T = Json>(name: string): T {
  return JSON.parse(readFileSync(join(FIXTURES, name), "utf8")) as T;
}

function kind(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** Same keys (up to the listed differences) and, where both have a value, the same types. */
function expectSameShape(
  ours: unknown,
  sample: unknown,
  differences: { sampleOnly?: string[]; sandboxOnly?: string[] } = {},
): void {
  const ourObject = ours as Json;
  const sampleObject = sample as Json;
  const sampleKeys = Object.keys(sampleObject).filter((k) => !differences.sampleOnly?.includes(k));
  const ourKeys = Object.keys(ourObject).filter((k) => !differences.sandboxOnly?.includes(k));
  expect(new Set(ourKeys)).toEqual(new Set(sampleKeys));
  for (const key of differences.sandboxOnly ?? []) expect(ourObject).toHaveProperty(key);
  for (const key of sampleKeys) {
    const [a, b] = [ourObject[key], sampleObject[key]];
    if (a !== null && b !== null) expect({ key, type: kind(a) }).toEqual({ key, type: kind(b) });
  }
}

let server: SandboxServer;
let call: ReturnType<typeof sandboxClient>;
const json = async (method: string, path: string, body?: unknown) =>
  (await call(method, path, { body })).json as Json;

beforeAll(async () => {
  server = await startSandboxServer();
  call = sandboxClient(server);
});
afterAll(() => server.close());

describe("sandbox responses match the good v2 samples", () => {
  it("ticket view with stats and requester (ticket_1.json)", async () => {
    const form = new FormData();
    form.append("email", "sample@example.com");
    form.append("subject", "This is a sample ticket");
    form.append("description", "<div>This is a sample ticket, feel free to delete it.</div>");
    form.append("cc_emails[]", "test2@example.com");
    form.append("tags[]", "foo");
    form.append("attachments[]", new File(["hello"], "attachment.txt", { type: "text/plain" }));
    const created = await fetch(`${server.baseUrl}/api/v2/tickets`, {
      method: "POST",
      headers: { Authorization: `Basic ${btoa(`${server.apiKey}:X`)}` },
      body: form,
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    const ours = await json("GET", `/api/v2/tickets/${id}?include=stats,requester`);
    const sample = fixture("ticket_1.json");
    expectSameShape(ours, sample, {
      // priority_name is not a v2 key (reference §11).
      sampleOnly: ["priority_name"],
      // §5.1 keys the 2016 sample predates.
      sandboxOnly: ["ticket_cc_emails", "association_type", "source_additional_info"],
    });
    expectSameShape(ours.stats, sample.stats);
    expectSameShape(ours.requester, sample.requester);
    // v2 names the attachment size `size`; the sample's `file_size` is wrong (reference §5.1).
    expectSameShape((ours.attachments as Json[])[0], (sample.attachments as Json[])[0], {
      sampleOnly: ["file_size"],
      sandboxOnly: ["size"],
    });
  });

  it("ticket update (ticket_1_updated.json)", async () => {
    const ours = await json("PUT", "/api/v2/tickets/2", { priority: 3, subject: "Test subject update" });
    expectSameShape(ours, fixture("ticket_1_updated.json"), {
      sampleOnly: ["priority_name"],
      sandboxOnly: ["ticket_cc_emails", "source_additional_info"],
    });
  });

  it("company view, list and update with account-management fields (company*.json)", async () => {
    const created = await json("POST", "/api/v2/companies", {
      name: "Super Nova",
      description: "Space Shuttle Manufacturing",
      domains: ["supernova"],
      health_score: "Happy",
      account_tier: "Premium",
      renewal_date: "2020-12-31T00:00:00Z",
      industry: null,
    });
    const id = created.id as number;
    expect(created.renewal_date).toBe("2020-12-31T00:00:00Z");
    // The seeded account's company custom fields differ from the sample's.
    const customFields = { sampleOnly: ["custom_fields"], sandboxOnly: ["custom_fields"] };
    expectSameShape(await json("GET", `/api/v2/companies/${id}`), fixture("company.json"), customFields);
    const listed = ((await call("GET", "/api/v2/companies?per_page=100")).json as Json[]).find(
      (c) => c.id === id,
    );
    expectSameShape(listed, fixture<Json[]>("companies.json")[0], customFields);
    const updated = await json("PUT", `/api/v2/companies/${id}`, { description: "Rocket Manufacturing" });
    expectSameShape(updated, fixture("company_updated.json"), customFields);
  });

  it("company search envelope and items (search_companies.json)", async () => {
    const companies = (await call("GET", "/api/v2/companies")).json as { domains: string[] }[];
    const domain = companies.find((c) => c.domains.length > 0)?.domains[0];
    const ours = await json("GET", `/api/v2/search/companies?query="domain:'${domain}'"`);
    const sample = fixture("search_companies.json");
    expect(new Set(Object.keys(ours))).toEqual(new Set(Object.keys(sample)));
    expect(ours.total).toBeGreaterThan(0);
    const item = (ours.results as Json[])[0];
    const sampleItem = (sample.results as Json[])[0];
    const accountManagement = ["health_score", "account_tier", "renewal_date", "industry"].filter(
      (k) => k in (item ?? {}),
    );
    expectSameShape(item, sampleItem, { sandboxOnly: accountManagement });
  });

  it("group view and list (group_1.json, groups.json)", async () => {
    const groups = (await call("GET", "/api/v2/groups")).json as Json[];
    const withRoundRobin = groups.find((g) => "auto_ticket_assign" in g);
    expect(withRoundRobin).toBeDefined();
    // group_type is part of the current show and list shape (reference §8.4).
    expectSameShape(withRoundRobin, fixture<Json[]>("groups.json")[0], { sandboxOnly: ["group_type"] });
    const shown = await json("GET", `/api/v2/groups/${withRoundRobin?.id}`);
    expectSameShape(shown, fixture("group_1.json"), { sandboxOnly: ["group_type"] });
  });

  it("solution categories, folders and articles (solution_*.json)", async () => {
    const categories = (await call("GET", "/api/v2/solutions/categories")).json as Json[];
    expectSameShape(categories[0], fixture<Json[]>("solution_categories.json")[0]);
    const folders = (await call("GET", `/api/v2/solutions/categories/${categories[0]?.id}/folders`))
      .json as Json[];
    // The sample folders lack visibility and category_id (reference §11).
    expectSameShape(folders[0], fixture<Json[]>("solution_folders.json")[0], {
      sandboxOnly: ["visibility", "category_id"],
    });
    const articles = (await call("GET", `/api/v2/solutions/folders/${folders[0]?.id}/articles`))
      .json as Json[];
    const sampleArticle = fixture<Json[]>("solution_articles.json")[0];
    expectSameShape(await json("GET", `/api/v2/solutions/articles/${articles[0]?.id}`), sampleArticle);
    // The folder-list variant omits description and attachments (reference §7).
    expectSameShape(articles[0], sampleArticle, { sampleOnly: ["description", "attachments"] });
  });

  it("notes and conversation lists (note_1.json, conversations.json)", async () => {
    const note = await json("POST", "/api/v2/tickets/3/notes", { body: "This is a private note" });
    // The real notes response has no source, from_email, cc_emails or bcc_emails (reference §5.7).
    expectSameShape(note, fixture("note_1.json"), {
      sampleOnly: ["source", "from_email", "cc_emails", "bcc_emails"],
    });
    const listed = (await call("GET", "/api/v2/tickets/3/conversations?per_page=100")).json as Json[];
    const ours = listed.find((c) => c.id === note.id);
    // The list item gained these keys after the sample was written (reference §5.7, §11).
    expectSameShape(ours, fixture<Json[]>("conversations.json")[0], {
      sandboxOnly: ["category", "email_failure_count", "outgoing_failures", "source_additional_info"],
    });
  });
});
