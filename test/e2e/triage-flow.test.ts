import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, startTestService, type TestService, waitFor } from "../support/service.ts";

const BILLING_GROUP = "Billing";

describe("a ticket created in the sandbox is triaged through its own automation webhook", () => {
  let t: TestService;
  let billingGroupId: number;

  beforeAll(async () => {
    // Routing is applied only where the account's history measured it: learn the sandbox's
    // seeded history at start, as the zero-config start does, and wait for the first model.
    t = await startTestService({ SANDBOX_AUTOMATIONS: "on", LEARN_INTERVAL: "6h" });
    await t.modelPromoted(120_000);
    const groups = await t.freshdesk<Array<{ id: number; name: string }>>("GET", "/groups");
    billingGroupId = groups.find((g) => g.name === BILLING_GROUP)!.id;
  }, 150_000);
  afterAll(async () => t.stop());

  it("routes, tags, types and explains it once, and repeats add nothing", async () => {
    const { id } = await t.createTicket(
      "I was charged twice for my invoice, please refund",
      "My card shows two identical charges for this month's invoice. Please refund one of them.",
    );
    await waitFor(async () => (await t.privateNotes(id)).length > 0, 5000);
    const ticket = await t.ticket(id);
    expect(ticket.group_id).toBe(billingGroupId);
    expect(ticket.tags).toEqual(expect.arrayContaining(["category:billing_inquiry", "ai-triaged"]));
    expect(ticket.type).toBeTruthy();

    // Freshdesk's retries of the same webhook, and the update webhook our own change fired.
    for (let i = 0; i < 3; i++) expect((await t.fireWebhook(id)).status).toBe(202);
    await waitFor(
      async () =>
        t.service.sandbox!.automations.deliveries().some((d) => d.ticketId === id && d.event !== "created"),
      5000,
    );
    await t.queueIdle();
    const notes = await t.privateNotes(id);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body_text).toMatch(/Billing/);

    const report = await fetch(`${t.url}/tickets/${id}/triage`, {
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    }).then(
      (r) => r.json() as Promise<{ latest: { category: string }; history: Array<{ outcome: string }> }>,
    );
    expect(report.latest.category).toBe("billing_inquiry");
    expect(report.history.filter((run) => run.outcome === "triaged")).toHaveLength(1);
  });

  it("raises an outage to Urgent only as far as the account's history backs the wording", async () => {
    const { id } = await t.createTicket(
      "Production is down, every user gets 500 errors",
      "Since 09:00 every request to the app returns a 500 error. All of our users are blocked.",
    );
    await waitFor(async () => (await t.privateNotes(id)).length > 0, 5000);
    await t.queueIdle();
    const response = await fetch(`${t.url}/tickets/${id}/triage`, {
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    const body = await response.text();
    expect(response.status, body).toBe(200);
    const report = JSON.parse(body) as {
      latest: { decisions: { priority: { applied: boolean; value: number | null } } };
    };
    // The urgent wording is measured on the sandbox's history like any learned value (there the
    // tickets using it were Urgent about 7 times in 10, below the target): applied exactly when
    // the decision says so, as `npm run eval` counts it.
    const priority = report.latest.decisions.priority;
    const ticket = await t.ticket(id);
    if (priority.applied) expect(ticket.priority).toBe(priority.value);
    else expect(ticket.priority).toBe(1);
  });

  it("re-triages on an operator's request and reports what changed", async () => {
    const { id } = await t.createTicket(
      "How do I export my timesheets?",
      "Where can I download timesheets as CSV?",
    );
    await waitFor(async () => (await t.privateNotes(id)).length > 0, 5000);
    const res = await fetch(`${t.url}/tickets/${id}/reprocess`, {
      method: "POST",
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, "Content-Type": "application/json" },
      body: JSON.stringify({ mode: "suggest" }),
    });
    expect(res.status).toBe(202);
    await waitFor(async () => (await t.privateNotes(id)).length === 2, 5000);
    const report = (await fetch(`${t.url}/tickets/${id}/triage`, {
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    }).then((r) => r.json())) as { latest: { mode: string }; history: unknown[] };
    expect(report.latest.mode).toBe("suggest");
    expect(report.history.length).toBeGreaterThanOrEqual(2);
  });

  it("refuses the operator API without the right token", async () => {
    const none = await fetch(`${t.url}/tickets/1/reprocess`, { method: "POST" });
    expect(none.status).toBe(401);
    const badId = await fetch(`${t.url}/tickets/..%2F1/triage`, {
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(badId.status).toBe(400);
  });
});
