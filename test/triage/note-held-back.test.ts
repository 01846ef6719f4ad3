import { describe, expect, it } from "vitest";
import { decideFields } from "../../src/learning/decide.ts";
import { learn } from "../../src/learning/learn.ts";
import { renderTriageNote } from "../../src/triage/note.ts";
import { freshdeskExamples } from "../learning/sandbox-histories.ts";

/**
 * The Freshdesk note says what held a learned value back when the decision knows more than
 * "below the target": a "hello" ticket's group is not measured, and the note says so instead of
 * implying a precision was measured and fell short.
 */
describe("the Freshdesk note for a ticket with no real content", () => {
  it("says there is too little in the text to go on", () => {
    const model = learn(freshdeskExamples(Date.parse("2026-11-25T12:00:00Z")), { targetPrecision: 0.9 });
    const group = decideFields(
      model,
      { subject: "Python SDK check", description: "hello" },
      { targetPrecision: 0.9 },
    ).group;
    expect(group).toMatchObject({ applied: false, precision: null, reason: "below_threshold" });
    const html = renderTriageNote({
      jobId: "job-1",
      contentHash: "a".repeat(64),
      mode: "apply",
      categoryLabel: "General",
      classification: {
        category: "general",
        confidence: 0.3,
        sentiment: "neutral",
        language: "en",
        priority: { value: 2, reason: "default" },
        flag: "none",
        summary: "hello",
        suggestedReply: "",
      },
      engine: "learned model",
      priority: { value: 2, reason: "default", confidence: 0.3, keptHuman: false, byRule: false },
      routing: { group: undefined, keptHumanGroup: false, keptHumanAgent: false, reason: "no group" },
      plan: {
        applied: [],
        suggested: [
          {
            field: "group",
            from: null,
            to: String(group.value),
            confidence: 0,
            heldBack: "below_threshold",
            evidence: {
              applied: false,
              precision: group.precision,
              reason: group.reason,
              detail: group.detail,
            },
          },
        ],
        skipped: [],
      },
      articles: [],
    });
    expect(html).toMatch(
      /Suggested only:<\/b> group none → [^;<]+ — suggested: too little in the text to go on/,
    );
    expect(html).not.toContain("below the measured-precision target");
  });
});
