import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { createModelRegistry } from "../../src/learning/model-registry.ts";
import { learnScript } from "../support/learn-script.ts";
import { testRedisUrl } from "../support/redis.ts";

const dir = mkdtempSync(join(tmpdir(), "learn-script-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run learn", () => {
  it("learns the sandbox's history into the given Redis and writes the report", {
    timeout: 160_000,
  }, async () => {
    const prefix = `learn-${randomUUID().slice(0, 8)}`;
    const report = join(dir, "learned.html");
    const run = await learnScript(["--report", report], { REDIS_URL: testRedisUrl(), QUEUE_PREFIX: prefix });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Learned from \d{4} resolved and closed tickets of sandbox:127\.0\.0\.1:\d+/);
    expect(run.stdout).toMatch(/\| group \| \d+\.\d %/);
    expect(run.stdout).toContain("Model version 1 is now in use.");
    const html = readFileSync(report, "utf8");
    expect(html).toMatch(/^<!doctype html>/);
    // The eval tool's report: its charts, drawn from the held-out tickets of this run.
    expect(html).toMatch(/held-out history of sandbox:127\.0\.0\.1:\d+/);
    expect(html).toContain("<svg");
    expect(html).toContain("measured on the tickets held out of its training");

    const account = /tickets of (sandbox:127\.0\.0\.1:\d+)/.exec(run.stdout)?.[1] ?? "";
    const redis = new Redis(testRedisUrl());
    try {
      const current = await createModelRegistry({ redis, prefix, account }).current();
      expect(current?.version).toBe(1);
      expect(current?.learnedFrom).toBeGreaterThan(800);
    } finally {
      redis.disconnect();
    }
  });

  it("refuses a report file it cannot write, naming it", async () => {
    const run = await learnScript(["--report", join(dir, "learned.pdf")], { REDIS_URL: testRedisUrl() });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--report: ".*learned\.pdf" must end in \.html, \.md or \.json/);
  });

  it("names a malformed learning variable", async () => {
    const run = await learnScript([], { REDIS_URL: testRedisUrl(), LEARN_DAYS: "forever" });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/LEARN_DAYS/);
  });
});
