import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestService, type TestService, WEBHOOK_SECRET, waitFor } from "../support/service.ts";

/** Freshdesk credits one triage costs, counted by the sandbox, once account-wide caches are warm. */
describe("Freshdesk credits per triaged ticket", () => {
  let t: TestService;

  beforeAll(async () => {
    t = await startTestService({ SANDBOX_AUTOMATIONS: "off" });
    const warm = await t.createTicket("Warm-up", "Warms the account caches.");
    await t.fireWebhook(warm.id);
    await waitFor(async () => (await t.privateNotes(warm.id)).length > 0, 5000);
  });
  afterAll(async () => t.stop());

  async function creditsFor(payload: (id: number) => Record<string, string>): Promise<number> {
    const { id } = await t.createTicket("Refund please", "I was charged twice for my invoice.");
    await t.queueIdle();
    t.service.sandbox!.resetStats();
    const res = await fetch(`${t.url}/webhooks/freshdesk`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Webhook-Token": WEBHOOK_SECRET },
      body: JSON.stringify(payload(id)),
    });
    expect(res.status).toBe(202);
    await waitFor(async () => (await t.service.results.latest(id))?.outcome === "triaged", 5000);
    return t.service.sandbox!.stats().totalCredits;
  }

  it("costs 3 with a ticket-id-only payload", async () => {
    expect(
      await creditsFor((id) => ({ ticket_id: String(id), triggered_event: '{"ticket_action":"created"}' })),
    ).toBe(3);
  });

  it("costs 2 with the recommended payload that carries the ticket's fields", async () => {
    const credits = await creditsFor((id) => ({
      ticket_id: String(id),
      triggered_event: '{"ticket_action":"created"}',
      ticket_subject: "Refund please",
      ticket_description: "<div>I was charged twice for my invoice.</div>",
      ticket_status: "Open",
      ticket_priority: "Low",
      ticket_source: "Portal",
      ticket_type: "",
      ticket_tags: "",
      ticket_group_name: "",
      ticket_agent_email: "",
      ticket_requester_email: "someone@example.com",
      ticket_company_name: "",
    }));
    expect(credits).toBe(2);
  });

  it("costs nothing to recognise a redelivered creation webhook", async () => {
    const { id } = await t.createTicket("Refund please", "I was charged twice for my invoice.");
    await t.fireWebhook(id);
    await waitFor(async () => (await t.service.results.latest(id))?.outcome === "triaged", 5000);
    t.service.sandbox!.resetStats();
    await t.fireWebhook(id);
    await waitFor(async () => (await t.service.results.latest(id))?.outcome === "skipped", 5000);
    expect(t.service.sandbox!.stats().totalCredits).toBe(0);
    expect(await t.privateNotes(id)).toHaveLength(1);
  });
});
