import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError } from "../../src/errors.ts";
import { callTool, connectInProcessClient } from "../../src/mcp/in-process-client.ts";
import { pipelinePolicy } from "../../src/mcp/pipeline-policy.ts";
import { allTools } from "../../src/mcp/registry.ts";
import { GROUP } from "../../src/sandbox/seed/ids.ts";
import { type Backend, startBackend } from "./support/harness.ts";

const ALLOWED = new Set([
  "get_ticket",
  "list_tickets",
  "list_conversations",
  "search_solutions",
  "list_solution_categories",
  "list_solution_folders",
  "list_solution_articles",
  "get_solution_article",
  "list_groups",
  "list_agents",
  "get_current_agent",
  "list_ticket_fields",
  "list_ticket_types",
  "get_contact",
  "get_company",
  "list_sla_policies",
  "list_business_hours",
  "update_ticket",
  "add_note",
]);

let backend: Backend;
let client: Client;

beforeAll(async () => {
  backend = await startBackend();
  client = await connectInProcessClient(backend.deps, pipelinePolicy());
});

afterAll(async () => {
  await client.close();
  await backend.close();
});

async function refusal(name: string, args: Record<string, unknown>) {
  const result = await client.callTool({ name, arguments: args });
  return {
    refused: result.isError === true && (result._meta?.error as { code?: string })?.code === "forbidden",
    result,
  };
}

describe("the pipeline policy", () => {
  it("lists exactly the allowed tools", async () => {
    const { tools } = await client.listTools();
    expect(new Set(tools.map((t) => t.name))).toEqual(ALLOWED);
  });

  it("refuses every other tool when called by name", async () => {
    const others = allTools.filter((tool) => !ALLOWED.has(tool.name));
    expect(others.length).toBeGreaterThan(30);
    for (const tool of others) {
      const { refused, result } = await refusal(tool.name, { ticket_id: 1 });
      expect(refused, `${tool.name}: ${JSON.stringify(result.content)}`).toBe(true);
    }
    expect(((await backend.sandboxGet("/tickets/1")) as { deleted?: boolean }).deleted).not.toBe(true);
  });

  it("updates only priority, group, agent, type and tags", async () => {
    const updated = await callTool(client, "update_ticket", {
      ticket_id: 9,
      priority: 3,
      group_id: GROUP.billing,
      tags: ["triaged"],
    });
    expect(updated).toMatchObject({ priority: 3, group_name: "Billing", tags: ["triaged"] });

    for (const extra of [
      { status: 5 },
      { subject: "changed" },
      { custom_fields: { cf_x: 1 } },
      { due_by: "2030-01-01T00:00:00Z" },
    ]) {
      const { refused } = await refusal("update_ticket", { ticket_id: 9, priority: 2, ...extra });
      expect(refused, JSON.stringify(extra)).toBe(true);
    }
    const stored = (await backend.sandboxGet("/tickets/9")) as { priority: number; status: number };
    expect(stored.priority).toBe(3);
    expect(stored.status).not.toBe(5);
  });

  it("reads resolved tickets with their descriptions, for learning, and writes nothing", async () => {
    const page = await callTool(client, "list_tickets", {
      updated_since: "2000-01-01T00:00:00Z",
      order_by: "updated_at",
      order_type: "asc",
      include_description: true,
      per_page: 100,
    });
    const resolved = page.items.filter((t) => t.status === 4 || t.status === 5);
    expect(resolved.length).toBeGreaterThan(0);
    expect(resolved.every((t) => (t.description_text ?? "").length > 0)).toBe(true);
    expect(resolved.some((t) => t.group_name !== undefined)).toBe(true);
  });

  it("adds private notes only", async () => {
    const note = await callTool(client, "add_note", { ticket_id: 9, body: "Routed to Billing." });
    expect(note.private).toBe(true);
    const before = ((await backend.sandboxGet("/tickets/9/conversations?per_page=100")) as unknown[]).length;

    expect((await refusal("add_note", { ticket_id: 9, body: "public", private: false })).refused).toBe(true);
    const withNotify = await refusal("add_note", {
      ticket_id: 9,
      body: "x",
      notify_emails: ["a@example.org"],
    });
    expect(withNotify.refused).toBe(true);
    await expect(
      callTool(client, "add_note", { ticket_id: 9, body: "public", private: false }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const after = ((await backend.sandboxGet("/tickets/9/conversations?per_page=100")) as unknown[]).length;
    expect(after).toBe(before);
  });
});
