import { describe, expect, it } from "vitest";
import {
  chooseThreshold,
  isotonicCurve,
  precisionAt,
  wilsonLowerBound,
} from "../../src/learning/calibration.ts";
import { decideFields } from "../../src/learning/decide.ts";
import { learn } from "../../src/learning/learn.ts";
import { deserializeModel, ModelFormatError, serializeModel } from "../../src/learning/serialize.ts";
import type { LabelledTicket } from "../../src/learning/types.ts";
import { generatedTickets } from "./generated-tickets.ts";

describe("Wilson lower bound", () => {
  it("is well below the point estimate on little evidence and approaches it with more", () => {
    expect(wilsonLowerBound(9, 10)).toBeLessThan(0.7);
    expect(wilsonLowerBound(900, 1000)).toBeGreaterThan(0.88);
    expect(wilsonLowerBound(900, 1000)).toBeLessThan(0.9);
    expect(wilsonLowerBound(0, 0)).toBe(0);
  });
});

describe("chooseThreshold", () => {
  it("picks the lowest score whose lower bound of precision among scores at or above it reaches the target", () => {
    // 60 right answers scoring 0.99..0.7, then 40 wrong ones scoring below 0.5.
    const right = Array.from({ length: 60 }, (_, i) => ({ score: 0.99 - i * 0.005, correct: true }));
    const wrong = Array.from({ length: 40 }, (_, i) => ({ score: 0.45 - i * 0.005, correct: false }));
    const threshold = chooseThreshold([...right, ...wrong], 0.9);
    // Lowering the threshold into the wrong answers costs precision at once; it may reach the
    // first of them only while the bound still holds.
    expect(threshold).not.toBeNull();
    const applied = [...right, ...wrong].filter((o) => o.score >= (threshold as number));
    const precision = applied.filter((o) => o.correct).length / applied.length;
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(applied.length).toBeGreaterThanOrEqual(60);
  });

  it("returns null when too few held-out predictions exist to back the target, however right they were", () => {
    const ten = Array.from({ length: 10 }, (_, i) => ({ score: 0.9 + i * 0.001, correct: true }));
    expect(chooseThreshold(ten, 0.9)).toBeNull();
  });

  it("returns null when precision never reaches the target", () => {
    const coinFlips = Array.from({ length: 400 }, (_, i) => ({ score: i / 400, correct: i % 2 === 0 }));
    expect(chooseThreshold(coinFlips, 0.9)).toBeNull();
  });
});

describe("isotonic curve", () => {
  it("is non-decreasing in score and gives the measured precision for a score", () => {
    const outcomes = [
      { score: 0.1, correct: false },
      { score: 0.2, correct: true },
      { score: 0.3, correct: false },
      { score: 0.8, correct: true },
      { score: 0.9, correct: true },
    ];
    const curve = isotonicCurve(outcomes);
    for (let i = 1; i < curve.length; i++) {
      expect(curve[i]?.precision).toBeGreaterThanOrEqual(curve[i - 1]?.precision ?? 0);
    }
    expect(precisionAt(curve, 0.95)).toBe(1);
    expect(precisionAt(curve, 0.05)).toBe(0);
    expect(precisionAt([], 0.5)).toBeNull();
  });
});

