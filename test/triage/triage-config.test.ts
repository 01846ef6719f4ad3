import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError } from "../../src/errors.ts";
import { DEFAULT_TAXONOMY } from "../../src/triage/taxonomy.ts";
import { loadTriageConfig, parseTriageConfig } from "../../src/triage/triage-config.ts";

const dir = mkdtempSync(join(tmpdir(), "triage-config-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeConfig(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function problemsOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems.join("\n");
  }
  throw new Error("expected a ConfigError");
}

describe("default taxonomy", () => {
  it("has the nine categories, each with a description, keywords (except general), a group and a type", () => {
    expect(DEFAULT_TAXONOMY.categories.map((c) => c.name)).toEqual([
      "technical_issue",
      "billing_inquiry",
      "feature_request",
      "bug_report",
      "account_problem",
      "how_to_question",
      "complaint",
      "praise",
      "general",
    ]);
    const groups = new Set(["Technical Support", "Billing", "Engineering", "Product", "General Support"]);
    const types = new Set(["Question", "Incident", "Problem", "Feature Request"]);
    for (const c of DEFAULT_TAXONOMY.categories) {
      expect(c.description.length).toBeGreaterThan(10);
      if (c.name !== "general") expect(c.keywords.length).toBeGreaterThan(0);
      expect(groups.has(c.group), c.name).toBe(true);
      expect(types.has(c.type), c.name).toBe(true);
    }
    expect(DEFAULT_TAXONOMY.agentPolicy).toBe("none");
  });
});

describe("loadTriageConfig", () => {
  it("returns the defaults without a path", () => {
    expect(loadTriageConfig(undefined)).toBe(DEFAULT_TAXONOMY);
  });

  it("merges thresholds and VIP rules key by key and replaces lists as a whole", () => {
    const path = writeConfig(
      "partial.json",
      JSON.stringify({
        thresholds: { priority: 0.9 },
        vip: { companyIds: [42], customField: { name: "cf_tier", values: ["enterprise"] } },
        urgentSignals: ["kaboom"],
        agentPolicy: "round_robin",
      }),
    );
    const taxonomy = loadTriageConfig(path);
    expect(taxonomy.thresholds).toEqual({ ...DEFAULT_TAXONOMY.thresholds, priority: 0.9 });
    expect(taxonomy.vip).toEqual({
      companyIds: [42],
      companyNames: [],
      customField: { name: "cf_tier", values: ["enterprise"] },
    });
    expect(taxonomy.urgentSignals).toEqual(["kaboom"]);
    expect(taxonomy.agentPolicy).toBe("round_robin");
    expect(taxonomy.categories).toBe(DEFAULT_TAXONOMY.categories);
  });

  it("accepts a replacement category list", () => {
    const taxonomy = parseTriageConfig({
      categories: [
        { name: "shipping", label: "Shipping", description: "Parcels", group: "Logistics", type: "Question" },
        {
          name: "general",
          label: "General",
          description: "Other",
          group: "General Support",
          type: "Question",
        },
      ],
    });
    expect(taxonomy.categories.map((c) => c.name)).toEqual(["shipping", "general"]);
    expect(taxonomy.categories[0]?.keywords).toEqual([]);
  });

  it("names the bad field", () => {
    expect(problemsOf(() => parseTriageConfig({ thresholds: { group: 1.5 } }))).toMatch(/thresholds\.group/);
    expect(problemsOf(() => parseTriageConfig({ agentPolicy: "random" }))).toMatch(/agentPolicy/);
    expect(
      problemsOf(() =>
        parseTriageConfig({
          categories: [
            { name: "ok_one", label: "A", description: "d", group: "G", type: "Question" },
            { name: "Bad Name", label: "B", description: "d", group: "G", type: "Question" },
          ],
        }),
      ),
    ).toMatch(/categories\[1\]\.name/);
    expect(problemsOf(() => parseTriageConfig({ thresold: {} }))).toMatch(/thresold/);
  });

  it("requires the fallback category to exist and category names to be unique", () => {
    const category = { label: "X", description: "d", group: "G", type: "Question" };
    const problems = problemsOf(() =>
      parseTriageConfig({
        categories: [
          { ...category, name: "alpha" },
          { ...category, name: "alpha" },
        ],
      }),
    );
    expect(problems).toMatch(/categories\[1\]\.name: "alpha" appears twice/);
    expect(problems).toMatch(/fallbackCategory: "general" is not one of the categories/);
  });

  it("reports unreadable files and invalid JSON with the path", () => {
    expect(problemsOf(() => loadTriageConfig(join(dir, "missing.json")))).toMatch(/missing\.json.*ENOENT/);
    const broken = writeConfig("broken.json", "{ nope");
    expect(problemsOf(() => loadTriageConfig(broken))).toMatch(/broken\.json is not valid JSON/);
  });
});
