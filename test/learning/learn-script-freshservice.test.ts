import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { createModelRegistry } from "../../src/learning/model-registry.ts";
import { FRESHSERVICE_LEARNED_FIELDS } from "../../src/learning/types.ts";
import { learnScript } from "../support/learn-script.ts";
import { testRedisUrl } from "../support/redis.ts";

const dir = mkdtempSync(join(tmpdir(), "learn-script-fs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run learn for Freshservice", () => {
  it("learns the Freshservice sandbox's history, every Freshservice field, into the given Redis", {
    timeout: 160_000,
  }, async () => {
    const prefix = `learn-fs-${randomUUID().slice(0, 8)}`;
    const report = join(dir, "learned.md");
    const run = await learnScript(["--report", report], {
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: prefix,
      SANDBOX_PRODUCT: "freshservice",
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("learning from a Freshservice sandbox");
    expect(run.stdout).toMatch(/Learned from \d{4} resolved and closed tickets of sandbox:127\.0\.0\.1:\d+/);
    for (const field of FRESHSERVICE_LEARNED_FIELDS) {
      expect(run.stdout, field).toMatch(new RegExp(`\\| ${field} \\| \\d+\\.\\d %`));
    }
    expect(run.stdout).toContain("Model version 1 is now in use.");
    expect(readFileSync(report, "utf8")).toContain("## item_category: calibration");

    const account = /tickets of (sandbox:127\.0\.0\.1:\d+)/.exec(run.stdout)?.[1] ?? "";
    const redis = new Redis(testRedisUrl());
    try {
      const current = await createModelRegistry({ redis, prefix, account }).current();
      expect(Object.keys(current?.model.fields ?? {}).sort()).toEqual(
        [...FRESHSERVICE_LEARNED_FIELDS].sort(),
      );
    } finally {
      redis.disconnect();
    }
  });
});
