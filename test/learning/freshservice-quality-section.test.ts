import { describe, expect, it } from "vitest";
import { learn } from "../../src/learning/learn.ts";
import { createOverrideStore } from "../../src/learning/overrides.ts";
import { createQualityReader } from "../../src/learning/quality.ts";
import { FRESHSERVICE_LEARNED_FIELDS } from "../../src/learning/types.ts";
import { qualitySection } from "../../src/ui/quality-section.ts";
import { testRedis } from "../support/redis.ts";
import { generatedItTickets } from "./generated-it-tickets.ts";

describe("the activity page's quality section for Freshservice", () => {
  it("shows a row for each of Freshservice's learned fields, in its order", async () => {
    const redis = testRedis();
    try {
      const model = learn(generatedItTickets(300), {
        targetPrecision: 0.9,
        fields: FRESHSERVICE_LEARNED_FIELDS,
      });
      const read = createQualityReader({
        models: { current: async () => ({ version: 3, model, learnedFrom: 300 }) },
        overrides: createOverrideStore({
          redis: redis.redis,
          prefix: redis.prefix,
          account: "fs-page",
          fields: FRESHSERVICE_LEARNED_FIELDS,
        }),
        targetPrecision: 0.9,
        applyUnmeasured: false,
        fields: FRESHSERVICE_LEARNED_FIELDS,
      });
      const page = String(await qualitySection(await read()));
      const rows = [...page.matchAll(/data-field="([a-z_]+)"/g)].map((m) => m[1]);
      expect(rows).toEqual([...FRESHSERVICE_LEARNED_FIELDS]);
      expect(page).toMatch(/data-testid="precision-item_category">\d+(\.\d+)? ?%/);
    } finally {
      await redis.close();
    }
  });
});
