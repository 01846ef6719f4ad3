import { describe, expect, it } from "vitest";
import { buildSeed } from "../../src/sandbox/seed/index.ts";
import { type ArticleInput, buildSolutionIndex, rankSolutions } from "../../src/triage/solutions.ts";

const ARTICLES: ArticleInput[] = [
  {
    id: 1,
    status: 2,
    title: "How to reset your password",
    tags: ["login", "password"],
    descriptionText: "Open the sign in page and click Forgot password. A reset link is emailed to you.",
  },
  {
    id: 2,
    status: 2,
    title: "Downloading invoices",
    tags: ["billing"],
    descriptionText: "Invoices are under Billing > History. Each invoice can be downloaded as PDF.",
  },
  {
    id: 3,
    status: 1,
    title: "Reset password (draft)",
    tags: ["password"],
    descriptionText: "Draft: how to reset a forgotten password and sign in again.",
  },
  {
    id: 4,
    status: 2,
    title: "Setting up two-factor authentication",
    tags: ["2fa", "security", "login"],
    descriptionText: "Enable two-factor authentication in your profile to protect your sign in.",
  },
  {
    id: 5,
    status: 2,
    title: "Exporting contacts to CSV",
    tags: ["export"],
    descriptionText: "Use the export button on the contacts list to download a CSV file.",
  },
  {
    id: 6,
    status: 2,
    title: "Refund policy",
    tags: ["billing", "refund"],
    descriptionText: "Refunds for duplicate charges are processed within 5 days of the request.",
  },
];
const index = buildSolutionIndex(ARTICLES);
const portal = "https://acme.freshdesk.com/";

describe("solution index", () => {
  it("indexes published articles only", () => {
    expect(index.size).toBe(5);
  });

  it("ranks the most relevant articles first and never returns drafts", () => {
    const hits = index.search("I forgot my password and cannot sign in, the reset link never arrives", 5);
    expect(hits[0]?.id).toBe(1);
    expect(hits.map((h) => h.id)).not.toContain(3);
  });

  it("returns nothing for a ticket unrelated to any article", () => {
    expect(index.search("Will your company attend the trade conference in Berlin?")).toEqual([]);
  });

  it("does not match on a single common word", () => {
    expect(index.search("The sign on our office door is broken")).toEqual([]);
  });
});

describe("rankSolutions", () => {
  it("returns the top three with portal links", () => {
    const ranked = rankSolutions({
      index,
      query: "Charged twice, I need a refund and a copy of the invoice",
      portalBaseUrl: portal,
    });
    expect(ranked.length).toBeLessThanOrEqual(3);
    expect(ranked[0]).toEqual({
      id: 6,
      title: "Refund policy",
      url: "https://acme.freshdesk.com/support/solutions/articles/6",
      source: "local",
    });
    expect(ranked.map((a) => a.id)).toContain(2);
  });

  it("merges Freshdesk search results, dropping drafts and marking articles found by both", () => {
    const ranked = rankSolutions({
      index,
      query: "forgot password reset",
      portalBaseUrl: portal,
      searchResults: [
        { id: 3, status: 1, title: "Reset password (draft)" },
        { id: 1, status: 2, title: "How to reset your password" },
        { id: 99, status: 2, title: "Account recovery checklist" },
      ],
    });
    expect(ranked[0]).toMatchObject({ id: 1, source: "both" });
    expect(ranked.map((a) => a.id)).toContain(99);
    expect(ranked.map((a) => a.id)).not.toContain(3);
    expect(ranked.find((a) => a.id === 99)?.source).toBe("search");
  });

  it("works with search results alone, and with nothing at all", () => {
    expect(
      rankSolutions({ query: "x", portalBaseUrl: portal, searchResults: [{ id: 7, status: 2, title: "T" }] }),
    ).toEqual([
      { id: 7, title: "T", url: "https://acme.freshdesk.com/support/solutions/articles/7", source: "search" },
    ]);
    expect(rankSolutions({ query: "x", portalBaseUrl: portal })).toEqual([]);
  });
});

describe("relevance bar on the sandbox's seeded knowledge base", () => {
  const seeded = buildSeed(Date.parse("2026-01-15T12:00:00Z")).solutionArticles;
  const seededIndex = buildSolutionIndex(
    seeded.map((a) => ({
      id: a.id,
      title: a.title,
      status: a.status,
      descriptionText: a.description_text,
      tags: a.tags,
    })),
  );
  const suggest = (query: string) =>
    rankSolutions({ index: seededIndex, query, portalBaseUrl: portal }).map((a) => a.title);

  it("offers a refund ticket the billing articles and never the two-factor authentication one", () => {
    const titles = suggest("I was charged twice for my invoice, please refund\nTwo charges for INV-2041.");
    expect(titles[0]).toBe("I was charged twice – what should I do?");
    expect(titles).toContain("How refunds work");
    expect(titles.some((t) => /two-factor/i.test(t))).toBe(false);
  });

  it("offers nothing to a ticket no article is about", () => {
    expect(suggest("Hello, our office moved, please update the address on file")).toEqual([]);
    expect(suggest("Feature request: Gantt view for client projects")).toEqual([]);
  });

  it("still offers the article a ticket is plainly about", () => {
    expect(suggest("Password reset email never arrives")).toEqual(["Resetting your password"]);
  });
});
