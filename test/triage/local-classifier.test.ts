import { describe, expect, it } from "vitest";
import { LABELLED_EXAMPLES } from "../../src/triage/examples.ts";
import { createLocalClassifier, trainLocalModel } from "../../src/triage/local-classifier.ts";
import { DEFAULT_TAXONOMY } from "../../src/triage/taxonomy.ts";
import { HELD_OUT } from "./held-out-examples.ts";
import { ticket } from "./ticket-fixture.ts";

const classifier = createLocalClassifier(DEFAULT_TAXONOMY);
const classify = (subject: string, descriptionText: string) =>
  classifier.classify(ticket({ subject, descriptionText }));

const CLEAR: [string, string, string][] = [
  [
    "technical_issue",
    "Service outage",
    "The app is down and not working, every request ends in an error and a timeout.",
  ],
  [
    "billing_inquiry",
    "Refund for double charge",
    "I was charged twice on my invoice, please refund the duplicate payment.",
  ],
  [
    "feature_request",
    "Feature request: dark mode",
    "It would be great if you could add a dark mode. Please add this feature.",
  ],
  [
    "bug_report",
    "Bug: wrong totals",
    "Steps to reproduce: open the report. Expected the right total, the result is incorrect. Clearly a bug.",
  ],
  ["account_problem", "Locked out", "I can't log in, my password reset fails and my account is locked."],
  [
    "how_to_question",
    "How do I export data?",
    "How do I export my contacts? Where can I find the guide or documentation?",
  ],
  [
    "complaint",
    "Unacceptable",
    "Your support is terrible and unacceptable. I am frustrated and disappointed, the worst service.",
  ],
  ["praise", "Thank you!", "Thank you so much, amazing support, we love the product. Great job!"],
];

describe("local classifier", () => {
  it.each(CLEAR)("classifies a clearly worded %s ticket with high confidence", (category, subject, text) => {
    const result = classify(subject, text);
    expect(result.category).toBe(category);
    expect(result.confidence).toBeGreaterThanOrEqual(0.75);
  });

  it.each([
    ["", ""],
    ["asdf", "qwerty zxcvb uiop lkjh"],
    ["hello", "ok"],
  ])("falls back to general with low confidence for empty or gibberish text (%j)", (subject, text) => {
    const result = classify(subject, text);
    expect(result.category).toBe("general");
    expect(result.confidence).toBeLessThan(0.3);
  });

  it("is less sure about a ticket that mixes two topics than about a clear one", () => {
    const mixed = classify(
      "Two things",
      "I was charged twice on my invoice and also the dashboard is not loading with an error",
    );
    const clear = classify(
      "Refund",
      "I was charged twice on my invoice, please refund the duplicate payment.",
    );
    expect(mixed.confidence).toBeLessThan(0.6);
    expect(mixed.confidence).toBeLessThan(clear.confidence);
  });

  it("gets at least 80% of held-out tickets right", () => {
    const model = trainLocalModel(DEFAULT_TAXONOMY);
    const correct = HELD_OUT.filter((e) => model.predict(`${e.subject}\n${e.text}`).category === e.category);
    expect(correct.length / HELD_OUT.length).toBeGreaterThanOrEqual(0.8);
  });

  it("gets at least 75% right when each training example is left out in turn", () => {
    const correct = LABELLED_EXAMPLES.filter((example, i) => {
      const model = trainLocalModel(
        DEFAULT_TAXONOMY,
        LABELLED_EXAMPLES.filter((_, j) => j !== i),
      );
      return model.predict(`${example.subject}\n${example.text}`).category === example.category;
    });
    expect(correct.length / LABELLED_EXAMPLES.length).toBeGreaterThanOrEqual(0.75);
  });

  it("has 5 to 8 examples for every category", () => {
    for (const category of DEFAULT_TAXONOMY.categories) {
      const count = LABELLED_EXAMPLES.filter((e) => e.category === category.name).length;
      expect(count, category.name).toBeGreaterThanOrEqual(5);
      expect(count, category.name).toBeLessThanOrEqual(8);
    }
  });

  it("returns scores that form a distribution over the taxonomy", () => {
    const prediction = trainLocalModel(DEFAULT_TAXONOMY).predict("my invoice is wrong");
    expect(Object.keys(prediction.scores).sort()).toEqual(
      DEFAULT_TAXONOMY.categories.map((c) => c.name).sort(),
    );
    const total = Object.values(prediction.scores).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 6);
  });

  it("is deterministic", () => {
    const a = classify("Refund", "Please refund my last payment");
    const b = createLocalClassifier(DEFAULT_TAXONOMY).classify(
      ticket({ subject: "Refund", descriptionText: "Please refund my last payment" }),
    );
    expect(a).toEqual(b);
  });

  it("fills every field: sentiment, language, priority with reason, flag, summary, reply", () => {
    const result = classifier.classify(
      ticket({
        subject: "Production down!!",
        descriptionText: "Our production is down for all users. This is unacceptable and a disaster!!",
        requesterName: "Maria Lopez",
      }),
    );
    expect(result.category).toBe("technical_issue");
    expect(result.sentiment).toBe("very_negative");
    expect(result.language).toBe("en");
    expect(result.priority.value).toBe(4);
    expect(result.priority.reason).toMatch(/production|all users/);
    expect(result.flag).toBe("none");
    expect(result.summary).toContain("Production down");
    expect(result.summary).not.toContain("\n");
    expect(result.suggestedReply).toMatch(/^Hi Maria,/);
  });

  it("suggests Low priority for praise and recognises its positive tone", () => {
    const result = classify("Thanks", "Thank you for the great help, really appreciate it!");
    expect(result.priority.value).toBe(1);
    expect(result.sentiment).toBe("positive");
  });

  it("detects other languages with a simple heuristic", () => {
    expect(
      classify("Factura", "Hola, no puedo descargar la factura de mi cuenta, gracias por la ayuda").language,
    ).toBe("es");
    expect(
      classify("Rechnung", "Ich kann die Rechnung nicht finden, bitte helfen Sie mir, danke").language,
    ).toBe("de");
    expect(classify("Facture", "Bonjour, je ne trouve pas la facture pour mon compte, merci").language).toBe(
      "fr",
    );
  });

  it("flags out-of-office replies and obvious spam", () => {
    expect(classify("Automatic reply: Your ticket", "I am out of the office until Monday.").flag).toBe(
      "auto_reply",
    );
    expect(
      classify(
        "Rank #1",
        "We offer SEO services and backlinks to get you on the first page of Google. Click here!",
      ).flag,
    ).toBe("spam");
  });

  it("uses the categories of a custom taxonomy only", () => {
    const custom = {
      ...DEFAULT_TAXONOMY,
      categories: [
        {
          name: "shipping",
          label: "Shipping",
          description: "Parcel delivery, tracking numbers, couriers and late orders.",
          keywords: ["parcel", "tracking", "delivery"],
          group: "Logistics",
          type: "Question",
        },
        {
          name: "general",
          label: "General",
          description: "Anything else.",
          keywords: [],
          group: "General Support",
          type: "Question",
        },
      ],
    };
    const result = createLocalClassifier(custom).classify(
      ticket({
        subject: "Where is my parcel",
        descriptionText: "The tracking number shows no delivery update for a week.",
      }),
    );
    expect(result.category).toBe("shipping");
  });
});
