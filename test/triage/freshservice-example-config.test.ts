import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/errors.ts";
import { SANDBOX_PRIORITY_MATRIX } from "../../src/products/freshservice.ts";
import { loadTriageConfig, parseTriageConfig } from "../../src/triage/triage-config.ts";

describe("TRIAGE_CONFIG's priorityMatrix", () => {
  it("reads the README's example file as the seeded sandbox account's matrix", () => {
    const path = fileURLToPath(new URL("../../examples/freshservice-triage-config.json", import.meta.url));
    expect(loadTriageConfig(path).priorityMatrix).toEqual(SANDBOX_PRIORITY_MATRIX);
  });

  it("refuses an incomplete matrix, naming the missing cell", () => {
    expect(() => parseTriageConfig({ priorityMatrix: { "3x3": "urgent" } })).toThrow(ConfigError);
    try {
      parseTriageConfig({ priorityMatrix: { "3x3": "urgent" } });
    } catch (error) {
      expect((error as ConfigError).problems.join("\n")).toMatch(/priorityMatrix/);
    }
  });
});
