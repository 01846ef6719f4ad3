import { describe, expect, it } from "vitest";
import { type PlanInput, planApply } from "../../src/triage/apply-plan.ts";
import { DEFAULT_TAXONOMY } from "../../src/triage/taxonomy.ts";

const ACCOUNT_TYPES = ["Question", "Incident", "Problem", "Feature Request"];

function input(overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    current: { priority: 1, groupId: null, responderId: null, type: null, tags: ["vip"] },
    decisions: {
      priority: { value: 3, confidence: 0.9 },
      groupId: { value: 10, confidence: 0.9 },
      responderId: { value: 5, confidence: 0.9 },
      type: { value: "incident", confidence: 0.9 },
      categoryTag: { value: "category:technical_issue", confidence: 0.9 },
    },
    thresholds: DEFAULT_TAXONOMY.thresholds,
    mode: "apply",
    accountTypes: ACCOUNT_TYPES,
    ...overrides,
  };
}

describe("planApply", () => {
  it("follows a measured decision's evidence, not the raw confidence against a threshold", () => {
    const plan = planApply(
      input({
        decisions: {
          groupId: {
            value: 10,
            confidence: 0.99,
            evidence: { applied: false, precision: null, reason: "not_enough_history" },
          },
          type: {
            value: "Incident",
            confidence: 0.2,
            evidence: { applied: true, precision: 0.95, reason: "calibrated" },
          },
          priority: {
            value: 3,
            confidence: 0.99,
            evidence: { applied: false, precision: 0.7, reason: "engines_disagree" },
          },
        },
      }),
    );
    expect(plan.update).toEqual({ type: "Incident", tags: ["vip", "ai-triaged"] });
    expect(plan.suggested.map((c) => [c.field, c.heldBack])).toEqual([
      ["priority", "engines_disagree"],
      ["group", "not_enough_history"],
    ]);
    expect(plan.applied[0]).toMatchObject({ field: "type", evidence: { precision: 0.95 } });
  });

  it("applies every confident change and merges tags", () => {
    const plan = planApply(input());
    expect(plan.update).toEqual({
      priority: 3,
      group_id: 10,
      responder_id: 5,
      type: "Incident",
      tags: ["vip", "category:technical_issue", "ai-triaged"],
    });
    expect(plan.suggested).toEqual([]);
    expect(plan.applied.map((c) => c.field)).toEqual(["priority", "group", "agent", "type", "tags", "tags"]);
  });

  it("leaves out fields that would not change", () => {
    const plan = planApply(
      input({
        current: {
          priority: 3,
          groupId: 10,
          responderId: 5,
          type: "Incident",
          tags: ["category:technical_issue", "AI-Triaged"],
        },
      }),
    );
    expect(plan.update).toEqual({});
    expect(plan.applied).toEqual([]);
  });

  it("only suggests changes below their field's threshold", () => {
    const plan = planApply(
      input({
        decisions: {
          priority: { value: 3, confidence: 0.5 },
          groupId: { value: 10, confidence: 0.65 },
          type: { value: "Incident", confidence: 0.65 },
          categoryTag: { value: "category:technical_issue", confidence: 0.4 },
        },
      }),
    );
    expect(plan.update).toEqual({ group_id: 10, tags: ["vip", "ai-triaged"] });
    expect(plan.suggested.map((c) => [c.field, c.heldBack])).toEqual([
      ["priority", "below_threshold"],
      ["type", "below_threshold"],
      ["tags", "below_threshold"],
    ]);
  });

  it.each(["suggest", "dry-run"] as const)("changes nothing in %s mode, suggesting everything", (mode) => {
    const plan = planApply(input({ mode }));
    expect(plan.update).toEqual({});
    expect(plan.applied).toEqual([]);
    expect(plan.suggested.map((c) => c.field)).toEqual(["priority", "group", "agent", "type", "tags"]);
    expect(plan.suggested.every((c) => c.heldBack === "mode")).toBe(true);
  });

  it("sets a type only when the account has it", () => {
    const plan = planApply(input({ accountTypes: ["Question"] }));
    expect(plan.update.type).toBeUndefined();
    expect(plan.skipped).toEqual([{ field: "type", reason: 'the account has no ticket type "incident"' }]);
  });

  it("records from and to values for the note", () => {
    const plan = planApply(
      input({ current: { priority: 2, groupId: 7, responderId: null, type: "Question", tags: [] } }),
    );
    expect(plan.applied.find((c) => c.field === "priority")).toEqual({
      field: "priority",
      from: 2,
      to: 3,
      confidence: 0.9,
    });
    expect(plan.applied.find((c) => c.field === "group")).toMatchObject({ from: 7, to: 10 });
  });
});
