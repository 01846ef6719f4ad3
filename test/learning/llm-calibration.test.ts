import { describe, expect, it } from "vitest";
import { decideFields } from "../../src/learning/decide.ts";
import { learn } from "../../src/learning/learn.ts";
import { calibrateLlmOnHistory, measureLlm } from "../../src/learning/llm-calibration.ts";
import type { LabelledTicket } from "../../src/learning/types.ts";
import { generatedTickets } from "./generated-tickets.ts";

describe("calibrating the language model on history", () => {
  const tickets = generatedTickets(400);

  it("counts right answers by agreement with the model, from held-out predictions", () => {
    const calibration = measureLlm([
      {
        labels: { group: "A" },
        llm: { group: { value: "A" } },
        model: { group: { value: "A", score: 0.9, ranked: [] } },
      },
      {
        labels: { group: "A" },
        llm: { group: { value: "B" } },
        model: { group: { value: "A", score: 0.9, ranked: [] } },
      },
      { labels: { group: "B" }, llm: { group: { value: "B" } }, model: {} },
    ]);
    expect(calibration.group).toEqual({
      agree: { n: 1, correct: 1 },
      disagree: { n: 1, correct: 0 },
      alone: { n: 1, correct: 1 },
    });
    expect(calibration.type).toBeUndefined();
  });

  it("trusts an LLM that was right on the sample and keeps a wrong one to suggestions", async () => {
    const seen: Array<readonly LabelledTicket[]> = [];
    const oracle = await calibrateLlmOnHistory(tickets, {
      sampleSize: 80,
      targetPrecision: 0.9,
      ask: async (ticket, similar) => {
        seen.push(similar);
        return { group: { value: ticket.labels.group as string } };
      },
    });
    expect(seen).toHaveLength(80);
    expect(seen[0]).toHaveLength(5);
    expect(oracle.group?.agree.n).toBeGreaterThan(60);
    expect(oracle.group?.agree.correct).toBe(oracle.group?.agree.n);

    const stubborn = await calibrateLlmOnHistory(tickets, {
      sampleSize: 80,
      targetPrecision: 0.9,
      ask: async () => ({ group: { value: "Shipping" } }),
    });
    const model = learn(tickets, { targetPrecision: 0.9 });
    const billing = tickets[0] as LabelledTicket;
    const decided = decideFields(model, billing, {
      targetPrecision: 0.9,
      llm: { group: { value: "Shipping" } },
      llmCalibration: stubborn,
    });
    expect(decided.group).toMatchObject({ applied: false, reason: "engines_disagree" });
  });
});
