// The filter language on custom fields (reference §4: number, checkbox, dropdown and date custom
// fields are filterable), which the seeded form does not carry.
import { describe, expect, it } from "vitest";
import type { FsTicket, FsTicketFormField } from "../../src/freshservice-sandbox/seed/types.ts";
import {
  checkFilterTree,
  FilterQueryError,
  matchesFilter,
  parseFilterQuery,
} from "../../src/freshservice-sandbox/tickets/filter-query.ts";

const field = (name: string, field_type: string) => ({ name, field_type }) as FsTicketFormField;
const custom = new Map([
  ["severity", field("severity", "custom_dropdown")],
  ["affected_users", field("affected_users", "custom_number")],
  ["vip", field("vip", "custom_checkbox")],
  ["outage_date", field("outage_date", "custom_date")],
  ["notes", field("notes", "custom_paragraph")],
]);
const ticket = {
  requester_id: 1,
  tags: [],
  custom_fields: { severity: "Sev 2", affected_users: 40, vip: true, outage_date: "2026-03-09", notes: "x" },
} as unknown as FsTicket;
const context = { emailOf: () => null };

function matches(expression: string): boolean {
  const tree = parseFilterQuery(`"${expression}"`);
  checkFilterTree(tree, custom);
  return matchesFilter(tree, ticket, context);
}

describe("custom fields in the filter", () => {
  it("matches dropdown, number, checkbox and date custom fields by name", () => {
    expect(matches("severity:'Sev 2'")).toBe(true);
    expect(matches("severity:'Sev 1'")).toBe(false);
    expect(matches("affected_users:>40 AND affected_users:<40")).toBe(true);
    expect(matches("affected_users:>41")).toBe(false);
    expect(matches("vip:true")).toBe(true);
    expect(matches("outage_date:<'2026-03-09'")).toBe(true);
    expect(matches("outage_date:>'2026-03-10'")).toBe(false);
  });

  it("refuses text custom fields and values of the wrong type", () => {
    expect(() => matches("notes:'x'")).toThrow(FilterQueryError);
    expect(() => matches("vip:'yes'")).toThrow(/true or false/);
    expect(() => matches("affected_users:'40'")).toThrow(/number/);
  });
});

describe("the expression grammar", () => {
  it("needs balanced parentheses and complete conditions", () => {
    for (const bad of ["(status:2", "status:", "status:2 AND", "status 2", "status:2)"]) {
      expect(() => parseFilterQuery(`"${bad}"`), bad).toThrow(/lexical error/);
    }
  });
});
