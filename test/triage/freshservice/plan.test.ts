import { describe, expect, it } from "vitest";
import {
  guessCategoryPath,
  parseTicketForm,
  validCategoryPath,
} from "../../../src/triage/freshservice/form-fields.ts";
import {
  type FieldVerdict,
  type FsCurrent,
  type FsPlanInput,
  planFreshserviceUpdate,
} from "../../../src/triage/freshservice/plan.ts";
import { parsePriorityMatrix } from "../../../src/triage/freshservice/priority-matrix.ts";
import { FORM_FIELDS, GROUPS } from "./form-fixture.ts";

const form = parseTicketForm(FORM_FIELDS);
const NEW_TICKET: FsCurrent = {
  category: null,
  subCategory: null,
  itemCategory: null,
  urgency: 1,
  impact: 1,
  priority: 1,
  groupId: null,
  type: "Incident",
  departmentId: null,
};
const sure = (value: string | number, precision = 0.95): FieldVerdict => ({
  value,
  precision,
  applied: true,
  reason: "calibrated",
});
const unsure = (value: string | number, precision = 0.6): FieldVerdict => ({
  value,
  precision,
  applied: false,
  reason: "below_threshold",
});
const plan = (overrides: Partial<FsPlanInput>) =>
  planFreshserviceUpdate({
    current: NEW_TICKET,
    decisions: {},
    form,
    groups: GROUPS,
    mode: "apply",
    ...overrides,
  });
const outcome = (p: ReturnType<typeof plan>, field: string) => p.outcomes.find((o) => o.field === field);

describe("the account's form", () => {
  it("reads the category tree, levels and types from /ticket_form_fields", () => {
    expect(form.categories.map((c) => c.value)).toEqual(["Hardware", "Network", "Software"]);
    expect(form.types).toEqual(["Incident", "Service Request"]);
    expect(form.urgency.map((c) => c.id)).toEqual([1, 2, 3]);
    expect(
      validCategoryPath(form.categories, {
        category: "hardware",
        subCategory: "COMPUTER",
        itemCategory: "mac",
      }),
    ).toEqual({ category: "Hardware", subCategory: "Computer", itemCategory: "Mac" });
    expect(
      validCategoryPath(form.categories, {
        category: "Hardware",
        subCategory: "Wi-Fi",
        itemCategory: "Office",
      }),
    ).toEqual({ category: "Hardware" });
    expect(validCategoryPath(form.categories, { category: "Facilities" })).toBeUndefined();
  });
});

