import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QualityReport } from "../../src/learning/quality.ts";
import { type OpenAIFake, startOpenAIFake } from "../support/openai-fake.ts";
import { ADMIN_TOKEN, startTestService, type TestService, waitFor } from "../support/service.ts";

/**
 * The zero-config start learns the sandbox's seeded history; from then on a ticket that clearly
 * belongs to a seeded group is routed with the measured precision in its note, and an agent's
 * change to that group is recorded as an override and shows in the figures.
 */
describe("triage that learned the account's history", () => {
  let t: TestService;
  let groups: Array<{ id: number; name: string }>;

  const quality = async (): Promise<QualityReport> => {
    const response = await fetch(`${t.url}/admin/quality`, {
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as QualityReport;
  };

  beforeAll(async () => {
    // The zero-config start, with learning at start as in production (test services turn it off).
    t = await startTestService({ LEARN_INTERVAL: "6h" });
    groups = await t.freshdesk<Array<{ id: number; name: string }>>("GET", "/groups");
    await t.modelPromoted(120_000);
  }, 150_000);
  afterAll(async () => t?.stop());

  it("shows the model and its measured precision on the activity page", async () => {
    const report = await quality();
    const group = report.model!.fields.group!;
    // The seeded history holds over a thousand resolved tickets; some are held out to measure.
    expect(report.model!.learnedFrom).toBeGreaterThan(500);
    expect(group.precision).not.toBeNull();

    const login = await fetch(`${t.url}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: t.url },
      body: new URLSearchParams({ token: ADMIN_TOKEN, next: "/" }),
    });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
    const page = await (
      await fetch(`${t.url}/`, { headers: { Cookie: cookie, Accept: "text/html" } })
    ).text();
    expect(page).toContain(`data-testid="model-version">v${report.model!.version}<`);
    expect(page).toContain(report.model!.learnedFrom.toLocaleString("en-US"));
    expect(page).toContain(`data-testid="precision-group">${Math.round(group.precision! * 100)}%<`);
  });

  it("routes a ticket that clearly belongs to a seeded group, with the measured precision in its note", async () => {
    const billing = groups.find((g) => g.name === "Billing")!;
    const { id } = await t.createTicket(
      "Charged twice for our subscription – please refund the duplicate",
      "Our card was charged twice for the same invoice this month. Please refund the duplicate payment.",
    );
    await waitFor(async () => (await t.privateNotes(id)).length > 0, 15_000);
    expect((await t.ticket(id)).group_id).toBe(billing.id);
    const [note] = await t.privateNotes(id);
    // The run is recorded just after the note is posted; our own update's echo is a skipped run.
    await waitFor(async () => Boolean((await t.service.results.report(id))?.latest), 5000);
    const run = (await t.service.results.report(id))!.latest!;
    expect(run.decisions?.group).toMatchObject({ value: "Billing", applied: true, reason: "calibrated" });
    const shown = Math.round(run.decisions!.group!.precision! * 100);
    expect(note!.body_text).toContain(`group none → Billing (measured precision ${shown}%)`);
    expect(note!.body_text).toMatch(/learned model v\d+ \(from [\d,]+ tickets\)/);
  });

  it("records an agent's change of an applied group as an override, and counts it in /admin/quality", async () => {
    const technical = groups.find((g) => g.name === "Technical Support")!;
    const { id } = await t.createTicket(
      "Refund the double charge on invoice INV-3310",
      "The invoice was paid twice by card. Please refund one of the two payments.",
    );
    await waitFor(async () => (await t.privateNotes(id)).length > 0, 15_000);
    await t.queueIdle();
    const before = (await quality()).keptUnchanged.group.last7Days;
    expect(before.applied).toBeGreaterThanOrEqual(1);

    // An agent moves the ticket through the sandbox's API; its automation rule sends the webhook.
    await t.freshdesk("PUT", `/tickets/${id}`, { group_id: technical.id });
    await waitFor(
      async () => (await quality()).keptUnchanged.group.last7Days.changed === before.changed + 1,
      15_000,
    );
    const after = (await quality()).keptUnchanged.group;
    expect(after.last7Days.applied).toBe(before.applied);
    expect(after.last7Days.keptShare).toBeCloseTo((before.applied - before.changed - 1) / before.applied);
    expect(after.last30Days.changed).toBeGreaterThanOrEqual(1);

    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(metrics).toMatch(/triage_applied_kept_unchanged_ratio\{field="group",window="7d"\} [\d.]+/);
    expect(metrics).toMatch(/triage_model_precision\{field="group"\} [\d.]+/);
    expect(metrics).toMatch(/triage_model_learned_from_tickets [1-9]\d*/);
  });
});

describe("the language model beside the learned model", () => {
  let fake: OpenAIFake;
  let t: TestService;

  beforeAll(async () => {
    fake = await startOpenAIFake({ mode: "ok" });
    t = await startTestService({
      LEARN_INTERVAL: "6h",
      OPENAI_API_KEY: "sk-test",
      OPENAI_BASE_URL: fake.baseUrl,
      OPENAI_MODEL: "fake-model",
    });
    await t.modelPromoted(120_000);
  }, 150_000);
  afterAll(async () => {
    await t?.stop();
    await fake?.close();
  });

  it("is shown the most similar past tickets with agents' labels, and a disagreement is only suggested", async () => {
    // The language model insists a plain billing ticket is a technical issue.
    fake.setScriptedAnswer({
      category: "technical_issue",
      confidence: 0.99,
      sentiment: "neutral",
      language: "en",
      priority: { value: 2, reason: "fake" },
      flag: "none",
      summary: "A ticket.",
      suggestedReply: "Hello",
    });
    const { id } = await t.createTicket(
      "Charged twice for our subscription – please refund the duplicate",
      "Our card was charged twice for the same invoice this month. Please refund the duplicate payment.",
    );
    await waitFor(async () => (await t.privateNotes(id)).length > 0, 15_000);
    const prompt = fake.requests
      .flatMap((r) => r.body.messages ?? [])
      .map((m) => m.content)
      .join("\n");
    expect(prompt).toContain("<<<PAST_TICKETS>>>");
    expect(prompt).toMatch(/agents' labels: group Billing/);

    expect((await t.ticket(id)).group_id).toBeNull();
    const [note] = await t.privateNotes(id);
    expect(note!.body_text).toContain("the language model and the learned model disagree");
    expect(note!.body_text).toContain("model fake-model");
  });
});
