import { describe, expect, it } from "vitest";
import { contentHash } from "../../src/triage/content-hash.ts";
import { ticket } from "./ticket-fixture.ts";

const base = ticket({
  subject: "Invoice wrong",
  descriptionText: "The invoice total is wrong.",
  customerMessages: [{ bodyText: "Any news?", createdAt: "2025-03-03T10:00:00Z" }],
});

describe("contentHash", () => {
  it("is a sha256 hex digest", () => {
    expect(contentHash(base)).toMatch(/^[a-f0-9]{64}$/);
  });

  it("ignores the fields triage itself changes, so our own updates hash the same", () => {
    const afterTriage = {
      ...base,
      priority: 3 as const,
      groupId: 7,
      responderId: 9,
      type: "Question",
      tags: ["ai-triaged"],
      status: 3,
    };
    expect(contentHash(afterTriage)).toBe(contentHash(base));
  });

  it("ignores whitespace differences and the case of the requester email", () => {
    const reformatted = {
      ...base,
      subject: "  Invoice   wrong ",
      descriptionText: "The invoice\n total is wrong.",
      requesterEmail: "JANE@customer.example",
    };
    expect(contentHash(reformatted)).toBe(contentHash(base));
  });

  it("changes when the customer writes something new", () => {
    const replied = {
      ...base,
      customerMessages: [
        ...base.customerMessages,
        { bodyText: "Still wrong!", createdAt: "2025-03-04T10:00:00Z" },
      ],
    };
    expect(contentHash(replied)).not.toBe(contentHash(base));
    expect(contentHash({ ...base, subject: "Invoice right" })).not.toBe(contentHash(base));
    expect(contentHash({ ...base, requesterEmail: "bob@customer.example" })).not.toBe(contentHash(base));
  });

  it("keeps field boundaries: moving text between fields changes the hash", () => {
    const a = { ...base, subject: "ab", descriptionText: "c" };
    const b = { ...base, subject: "a", descriptionText: "bc" };
    expect(contentHash(a)).not.toBe(contentHash(b));
  });
});
