// The zero-config Freshservice start with a ticket that says nothing ("hello"): the model learned
// at start must not file it under the history's most common category or group, and the note's
// precisions must agree with what it says became of each field.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestService, type TestService, waitFor } from "../support/service.ts";

type FsTicketView = {
  id: number;
  category: string | null;
  sub_category: string | null;
  group_id: number | null;
};
type FsConversation = { private: boolean; source: number; body_text: string };

describe("SANDBOX_PRODUCT=freshservice: a ticket with no real content", () => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService({ SANDBOX_PRODUCT: "freshservice", LEARN_INTERVAL: "6h" });
    await t.modelPromoted(90_000);
  }, 120_000);
  afterAll(async () => t?.stop());

  it("is left without category or group, and the note says why, with no precision contradicting it", async () => {
    const { requesters } = await t.freshdesk<{ requesters: Array<{ id: number }> }>(
      "GET",
      "/requesters?per_page=5",
    );
    const { ticket: created } = await t.freshdesk<{ ticket: FsTicketView }>("POST", "/tickets", {
      subject: "Python SDK check",
      description: "hello",
      requester_id: requesters[0]!.id,
      status: 2,
      priority: 1,
      source: 2,
    });
    const notes = async () =>
      (
        await t.freshdesk<{ conversations: FsConversation[] }>("GET", `/tickets/${created.id}/conversations`)
      ).conversations.filter((c) => c.private && c.source === 2);
    await waitFor(async () => (await notes()).length === 1, 15_000);

    const { ticket } = await t.freshdesk<{ ticket: FsTicketView }>("GET", `/tickets/${created.id}`);
    expect(ticket).toMatchObject({ category: null, sub_category: null, group_id: null });
    const text = (await notes())[0]!.body_text;
    expect(text).toMatch(/category none → \w+: suggested, too little in the text to go on/);
    for (const line of text.split("\n")) {
      const shown = /measured precision (\d+)%/.exec(line);
      if (!shown) continue;
      const percent = Number(shown[1]);
      if (/: applied/.test(line)) expect(percent, line).toBeGreaterThanOrEqual(90);
      if (/below the measured-precision target/.test(line)) expect(percent, line).toBeLessThan(90);
    }
  });
});
