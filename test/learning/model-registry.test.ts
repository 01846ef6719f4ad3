import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { learn } from "../../src/learning/learn.ts";
import { isHeldOut } from "../../src/learning/learn-run.ts";
import { createModelRegistry, KEPT_VERSIONS } from "../../src/learning/model-registry.ts";
import type { LabelledTicket, LearnedModel } from "../../src/learning/types.ts";
import { buildHistory } from "../../src/sandbox/seed/history.ts";
import { buildSeed } from "../../src/sandbox/seed/index.ts";
import { testRedis, testRedisUrl } from "../support/redis.ts";

const NOW = Date.parse("2026-03-20T10:00:00Z");
const groupNames = new Map(buildSeed(NOW).groups.map((g) => [g.id, g.name]));
const examples: LabelledTicket[] = buildHistory(NOW)
  .tickets.filter((t) => !t.spam && t.deleted !== true)
  .slice(0, 500)
  .map((t) => ({
    id: t.id,
    subject: t.subject,
    description: t.description_text,
    labels: {
      group: t.group_id === null ? undefined : groupNames.get(t.group_id),
      type: t.type ?? undefined,
      priority: t.priority as 1 | 2 | 3 | 4,
    },
  }));
const heldOut = examples.filter((e) => isHeldOut(e.id ?? 0));
const training = examples.filter((e) => !isHeldOut(e.id ?? 0));
const OPTIONS = { targetPrecision: 0.9, seed: 1 };

let redis: ReturnType<typeof testRedis>;
let good: LearnedModel;
let shuffled: LearnedModel;

beforeAll(() => {
  redis = testRedis();
  good = learn(training, OPTIONS);
  // The same texts with each field's labels rotated: a model that learnt nothing true.
  const rotate = <T>(values: T[]) => [...values.slice(7), ...values.slice(0, 7)];
  const groups = rotate(training.map((e) => e.labels.group));
  const types = rotate(training.map((e) => e.labels.type));
  const priorities = rotate(training.map((e) => e.labels.priority));
  shuffled = learn(
    training.map((e, i) => ({ ...e, labels: { group: groups[i], type: types[i], priority: priorities[i] } })),
    OPTIONS,
  );
});

afterAll(async () => redis.close());

describe("the model registry", () => {
  it("holds out about a fifth of the tickets, fixed by id", () => {
    expect(heldOut.length / examples.length).toBeGreaterThan(0.14);
    expect(heldOut.length / examples.length).toBeLessThan(0.26);
    expect(examples.filter((e) => isHeldOut(e.id ?? 0))).toEqual(heldOut);
  });

  it("promotes a first model, and refuses a worse one, keeping the one in use", async () => {
    const registry = createModelRegistry({ redis: redis.redis, prefix: redis.prefix, account: "acme-a" });
    expect(await registry.current()).toBeUndefined();
    const first = await registry.promote({
      model: good,
      learnedFrom: training.length,
      heldOut,
      targetPrecision: 0.9,
    });
    expect(first).toMatchObject({ promoted: true, version: 1, reasons: [] });
    expect(first.candidate.group?.accuracy).toBeGreaterThan(0.8);

    const worse = await registry.promote({
      model: shuffled,
      learnedFrom: training.length,
      heldOut,
      targetPrecision: 0.9,
    });
    expect(worse.promoted).toBe(false);
    expect(worse.version).toBe(1);
    expect(worse.reasons.join("\n")).toMatch(/group: (accuracy|the candidate no longer measures)/);
    const current = await registry.current();
    expect(current).toMatchObject({ version: 1, learnedFrom: training.length });
    expect(current?.model).toEqual(good);
  });

  it(`keeps the last ${KEPT_VERSIONS} versions, and other processes see the new one`, async () => {
    const registry = createModelRegistry({ redis: redis.redis, prefix: redis.prefix, account: "acme-b" });
    const elsewhere = new Redis(testRedisUrl());
    try {
      const reader = createModelRegistry({ redis: elsewhere, prefix: redis.prefix, account: "acme-b" });
      for (let i = 1; i <= 4; i++) {
        const result = await registry.promote({ model: good, learnedFrom: i, heldOut, targetPrecision: 0.9 });
        expect(result).toMatchObject({ promoted: true, version: i });
        expect((await reader.current())?.version).toBe(i);
      }
      expect((await registry.versions()).map((v) => v.version)).toEqual([4, 3, 2]);
      expect(await redis.redis.hkeys(`${redis.prefix}:learning:acme-b:models`)).toHaveLength(KEPT_VERSIONS);
      // Another account's registry is untouched.
      const other = createModelRegistry({ redis: elsewhere, prefix: redis.prefix, account: "acme-c" });
      expect(await other.current()).toBeUndefined();
    } finally {
      elsewhere.disconnect();
    }
  });

  it("refuses a first model that measures no field", async () => {
    const registry = createModelRegistry({ redis: redis.redis, prefix: redis.prefix, account: "acme-d" });
    const empty = learn(training.slice(0, 10), OPTIONS);
    const result = await registry.promote({ model: empty, learnedFrom: 10, heldOut, targetPrecision: 0.9 });
    expect(result).toMatchObject({ promoted: false, version: undefined });
    expect(result.reasons[0]).toMatch(/not enough labelled history/);
  });
});
