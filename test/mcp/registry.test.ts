import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { isToolVisible, requiredScope } from "../../src/mcp/policy.ts";
import { allTools, toolsByName } from "../../src/mcp/registry.ts";
import { toolCases } from "./support/tool-cases.ts";

const toolsDir = fileURLToPath(new URL("../../src/mcp/tools/", import.meta.url));
const DESCRIPTION_MAX = 1000;
/**
 * Tools that delete, or replace what is there: a whole tag list, an article's text or status
 * (unpublishing), a note's body, triage in apply mode (priority, group, type), many tickets at
 * once, merging (which closes the duplicates), and taking a watcher off a ticket.
 */
const DELETES_OR_OVERWRITES = /^(delete_|update_|bulk_update_|merge_|remove_|triage_ticket$)/;
/** Deleting, and changing many tickets in one call, need the admin scope. */
const ADMIN_ONLY = /^(delete_|bulk_update_)/;

describe("the tool registry", () => {
  it("has one file per tool, named after the tool", () => {
    const files = readdirSync(toolsDir).filter((f) => f.endsWith(".ts"));
    const expected = allTools.map((t) => `${t.name.replace(/_/g, "-")}.ts`);
    expect(files.sort()).toEqual(expected.sort());
    for (const [key, tool] of Object.entries(toolsByName)) expect(tool.name).toBe(key);
  });

  it("uses snake_case names without a prefix", () => {
    for (const tool of allTools) {
      expect(tool.name).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(tool.name).not.toMatch(/^(freshdesk|fd|mcp)_/);
    }
  });

  it("states all four annotations on every tool, consistently", () => {
    for (const { name, annotations: a } of allTools) {
      for (const hint of ["readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint"] as const) {
        expect(typeof a[hint], `${name}.${hint}`).toBe("boolean");
      }
      if (a.readOnlyHint) {
        expect(a.destructiveHint, name).toBe(false);
        expect(a.idempotentHint, name).toBe(true);
      }
      // search and fetch are named as ChatGPT's connectors require.
      const reads = /^(get|list|search|count|find)_|^(search|fetch)$/.test(name);
      expect(a.readOnlyHint, `${name} reads or writes by its name`).toBe(reads);
      expect(a.destructiveHint, `${name} is destructive exactly when it deletes or overwrites`).toBe(
        DELETES_OR_OVERWRITES.test(name),
      );
    }
  });

  it("needs the admin scope only for deleting and bulk changes; overwriting is a write", () => {
    for (const tool of allTools) {
      const expected = tool.annotations.readOnlyHint
        ? "read"
        : ADMIN_ONLY.test(tool.name)
          ? "admin"
          : "write";
      expect(requiredScope(tool), tool.name).toBe(expected);
    }
    expect(requiredScope(toolsByName.update_ticket)).toBe("write");
    expect(toolsByName.update_ticket.annotations.destructiveHint).toBe(true);
    expect(requiredScope(toolsByName.bulk_update_tickets)).toBe("admin");
    expect(requiredScope(toolsByName.merge_tickets)).toBe("write");
  });

  it("writes descriptions as prompts of bounded length with an example", () => {
    for (const { name, description, title } of allTools) {
      expect(description.length, name).toBeGreaterThan(80);
      expect(description.length, name).toBeLessThanOrEqual(DESCRIPTION_MAX);
      expect(description, name).toMatch(/Example: \{/);
      expect(title.length, name).toBeGreaterThan(3);
    }
  });

  it("advertises object input and output schemas whose ids use Freshdesk's field names", () => {
    for (const { name, listing } of allTools) {
      expect(listing.inputSchema.type, name).toBe("object");
      expect(listing.outputSchema.type, name).toBe("object");
      const properties = Object.keys((listing.inputSchema.properties as Record<string, unknown>) ?? {});
      for (const property of properties) expect(property, name).toMatch(/^[a-z]+(_[a-z]+)*$/);
    }
  });

  it("gives a read token at least 35 tools, and each scope exactly the tools its level allows", () => {
    const readable = allTools.filter((t) => isToolVisible({ caller: "r", scopes: ["read"] }, t));
    expect(readable.length).toBeGreaterThanOrEqual(35);
    expect(readable.every((t) => t.annotations.readOnlyHint)).toBe(true);
    const writable = allTools.filter((t) => isToolVisible({ caller: "w", scopes: ["write"] }, t));
    expect(writable.filter((t) => requiredScope(t) === "admin")).toEqual([]);
    const readOnlyServer = allTools.filter((t) =>
      isToolVisible({ caller: "a", scopes: ["admin"], readOnly: true }, t),
    );
    expect(readOnlyServer).toEqual(readable);
  });

  it("pages every tool that takes a cursor, and gives their arguments no defaults", () => {
    const paged = allTools.filter((t) => t.paged).map((t) => t.name);
    expect(paged).toEqual(
      expect.arrayContaining(["list_tickets", "search_tickets", "list_unassigned_tickets"]),
    );
    for (const tool of allTools.filter((t) => t.paged)) {
      expect(Object.keys(tool.output.shape), tool.name).toEqual(
        expect.arrayContaining(["items", "next_cursor"]),
      );
      // A default would be passed beside every cursor and clash with the query stored in it;
      // and a cursor alone must be a complete call.
      expect(tool.input.parse({}), tool.name).toEqual({});
    }
  });

  it("offers at least as many tools as the peers (about 55-64)", () => {
    expect(allTools.length).toBeGreaterThanOrEqual(58);
  });

  it("has a test case for every tool", () => {
    expect(Object.keys(toolCases).sort()).toEqual(allTools.map((t) => t.name).sort());
  });

  it("matches the reviewed tools/list snapshot", () => {
    expect(allTools.map((tool) => tool.listing)).toMatchSnapshot();
  });
});
