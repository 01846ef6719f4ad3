import { describe, expect, it } from "vitest";
import { contentHash } from "../../src/triage/index.ts";
import { fsSnapshotFromHint } from "../../workers/freshservice/snapshot.ts";

const ACCOUNT = {
  groups: [{ id: 5, name: "Network" }],
  departments: [{ id: 9, name: "Finance" }],
  requesterIdsByEmail: new Map([["ada@example.com", 77]]),
};
const HINT = {
  subject: "Wi-Fi drops",
  description: "<p>The office <b>Wi-Fi</b> drops.</p>",
  status: "Open",
  priority: "2",
  urgency: "High",
  impact: "1",
  type: "Incident",
  category: "Network",
  sub_category: "",
  item_category: "",
  group_name: "network",
  department_name: "Finance",
  requester_email: "Ada@Example.com",
};

describe("a Freshservice ticket from the webhook's hint", () => {
  it("reads names or numbers, ids by name, and the requester by email", () => {
    const snapshot = fsSnapshotFromHint(42, HINT, ACCOUNT, "2026-01-01T00:00:00Z")!;
    expect(snapshot.descriptionText).toBe("The office Wi-Fi drops.");
    expect(snapshot.fs).toMatchObject({
      category: "Network",
      subCategory: null,
      urgency: 3,
      impact: 1,
      priority: 2,
      groupId: 5,
      departmentId: 9,
      requesterId: 77,
      type: "Incident",
    });
    expect(snapshot.status).toBe(2);
    // The same requester stand-in as a read, so the content hash matches the ticket read later.
    expect(snapshot.requesterEmail).toBe("id:77");
    expect(contentHash(snapshot)).toBe(
      contentHash({
        subject: "Wi-Fi drops",
        descriptionText: "The office Wi-Fi drops.",
        requesterEmail: "id:77",
        customerMessages: [],
      }),
    );
  });

  it("gives up (the ticket is read instead) when anything is missing or unknown", () => {
    const without = (key: keyof typeof HINT) => {
      const { [key]: _dropped, ...rest } = HINT;
      return rest;
    };
    for (const hint of [
      without("urgency"),
      without("category"),
      without("description"),
      without("requester_email"),
      { ...HINT, group_name: "Facilities" },
      { ...HINT, department_name: "Nowhere" },
      { ...HINT, requester_email: "stranger@example.com" },
      { ...HINT, impact: "severe" },
      { ...HINT, priority: "9" },
    ]) {
      expect(
        fsSnapshotFromHint(42, hint as Record<string, string>, ACCOUNT, "2026-01-01T00:00:00Z"),
      ).toBeUndefined();
    }
  });
});
