import { describe, expect, it } from "vitest";
import { decidePriority, type PriorityInput } from "../../src/triage/priority.ts";
import { DEFAULT_TAXONOMY } from "../../src/triage/taxonomy.ts";

const now = new Date("2025-03-03T12:00:00Z");
const rules = {
  urgentSignals: DEFAULT_TAXONOMY.urgentSignals,
  vip: {
    companyIds: [77],
    companyNames: ["Globex"],
    customField: { name: "cf_tier", values: ["enterprise"] },
  },
};

function input(overrides: Partial<PriorityInput> = {}): PriorityInput {
  return {
    current: 1,
    suggestion: { value: 2, reason: "billing question" },
    confidence: 0.8,
    sentiment: "neutral",
    text: "My invoice looks wrong.",
    rules,
    now,
    ...overrides,
  };
}

describe("decidePriority", () => {
  it("takes the classifier's suggestion and confidence when no rule applies", () => {
    expect(decidePriority(input())).toEqual({
      value: 2,
      reason: "billing question",
      confidence: 0.8,
      keptHuman: false,
      byRule: false,
    });
  });

  it("leaves urgent wording and tone to the caller's measured decision when text rules are off", () => {
    const angryOutage = {
      text: "Outage! This is the worst, I am furious",
      sentiment: "very_negative" as const,
    };
    expect(decidePriority(input(angryOutage)).value).toBe(4);
    expect(decidePriority(input({ ...angryOutage, textRules: false }))).toMatchObject({
      value: 2,
      byRule: false,
    });
    // The account-data rules still raise it, with their own reasons.
    const slaSoon = decidePriority(
      input({ ...angryOutage, textRules: false, frDueBy: "2025-03-03T13:30:00Z" }),
    );
    expect(slaSoon).toMatchObject({ value: 3, byRule: true });
    expect(slaSoon.reason).toMatch(/first response SLA due within/);
    expect(decidePriority(input({ ...angryOutage, textRules: false, companyId: 77 })).value).toBe(3);
  });

  it("says when a rule, not the classifier, set the value", () => {
    expect(decidePriority(input({ text: "Our production is down since 9am!" })).byRule).toBe(true);
    expect(decidePriority(input({ companyId: 77 })).byRule).toBe(true);
    expect(decidePriority(input({ frDueBy: "2025-03-03T13:30:00Z" })).byRule).toBe(true);
    expect(decidePriority(input({ suggestion: { value: 4, reason: "model" } })).byRule).toBe(false);
  });

  it("makes outage language urgent with high confidence", () => {
    const decision = decidePriority(input({ text: "Our production is down since 9am!", confidence: 0.4 }));
    expect(decision.value).toBe(4);
    expect(decision.reason).toContain("production is down");
    expect(decision.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it("raises very negative tickets to at least High", () => {
    expect(decidePriority(input({ sentiment: "very_negative" })).value).toBe(3);
    expect(decidePriority(input({ sentiment: "negative" })).value).toBe(2);
  });

  it.each([
    ["company id", { companyId: 77 }],
    ["company name", { companyName: "globex" }],
    ["custom field", { customFields: { cf_tier: "Enterprise" } }],
  ])("raises a VIP (%s) one level", (_label, vip) => {
    const decision = decidePriority(input(vip));
    expect(decision.value).toBe(3);
    expect(decision.reason).toMatch(/VIP/);
  });

  it("never goes above Urgent for a VIP", () => {
    expect(decidePriority(input({ companyId: 77, text: "total outage" })).value).toBe(4);
  });

  it("raises tickets whose SLA is due within two hours or overdue", () => {
    const soon = decidePriority(input({ frDueBy: "2025-03-03T13:30:00Z" }));
    expect(soon.value).toBe(3);
    expect(soon.reason).toMatch(/first response SLA due within 90 min/);
    expect(decidePriority(input({ dueBy: "2025-03-03T11:00:00Z" })).reason).toMatch(/overdue/);
    expect(decidePriority(input({ dueBy: "2025-03-04T12:00:00Z" })).value).toBe(2);
    expect(decidePriority(input({ dueBy: "2025-03-03T14:30:00Z", slaWindowMinutes: 180 })).value).toBe(3);
  });

  it("never lowers a priority a person raised", () => {
    const decision = decidePriority(input({ current: 3, suggestion: { value: 1, reason: "praise" } }));
    expect(decision).toMatchObject({ value: 3, keptHuman: true, confidence: 1 });
    expect(decision.reason).toMatch(/kept High, set by a person \(triage suggested Low: praise\)/);
  });

  it("raises a person's priority when the rules find it higher", () => {
    const decision = decidePriority(input({ current: 2, text: "data loss on all accounts" }));
    expect(decision).toMatchObject({ value: 4, keptHuman: false });
  });

  it("treats Low as the untouched default, and honours an explicit setByHuman flag", () => {
    expect(decidePriority(input({ current: 1, suggestion: { value: 1, reason: "x" } })).keptHuman).toBe(
      false,
    );
    const ours = decidePriority(
      input({ current: 3, setByHuman: false, suggestion: { value: 2, reason: "calmer now" } }),
    );
    expect(ours).toMatchObject({ value: 2, keptHuman: false });
    const theirs = decidePriority(
      input({ current: 1, setByHuman: true, suggestion: { value: 1, reason: "x" } }),
    );
    expect(theirs).toMatchObject({ value: 1, keptHuman: true });
  });
});
