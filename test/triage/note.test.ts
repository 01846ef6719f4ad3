import { describe, expect, it } from "vitest";
import type { Classification } from "../../src/triage/classification.ts";
import {
  findTriageMarkers,
  markerJobId,
  parseTriageMarker,
  renderTriageNote,
  type TriageNoteInput,
  triageMarker,
} from "../../src/triage/note.ts";

const HASH = "a".repeat(64);
const hostile = `<script>alert("x")</script> & <img src=x onerror=alert(1)> --><!--`;

const classification: Classification = {
  category: "technical_issue",
  confidence: 0.87,
  sentiment: "very_negative",
  language: "en",
  priority: { value: 4, reason: "outage" },
  flag: "none",
  summary: `Summary with ${hostile}`,
  suggestedReply: `Hi Jane,\n\nWe are on it ${hostile}`,
};

function input(overrides: Partial<TriageNoteInput> = {}): TriageNoteInput {
  return {
    jobId: "job-42",
    contentHash: HASH,
    mode: "apply",
    categoryLabel: "Technical issue",
    classification,
    engine: "openai:gpt-4o-mini",
    priority: {
      value: 4,
      reason: `mentions "production down" ${hostile}`,
      confidence: 0.95,
      keptHuman: false,
      byRule: true,
    },
    routing: {
      group: { id: 20, name: `Tech <b>Support</b>` },
      keptHumanGroup: false,
      keptHumanAgent: false,
      reason: "technical_issue → Tech",
    },
    plan: {
      applied: [
        {
          field: "priority",
          from: 1,
          to: 4,
          confidence: 0.95,
          evidence: { applied: true, precision: null, reason: "rule", detail: 'mentions "production down"' },
        },
        {
          field: "group",
          from: null,
          to: 20,
          confidence: 0.99,
          evidence: { applied: true, precision: 0.934, reason: "calibrated" },
        },
        { field: "tags", from: null, to: "ai-triaged", confidence: 1 },
      ],
      suggested: [
        {
          field: "type",
          from: null,
          to: "Incident",
          confidence: 0.55,
          heldBack: "below_threshold",
          evidence: { applied: false, precision: 0.62, reason: "below_threshold" },
        },
      ],
      skipped: [],
    },
    articles: [
      {
        id: 7,
        title: `Status page ${hostile}`,
        url: "https://acme.freshdesk.com/support/solutions/articles/7",
        source: "local",
      },
    ],
    ...overrides,
  };
}

describe("renderTriageNote", () => {
  const html = renderTriageNote(input());

  it("escapes everything that came from the ticket, the model or the account", () => {
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>Support</b>");
    expect(html).toContain("&lt;script&gt;");
    expect(html).not.toContain("<!--");
    expect(html).not.toContain("-->");
  });

  it("shows category, priority, sentiment, language, routing, changes, articles, reply and engine", () => {
    expect(html).toContain("<b>Triage:</b> Technical issue · priority");
    expect(html).toContain("priority <b>Urgent</b>");
    expect(html).toContain("very negative");
    expect(html).toContain("language en");
    expect(html).toContain("group Tech &lt;b&gt;Support&lt;/b&gt;");
    expect(html).toMatch(
      /Applied:<\/b> priority Low → Urgent \(rule: mentions &quot;production down&quot;\); group none → 20 \(measured precision 93%\); tag ai-triaged/,
    );
    expect(html).toMatch(
      /Suggested only:<\/b> type none → Incident \(measured precision 62%\) — suggested: below the measured-precision target/,
    );
    expect(html).toContain('<a href="https://acme.freshdesk.com/support/solutions/articles/7">Status page');
    expect(html).toContain("Hi Jane,<br><br>We are on it");
    expect(html).toContain("model gpt-4o-mini");
  });

  it("never shows a classifier's raw score as a percentage", () => {
    expect(html).not.toContain("87%");
    expect(html).not.toContain("99%");
    expect(html).not.toContain("55%");
  });

  it("says a value is only suggested when there is not enough history to measure it", () => {
    const unmeasured = renderTriageNote(
      input({
        model: null,
        plan: {
          applied: [],
          suggested: [
            {
              field: "group",
              from: null,
              to: 20,
              confidence: 0.9,
              heldBack: "not_enough_history",
              evidence: { applied: false, precision: null, reason: "not_enough_history" },
            },
          ],
          skipped: [],
        },
      }),
    );
    expect(unmeasured).toMatch(/Applied:<\/b> nothing/);
    expect(unmeasured).toContain("group none → 20 — suggested: not enough history to measure");
    expect(unmeasured).toContain("no model learned from this account yet");
    expect(unmeasured).not.toContain("90%");
  });

  it("names the learned model and how many tickets it learned from", () => {
    expect(renderTriageNote(input({ model: { version: 3, learnedFrom: 1204 } }))).toContain(
      "learned model v3 (from 1,204 tickets)",
    );
  });

  it("names the local classifier and the fallback reason", () => {
    const local = renderTriageNote(
      input({ engine: "local", fallbackReason: "the language model did not answer in time" }),
    );
    expect(local).toContain("built-in classifier");
    expect(local).toContain("did not answer in time");
  });

  it("ends with a marker its parser reads back", () => {
    expect(parseTriageMarker(html)).toEqual({ jobId: "job-42", hash: HASH });
  });
});

describe("triage markers", () => {
  it("makes unusual job ids safe inside the reference line", () => {
    const marker = triageMarker("bull:triage:7 --> <b>", HASH);
    expect(marker).not.toMatch(/-->|<b>/);
    expect(parseTriageMarker(marker)).toEqual({ jobId: "bull:triage:7_-___b_", hash: HASH });
    expect(markerJobId("bull:triage:7 --> <b>")).toBe("bull:triage:7_-___b_");
  });

  it("rejects a content hash that is not a sha256 digest", () => {
    expect(() => triageMarker("j", "nope")).toThrow(/sha256/);
  });

  it("reads the marker back from the plain-text rendering of a note", () => {
    const text = `Triage: …\n${triageMarker("job-42", HASH)}`.replace(/<[^>]+>/g, " ");
    expect(parseTriageMarker(text)).toEqual({ jobId: "job-42", hash: HASH });
  });

  it("finds markers among a ticket's notes and ignores look-alikes", () => {
    const notes = [
      "<p>Agent note</p>",
      `<p>x</p>${triageMarker("j1", HASH)}`,
      "triage-ref job=j2 hash=short",
      `<div>${triageMarker("j3", "b".repeat(64))}</div>`,
    ];
    expect(findTriageMarkers(notes)).toEqual([
      { jobId: "j1", hash: HASH },
      { jobId: "j3", hash: "b".repeat(64) },
    ]);
  });
});
