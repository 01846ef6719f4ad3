// The zero-config Freshservice start (`SANDBOX_PRODUCT=freshservice npm start`) as one service:
// the embedded Freshservice sandbox, its Workflow Automator calling /webhooks/freshservice, the
// workers on their thread, learning from the sandbox's labelled history at start.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestService, type TestService, WEBHOOK_SECRET, waitFor } from "../support/service.ts";

type FsTicketView = {
  id: number;
  category: string | null;
  sub_category: string | null;
  urgency: number;
  impact: number;
  priority: number;
  group_id: number | null;
  type: string;
};
type FsConversation = { id: number; private: boolean; source: number; body_text: string };

describe("SANDBOX_PRODUCT=freshservice: the whole service", () => {
  let t: TestService;
  beforeAll(async () => {
    // Nothing else set: the sandbox's own priority matrix turns urgency and impact into priority.
    t = await startTestService({ SANDBOX_PRODUCT: "freshservice", LEARN_INTERVAL: "6h" });
    await t.modelPromoted(90_000);
  }, 120_000);
  afterAll(async () => t?.stop());

  const ticket = async (id: number) =>
    (await t.freshdesk<{ ticket: FsTicketView }>("GET", `/tickets/${id}`)).ticket;
  const notes = async (id: number) =>
    (
      await t.freshdesk<{ conversations: FsConversation[] }>("GET", `/tickets/${id}/conversations`)
    ).conversations.filter((c) => c.private && c.source === 2);

  it("triages a ticket raised through the sandbox's API within 8 s: fields set, one private note", async () => {
    const before = await t.freshdesk<{ requesters: Array<{ id: number }> }>("GET", "/requesters?per_page=5");
    const requester = before.requesters[4]!;
    const { ticket: created } = await t.freshdesk<{ ticket: FsTicketView }>("POST", "/tickets", {
      subject: "The whole office Wi-Fi is down",
      description:
        "<div>Nobody in the office can connect to the Wi-Fi since 9am and nobody can work. This is blocking all of us completely right now.</div>",
      requester_id: requester.id,
      status: 2,
      priority: 1,
      source: 2,
    });
    expect(created).toMatchObject({ category: null, group_id: null });
    const started = Date.now();
    await waitFor(async () => (await notes(created.id)).length === 1, 8_000);
    expect(Date.now() - started).toBeLessThan(8_000);

    const triaged = await ticket(created.id);
    expect(triaged.category).toBe("Network");
    expect(triaged.group_id).not.toBeNull();
    expect([2, 3]).toContain(triaged.urgency);
    expect([2, 3]).toContain(triaged.impact);
    expect(triaged.priority).toBeGreaterThan(1);
    const [note] = await notes(created.id);
    expect(note!.body_text).toMatch(/Network/);

    // The automator's echo of our own update and a redelivered web request add nothing.
    await t.queueIdle();
    const redelivered = await fetch(`${t.url}/webhooks/freshservice`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Webhook-Token": WEBHOOK_SECRET },
      body: JSON.stringify({ ticket_id: String(created.id) }),
    });
    expect(redelivered.status).toBe(202);
    await t.queueIdle();
    expect(await notes(created.id)).toHaveLength(1);
    expect(await ticket(created.id)).toEqual(triaged);
  });

  it("names Freshservice in its pages, its start-up check and its OAuth metadata", async () => {
    expect(await (await fetch(`${t.url}/login`)).text()).toContain("<strong>Freshservice triage</strong>");
    expect(await t.service.accountCheck()).toEqual({ ok: true, missingGroups: [] });
    const metadata = (await (await fetch(`${t.url}/.well-known/oauth-protected-resource/mcp`)).json()) as {
      resource_name?: string;
    };
    expect(metadata.resource_name).toMatch(/Freshservice/);
  });
});