describe("learn and decideFields", () => {
  const tickets = generatedTickets(400);
  const model = learn(tickets, { targetPrecision: 0.9, urgentSignals: ["outage"] });

  it("applies a field only at or above its calibrated threshold and shows measured precision, not the raw score", () => {
    const group = model.fields.group;
    expect(group?.calibration.threshold).not.toBeNull();
    const decisions = decideFields(model, tickets[0] as (typeof tickets)[0], { targetPrecision: 0.9 });
    expect(decisions.group.value).toBe("Billing");
    expect(decisions.group.applied).toBe(true);
    expect(decisions.group.reason).toBe("calibrated");
    expect(decisions.group.precision).toBe(precisionAt(group?.calibration.curve ?? [], 1));

    const vague = decideFields(
      model,
      { subject: "hello", description: "please help team" },
      { targetPrecision: 0.9 },
    );
    expect(vague.group.applied).toBe(false);
    expect(vague.group.reason).toBe("below_threshold");
  });

  it("leaves a field out when there are too few labelled rows or fewer than two classes", () => {
    const few = learn(tickets.slice(0, 12), { targetPrecision: 0.9 });
    expect(few.fields.group).toBeUndefined();
    const oneClass = learn(
      tickets.map((t) => ({ ...t, labels: { ...t.labels, type: "Question" } })),
      { targetPrecision: 0.9 },
    );
    expect(oneClass.fields.type).toBeUndefined();
    expect(oneClass.fields.group).toBeDefined();
  });

  it("says not enough history and applies nothing unmeasured, unless the operator opted in", () => {
    const unmeasured = { group: { value: "Billing", score: 0.99 } };
    const off = decideFields(undefined, tickets[0] as (typeof tickets)[0], {
      targetPrecision: 0.9,
      unmeasured,
    });
    expect(off.group).toMatchObject({
      value: "Billing",
      applied: false,
      reason: "not_enough_history",
      precision: null,
    });
    const on = decideFields(undefined, tickets[0] as (typeof tickets)[0], {
      targetPrecision: 0.9,
      unmeasured,
      applyUnmeasured: true,
    });
    expect(on.group.applied).toBe(true);
    expect(off.type.reason).toBe("no_prediction");
  });

  it("applies the urgent-wording rule only where this history showed it right", () => {
    const urgent = { subject: "outage", description: "outage for everyone, invoice" };
    expect(model.rules?.urgent?.lowerBound).toBeGreaterThan(0.9);
    const decided = decideFields(model, urgent, { targetPrecision: 0.9 });
    expect(decided.priority).toMatchObject({ value: 4, applied: true, reason: "rule", source: "rule" });

    // The same wording on an account where it meant nothing: measured, found wanting, not applied.
    const relabelled: LabelledTicket[] = [
      ...tickets.map((t) => ({ ...t, labels: { ...t.labels, priority: 2 as const } })),
      ...tickets.slice(0, 60).map((t) => ({ ...t, labels: { ...t.labels, priority: 3 as const } })),
    ];
    const noisy = learn(relabelled, { targetPrecision: 0.9, urgentSignals: ["outage"] });
    const notTrusted = decideFields(noisy, urgent, { targetPrecision: 0.9 });
    expect(notTrusted.priority.value).not.toBe(4);
  });
});

describe("decideFields with a language model", () => {
  const tickets = generatedTickets(400);
  const model = learn(tickets, { targetPrecision: 0.9 });
  const ticket = tickets[0] as (typeof tickets)[0];

  it("turns a disagreement into a suggestion unless the LLM was measured right when disagreeing", () => {
    const disagree = decideFields(model, ticket, {
      targetPrecision: 0.9,
      llm: { group: { value: "Shipping" } },
      llmCalibration: {
        group: {
          agree: { n: 100, correct: 98 },
          disagree: { n: 50, correct: 20 },
          alone: { n: 0, correct: 0 },
        },
      },
    });
    expect(disagree.group).toMatchObject({ applied: false, reason: "engines_disagree", value: "Billing" });

    const trusted = decideFields(model, ticket, {
      targetPrecision: 0.9,
      llm: { group: { value: "Shipping" } },
      llmCalibration: {
        group: {
          agree: { n: 100, correct: 98 },
          disagree: { n: 200, correct: 199 },
          alone: { n: 0, correct: 0 },
        },
      },
    });
    expect(trusted.group).toMatchObject({ applied: true, value: "Shipping", source: "llm" });
  });

  it("an unmeasured LLM alone applies nothing", () => {
    const decided = decideFields(undefined, ticket, {
      targetPrecision: 0.9,
      llm: { group: { value: "Billing" } },
    });
    expect(decided.group).toMatchObject({ value: "Billing", applied: false, reason: "not_enough_history" });
  });
});

describe("serialisation", () => {
  it("round-trips a model, and rejects damaged data with a typed error", () => {
    const model = learn(generatedTickets(200), { targetPrecision: 0.9 });
    const back = deserializeModel(serializeModel(model));
    const ticket = { subject: "refund", description: "I was charged twice, please refund the invoice" };
    expect(decideFields(back, ticket, { targetPrecision: 0.9 })).toEqual(
      decideFields(model, ticket, { targetPrecision: 0.9 }),
    );
    expect(() => deserializeModel("{not json")).toThrow(ModelFormatError);
    expect(() => deserializeModel(JSON.stringify({ ...model, formatVersion: 2 }))).toThrow(ModelFormatError);
    const broken = structuredClone(model);
    if (broken.fields.group) broken.fields.group.classifier.bias = "AAAA";
    expect(() => deserializeModel(JSON.stringify(broken))).toThrow(/weights do not match/);
  });
});
