import { afterAll, describe, expect, it } from "vitest";
import { decideFields } from "../../src/learning/decide.ts";
import { learn } from "../../src/learning/learn.ts";
import { createModelRegistry } from "../../src/learning/model-registry.ts";
import { createOverrideStore, findOverrides } from "../../src/learning/overrides.ts";
import { createQualityReader, qualityReportSchemaFor } from "../../src/learning/quality.ts";
import { deserializeModel, serializeModel } from "../../src/learning/serialize.ts";
import {
  FRESHSERVICE_LEARNED_FIELDS,
  type LabelledTicket,
  LEARNED_FIELDS,
  learnedFieldsFor,
} from "../../src/learning/types.ts";
import { testRedis } from "../support/redis.ts";
import { generatedItTickets } from "./generated-it-tickets.ts";

const FS = FRESHSERVICE_LEARNED_FIELDS;
const tickets = generatedItTickets(500);
const outage: LabelledTicket[] = Array.from({ length: 60 }, (_, i) => ({
  id: 10_000 + i,
  subject: "outage",
  description: `outage for everyone, wifi ${i}`,
  labels: { category: "Network", urgency: 3, impact: 3, priority: 4 },
}));
const model = learn([...tickets, ...outage], {
  targetPrecision: 0.9,
  fields: FS,
  urgentSignals: ["outage"],
});
const redis = testRedis();
afterAll(() => redis.close());

describe("learning Freshservice's fields", () => {
  it("names each product's field list", () => {
    expect(learnedFieldsFor("freshdesk")).toEqual(["group", "type", "priority"]);
    expect(learnedFieldsFor("freshservice")).toEqual([
      "category",
      "sub_category",
      "item_category",
      "urgency",
      "impact",
      "priority",
      "group",
      "type",
    ]);
  });

  it("trains and calibrates every field of the list, and the stored model keeps them all", () => {
    expect(Object.keys(model.fields).sort()).toEqual([...FS].sort());
    expect(model.fields.item_category?.classifier.classes).toHaveLength(10);
    expect(model.fields.urgency?.classifier.classes).toEqual([1, 2, 3]);
    expect(model.fields.category?.calibration.threshold).not.toBeNull();
    const read = deserializeModel(serializeModel(model));
    expect(Object.keys(read.fields).sort()).toEqual([...FS].sort());
  });

  it("decides the product's fields; without a list, Freshdesk's three", () => {
    const ticket = { subject: "printer jam", description: "the printer toner jam gives an error" };
    const decisions = decideFields(model, ticket, { targetPrecision: 0.9, fields: FS });
    expect(Object.keys(decisions)).toEqual([...FS]);
    expect(decisions.category).toMatchObject({ value: "Hardware", applied: true, reason: "calibrated" });
    expect(decisions.item_category.value).toBe("Printer");
    expect(Object.keys(decideFields(model, ticket, { targetPrecision: 0.9 }))).toEqual([...LEARNED_FIELDS]);
  });

  it("keeps the urgent-wording rule to priority", () => {
    expect(model.rules?.urgent?.n).toBeGreaterThanOrEqual(60);
    const decisions = decideFields(
      model,
      { subject: "outage", description: "outage again, monitor flicker" },
      { targetPrecision: 0.9, fields: FS },
    );
    expect(decisions.priority).toMatchObject({ value: 4, applied: true, source: "rule" });
    for (const field of FS.filter((f) => f !== "priority")) expect(decisions[field].source).not.toBe("rule");
    // A list without priority measures no rule.
    const noPriority = learn(tickets, {
      targetPrecision: 0.9,
      fields: ["category"],
      urgentSignals: ["outage"],
    });
    expect(noPriority.rules).toBeUndefined();
    expect(Object.keys(noPriority.fields)).toEqual(["category"]);
  });

  it("promotes by the product's fields in the registry", async () => {
    const registry = createModelRegistry({
      redis: redis.redis,
      prefix: redis.prefix,
      account: "fs-registry",
      fields: FS,
    });
    const heldOut = generatedItTickets(120, 99);
    const first = await registry.promote({ model, learnedFrom: 560, heldOut, targetPrecision: 0.9 });
    expect(first.promoted).toBe(true);
    expect(Object.keys(first.candidate).sort()).toEqual([...FS].sort());
    expect(first.candidate.item_category?.accuracy).toBeGreaterThan(0.9);
    // A candidate that no longer measures the category levels is refused for it.
    const narrow = learn(tickets, {
      targetPrecision: 0.9,
      fields: ["urgency", "impact", "priority", "group", "type"],
    });
    const second = await registry.promote({ model: narrow, learnedFrom: 500, heldOut, targetPrecision: 0.9 });
    expect(second.promoted).toBe(false);
    expect(second.reasons).toContain("category: the candidate no longer measures it");
    expect((await registry.current())?.version).toBe(first.version);
  });

  it("reports quality and kept shares per Freshservice field", async () => {
    const overrides = createOverrideStore({
      redis: redis.redis,
      prefix: redis.prefix,
      account: "fs-quality",
      fields: FS,
    });
    const now = new Date("2026-05-01T12:00:00Z");
    await overrides.recordApplied(7, ["category", "urgency"], new Date(now.getTime() - 3_600_000));
    const [changed] = findOverrides(
      { at: new Date(now.getTime() - 3_600_000).toISOString(), values: { category: "Hardware", urgency: 2 } },
      { category: "Hardware", urgency: 3 },
      { ticketId: 7, at: now, kind: "update" },
      FS,
    );
    expect(changed).toMatchObject({ field: "urgency", from: 2, to: 3 });
    await overrides.record(changed as NonNullable<typeof changed>);
    const read = createQualityReader({
      models: { current: async () => ({ version: 1, model, learnedFrom: 560 }) },
      overrides,
      targetPrecision: 0.9,
      applyUnmeasured: false,
      now: () => now,
      fields: FS,
    });
    const report = qualityReportSchemaFor(FS).parse(await read());
    expect(Object.keys(report.model?.fields ?? {})).toEqual([...FS]);
    expect(report.model?.fields.sub_category?.heldOut).toBeGreaterThan(0);
    expect(report.keptUnchanged.urgency.last7Days).toEqual({ applied: 1, changed: 1, keptShare: 0 });
    expect(report.keptUnchanged.category.last7Days).toEqual({ applied: 1, changed: 0, keptShare: 1 });
  });
});
