import { describe, expect, it } from "vitest";
import { contentHash } from "../../src/triage/content-hash.ts";
import { guardTicket } from "../../src/triage/guard.ts";
import { ticket } from "./ticket-fixture.ts";

const fresh = ticket({ subject: "Cannot log in", descriptionText: "My password reset does not work." });
const hash = contentHash(fresh);

describe("guardTicket", () => {
  it("lets a new ticket through and returns its content hash", () => {
    expect(guardTicket({ ticket: fresh, event: "created" })).toEqual({ proceed: true, contentHash: hash });
  });

  it.each([
    ["deleted", { deleted: true }],
    ["spam", { spam: true }],
    ["closed", { status: 5 }],
    ["closed", { status: 4 }],
  ] as const)("skips a ticket that is %s", (reason, change) => {
    const verdict = guardTicket({ ticket: { ...fresh, ...change }, event: "created" });
    expect(verdict).toMatchObject({ proceed: false, reason });
  });

  it("treats an update without new customer content as our own echo", () => {
    const afterOurUpdate = { ...fresh, priority: 3 as const, groupId: 5, tags: ["ai-triaged"] };
    expect(guardTicket({ ticket: afterOurUpdate, event: "updated", lastTriagedHash: hash })).toMatchObject({
      proceed: false,
      reason: "own_echo",
    });
  });

  it("recognises content already triaged, from the stored result or from a note marker", () => {
    expect(guardTicket({ ticket: fresh, event: "created", lastTriagedHash: hash })).toMatchObject({
      reason: "already_triaged",
    });
    expect(guardTicket({ ticket: fresh, event: "created", markers: [{ jobId: "j1", hash }] })).toMatchObject({
      reason: "already_triaged",
    });
  });

  it("triages again when the customer adds a message", () => {
    const replied = {
      ...fresh,
      customerMessages: [{ bodyText: "Still locked out", createdAt: "2025-03-04T09:00:00Z" }],
    };
    expect(guardTicket({ ticket: replied, event: "updated", lastTriagedHash: hash }).proceed).toBe(true);
  });

  it("lets a forced reprocess through already-triaged content, but not a deleted ticket", () => {
    expect(
      guardTicket({ ticket: fresh, event: "reprocess", lastTriagedHash: hash, force: true }).proceed,
    ).toBe(true);
    expect(
      guardTicket({
        ticket: { ...fresh, deleted: true },
        event: "reprocess",
        lastTriagedHash: hash,
        force: true,
      }),
    ).toMatchObject({ proceed: false, reason: "deleted" });
  });

  it.each([
    ["Out of Office: back on Monday", "I am out of the office until Monday.", undefined],
    ["Automatic reply: Your request", "Thanks for your email.", undefined],
    ["Abwesenheitsnotiz", "Ich bin nicht im Büro.", undefined],
    [
      "Undeliverable: Your ticket",
      "Delivery to the following recipient failed permanently.",
      "MAILER-DAEMON@mail.example",
    ],
    ["Re: ticket", "This is an automated reply. Your message was received.", undefined],
  ])("skips auto-replies: %s", (subject, descriptionText, requesterEmail) => {
    const verdict = guardTicket({
      ticket: ticket({ subject, descriptionText, requesterEmail }),
      event: "created",
    });
    expect(verdict).toMatchObject({ proceed: false, reason: "auto_reply" });
  });

  it("skips a customer's out-of-office reply to an existing ticket", () => {
    const withAutoReply = {
      ...fresh,
      customerMessages: [
        { bodyText: "I'm currently out of office with limited access.", createdAt: "2025-03-04T09:00:00Z" },
      ],
    };
    expect(guardTicket({ ticket: withAutoReply, event: "updated" })).toMatchObject({ reason: "auto_reply" });
  });

  it("skips obvious spam", () => {
    const spam = ticket({
      subject: "Get on the first page of Google",
      descriptionText: "Cheap SEO services and backlinks for your site, guaranteed returns.",
    });
    expect(guardTicket({ ticket: spam, event: "created" })).toMatchObject({ proceed: false, reason: "spam" });
  });

  it("does not mistake ordinary tickets for auto-replies", () => {
    const normal = [
      ticket({ subject: "Auto-renewal question", descriptionText: "Will my plan renew automatically?" }),
      ticket({ subject: "Office 365 integration", descriptionText: "Outlook sync is not working." }),
      ticket({
        subject: "Order 1234",
        descriptionText: "Where is my order?",
        requesterEmail: "noreply@shop.example",
      }),
      ticket({
        subject: "Click here does nothing",
        descriptionText: "The click here button on the pricing page is broken.",
      }),
    ];
    for (const t of normal)
      expect(guardTicket({ ticket: t, event: "created" }).proceed, t.subject).toBe(true);
  });
});
