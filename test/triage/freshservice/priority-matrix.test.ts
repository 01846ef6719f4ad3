import { describe, expect, it } from "vitest";
import {
  PriorityMatrixError,
  parsePriorityMatrix,
  priorityFromMatrix,
  priorityMatrixSchema,
} from "../../../src/triage/freshservice/priority-matrix.ts";

const FLAT = {
  "1x1": "low",
  "1x2": "low",
  "1x3": "medium",
  "2x1": "low",
  "2x2": "medium",
  "2x3": "high",
  "3x1": "medium",
  "3x2": "high",
  "3x3": "urgent",
};

describe("priority matrix", () => {
  it("reads the flat impact x urgency spelling, by number or name", () => {
    const matrix = parsePriorityMatrix({ ...FLAT, "high x medium": 3 });
    expect(priorityFromMatrix(matrix, 3, 3)).toBe(4);
    expect(priorityFromMatrix(matrix, 3, 1)).toBe(2);
    expect(priorityFromMatrix(matrix, 1, 3)).toBe(2);
    expect(priorityFromMatrix(matrix, 1, 1)).toBe(1);
  });

  it("reads the nested impact → urgency spelling", () => {
    const matrix = parsePriorityMatrix({
      low: { low: 1, medium: 1, high: 2 },
      medium: { low: 1, medium: 2, high: 3 },
      high: { low: 2, medium: 3, high: "Urgent" },
    });
    expect(priorityFromMatrix(matrix, 3, 2)).toBe(3);
    expect(priorityFromMatrix(matrix, 1, 3)).toBe(2);
  });

  it("names every missing cell", () => {
    const { "3x3": _omit, "1x2": _omit2, ...partial } = FLAT;
    expect(() => parsePriorityMatrix(partial)).toThrow(
      /missing impact Low × urgency Medium, impact High × urgency High/,
    );
  });

  it("names a bad key, a bad level, a bad priority and a contradiction", () => {
    const attempt = () =>
      parsePriorityMatrix({ ...FLAT, "4x1": 2, "2x2": "critical", "high-high": 4, "3 x 3": "low" });
    expect(attempt).toThrow(PriorityMatrixError);
    try {
      attempt();
    } catch (error) {
      const problems = (error as PriorityMatrixError).problems.join("\n");
      expect(problems).toContain('"4x1": impact "4" must be 1–3');
      expect(problems).toContain('"2x2": priority "critical" must be 1–4');
      expect(problems).toContain('"high-high" must be "<impact>x<urgency>"');
      expect(problems).toContain("impact High × urgency High is given twice");
    }
  });

  it("refuses what is not an object", () => {
    expect(() => parsePriorityMatrix([1, 2])).toThrow(/must be an object/);
    expect(() => parsePriorityMatrix("3x3")).toThrow(/must be an object/);
  });

  it("fits a zod config schema: issues carry the problems", () => {
    expect(priorityMatrixSchema.parse(FLAT).cells[2][3]).toBe(3);
    const result = priorityMatrixSchema.safeParse({ "1x1": 1 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/all nine cells are needed/);
  });
});
