import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { TOOLSETS } from "../../../src/mcp/define-tool.ts";
import { freshserviceTools, freshserviceToolsByName } from "../../../src/mcp/freshservice/registry.ts";
import { isToolVisible, requiredScope } from "../../../src/mcp/policy.ts";
import { allTools } from "../../../src/mcp/registry.ts";

const toolsDir = fileURLToPath(new URL("../../../src/mcp/freshservice/tools/", import.meta.url));
/** Tools that delete, or replace what is there (a tag list, a note's body, triage in apply mode). */
const DELETES_OR_OVERWRITES = /^(delete_|update_|triage_ticket$)/;

describe("the Freshservice tool registry", () => {
  it("has one file per tool, named after the tool", () => {
    const files = readdirSync(toolsDir).filter((f) => f.endsWith(".ts"));
    const expected = freshserviceTools.map((t) => `${t.name.replace(/_/g, "-")}.ts`);
    expect(files.sort()).toEqual(expected.sort());
    for (const [key, tool] of Object.entries(freshserviceToolsByName)) expect(tool.name).toBe(key);
  });

  it("offers at least 45 tools with snake_case names without a product prefix", () => {
    expect(freshserviceTools.length).toBeGreaterThanOrEqual(45);
    for (const { name } of freshserviceTools) {
      expect(name).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(name).not.toMatch(/^(freshservice|fs|mcp)_/);
    }
  });

  it("keeps the names the triage pipeline and learning call", () => {
    for (const name of [
      "get_ticket",
      "update_ticket",
      "add_note",
      "list_conversations",
      "filter_tickets",
      "list_ticket_fields",
      "list_departments",
      "list_groups",
      "list_agents",
      "triage_ticket",
      "get_triage_result",
      "search",
      "fetch",
    ]) {
      expect(Object.keys(freshserviceToolsByName), name).toContain(name);
    }
  });

  it("states all four annotations on every tool, consistently with what the name says", () => {
    for (const { name, annotations: a } of freshserviceTools) {
      for (const hint of ["readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint"] as const) {
        expect(typeof a[hint], `${name}.${hint}`).toBe("boolean");
      }
      if (a.readOnlyHint) {
        expect(a.destructiveHint, name).toBe(false);
        expect(a.idempotentHint, name).toBe(true);
      }
      const reads = /^(get|list|search|filter)_|^(search|fetch)$/.test(name);
      expect(a.readOnlyHint, `${name} reads or writes by its name`).toBe(reads);
      expect(a.destructiveHint, `${name} is destructive exactly when it deletes or overwrites`).toBe(
        DELETES_OR_OVERWRITES.test(name),
      );
    }
    // The one tool that emails someone outside the service desk says so.
    expect(freshserviceToolsByName.reply_to_ticket.annotations.openWorldHint).toBe(true);
  });

  it("needs read for reading, admin only for deleting, write for the rest", () => {
    for (const tool of freshserviceTools) {
      const expected = tool.annotations.readOnlyHint
        ? "read"
        : tool.name.startsWith("delete_")
          ? "admin"
          : "write";
      expect(requiredScope(tool), tool.name).toBe(expected);
    }
    const readable = freshserviceTools.filter((t) => isToolVisible({ caller: "r", scopes: ["read"] }, t));
    expect(readable.every((t) => t.annotations.readOnlyHint)).toBe(true);
    expect(readable.length).toBeGreaterThanOrEqual(30);
  });

  it("writes descriptions as prompts of bounded length with an example", () => {
    for (const { name, description, title } of freshserviceTools) {
      expect(description.length, name).toBeGreaterThan(80);
      expect(description.length, name).toBeLessThanOrEqual(1000);
      expect(description, name).toMatch(/Example: \{/);
      expect(title.length, name).toBeGreaterThan(3);
    }
  });

  it("advertises object schemas with snake_case argument names", () => {
    for (const { name, listing } of freshserviceTools) {
      expect(listing.inputSchema.type, name).toBe("object");
      expect(listing.outputSchema.type, name).toBe("object");
      for (const property of Object.keys((listing.inputSchema.properties as Record<string, unknown>) ?? {})) {
        expect(property, name).toMatch(/^[a-z]+(_[a-z]+)*$/);
      }
    }
  });

  it("pages every tool that takes a cursor, and gives their arguments no defaults", () => {
    const paged = freshserviceTools.filter((t) => t.paged);
    expect(paged.map((t) => t.name)).toEqual(expect.arrayContaining(["filter_tickets", "list_tickets"]));
    for (const tool of paged) {
      expect(Object.keys(tool.output.shape), tool.name).toEqual(
        expect.arrayContaining(["items", "next_cursor"]),
      );
      expect(tool.input.parse({}), tool.name).toEqual({});
    }
  });

  it("sorts every tool into a known toolset, using the Freshservice ones", () => {
    const used = new Set(freshserviceTools.map((t) => t.toolset));
    for (const toolset of used) expect(TOOLSETS).toContain(toolset);
    for (const toolset of ["requesters", "departments"] as const) expect(used).toContain(toolset);
    // Freshdesk tools keep their own toolsets; the new ones are Freshservice's alone.
    const freshdesk = new Set(allTools.map((t) => t.toolset));
    for (const toolset of ["requesters", "departments", "service_catalog", "assets", "changes", "problems"]) {
      expect(freshdesk.has(toolset as never)).toBe(false);
    }
  });
});