describe("planFreshserviceUpdate", () => {
  it("applies a measured category path, urgency, impact, priority, group and type", () => {
    const p = plan({
      decisions: {
        category: sure("Hardware"),
        sub_category: sure("Computer"),
        item_category: sure("Mac"),
        urgency: sure(3),
        impact: sure(2),
        priority: sure(3),
        group: sure("hardware"),
        type: sure("incident"),
      },
    });
    expect(p.update).toEqual({
      category: "Hardware",
      sub_category: "Computer",
      item_category: "Mac",
      urgency: 3,
      impact: 2,
      priority: 3,
      group_id: 102,
    });
    expect(outcome(p, "type")?.status).toBe("unchanged");
    expect(p.priorityVia).toBe("direct");
    expect(p.applied).toEqual([
      "category",
      "sub_category",
      "item_category",
      "urgency",
      "impact",
      "priority",
      "group",
    ]);
  });

  it("never writes a level that is not under its parent in the tree", () => {
    const p = plan({
      decisions: { category: sure("Hardware"), sub_category: sure("Wi-Fi"), item_category: sure("Office") },
    });
    expect(p.update).toEqual({ category: "Hardware" });
    expect(outcome(p, "sub_category")).toMatchObject({ status: "skipped" });
    expect(outcome(p, "sub_category")?.reason).toMatch(/"Wi-Fi" is not a sub-category under Hardware/);
    expect(outcome(p, "item_category")?.status).toBe("skipped");
  });

  it("does not apply a level whose parent is only suggested", () => {
    const p = plan({ decisions: { category: unsure("Hardware"), sub_category: sure("Computer") } });
    expect(p.update).toEqual({});
    expect(outcome(p, "category")).toMatchObject({ status: "suggested", reason: "below_threshold" });
    expect(outcome(p, "sub_category")).toMatchObject({ status: "suggested", reason: "parent_not_applied" });
  });

  it("hangs a sub-category under the category the ticket already has", () => {
    const p = plan({
      current: { ...NEW_TICKET, category: "Network" },
      decisions: { category: sure("Network"), sub_category: sure("Wi-Fi") },
    });
    expect(p.update).toEqual({ sub_category: "Wi-Fi" });
  });

  it("only suggests a category change that would leave the ticket's lower levels under the wrong parent", () => {
    const p = plan({
      current: { ...NEW_TICKET, category: "Network", subCategory: "Wi-Fi", itemCategory: "Office" },
      decisions: { category: sure("Hardware") },
    });
    expect(p.update).toEqual({});
    expect(outcome(p, "category")).toMatchObject({ status: "suggested", reason: "orphans_lower_level" });
    const whole = plan({
      current: { ...NEW_TICKET, category: "Network", subCategory: "Wi-Fi", itemCategory: "Office" },
      decisions: { category: sure("Hardware"), sub_category: sure("Printer") },
    });
    expect(whole.update).toEqual({});
    const fits = plan({
      current: { ...NEW_TICKET, category: "Network", subCategory: "Wi-Fi" },
      decisions: { category: sure("Hardware"), sub_category: sure("Printer") },
    });
    expect(fits.update).toEqual({ category: "Hardware", sub_category: "Printer" });
  });

  it("derives priority from the matrix when impact and urgency are applied", () => {
    const matrix = parsePriorityMatrix({
      low: { low: 1, medium: 1, high: 2 },
      medium: { low: 1, medium: 2, high: 3 },
      high: { low: 2, medium: 3, high: 4 },
    });
    const p = plan({
      matrix,
      decisions: { urgency: sure(3, 0.9), impact: sure(3, 0.93), priority: sure(1) },
    });
    expect(p.priorityVia).toBe("matrix");
    expect(p.update).toEqual({ urgency: 3, impact: 3, priority: 4 });
    expect(outcome(p, "priority")).toMatchObject({ status: "applied", precision: 0.9 });
    expect(outcome(p, "priority")?.detail).toBe(
      "impact High × urgency High in the account's priority matrix",
    );

    const held = plan({ matrix, decisions: { urgency: sure(3), impact: unsure(3) } });
    expect(held.update).toEqual({ urgency: 3 });
    expect(outcome(held, "priority")).toMatchObject({
      status: "suggested",
      to: 4,
      reason: "matrix_inputs_not_applied",
    });
  });

  it("only suggests in suggest mode", () => {
    const p = plan({ mode: "suggest", decisions: { category: sure("Hardware"), group: sure("Network") } });
    expect(p.update).toEqual({});
    expect(p.suggested).toEqual(["category", "group"]);
    expect(outcome(p, "group")?.reason).toBe("mode");
  });

  it("skips values the account does not have, and keeps a service request one", () => {
    const p = plan({
      current: { ...NEW_TICKET, type: "Service Request" },
      decisions: { group: sure("Facilities"), type: sure("Incident"), urgency: sure(5) },
    });
    expect(p.update).toEqual({});
    expect(outcome(p, "group")?.reason).toMatch(/no agent group "Facilities"/);
    expect(outcome(p, "type")?.reason).toMatch(/service request stays one/);
    expect(outcome(p, "urgency")?.status).toBe("skipped");
  });

  it("leaves a value an agent changed after our earlier triage", () => {
    const p = plan({
      current: { ...NEW_TICKET, groupId: 101 },
      decisions: { group: sure("Hardware") },
      previous: { applied: ["group"], values: { group: 102 } },
    });
    expect(p.update).toEqual({});
    expect(outcome(p, "group")?.reason).toMatch(/an agent changed it/);
  });

  it("sets the requester's department when the ticket has none", () => {
    const p = plan({ requesterDepartment: { id: 7, name: "Finance" } });
    expect(p.update).toEqual({ department_id: 7 });
    expect(
      plan({ current: { ...NEW_TICKET, departmentId: 3 }, requesterDepartment: { id: 7, name: "Finance" } })
        .update,
    ).toEqual({});
  });
});

describe("guessCategoryPath (no history yet)", () => {
  it("finds the path whose names the ticket uses", () => {
    expect(guessCategoryPath(form.categories, "The office Wi-Fi keeps dropping")).toEqual({
      category: "Network",
      subCategory: "Wi-Fi",
      itemCategory: "Office",
    });
    expect(guessCategoryPath(form.categories, "my Mac will not start")).toEqual({
      category: "Hardware",
      subCategory: "Computer",
      itemCategory: "Mac",
    });
    expect(guessCategoryPath(form.categories, "printer out of toner")).toEqual({
      category: "Hardware",
      subCategory: "Printer",
      itemCategory: undefined,
    });
  });

  it("guesses nothing when nothing, or two paths equally, are named", () => {
    expect(guessCategoryPath(form.categories, "please call me back")).toBeUndefined();
    expect(guessCategoryPath(form.categories, "printer and mac both broken")).toBeUndefined();
  });
});
