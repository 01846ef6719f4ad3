import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenAIFake, startOpenAIFake } from "../support/openai-fake.ts";
import { startTestService, type TestService, waitFor } from "../support/service.ts";

describe("with an OpenAI-compatible model configured", () => {
  let fake: OpenAIFake;
  let t: TestService;

  beforeAll(async () => {
    fake = await startOpenAIFake({ mode: "ok", retryAfterSeconds: 1 });
    t = await startTestService({
      SANDBOX_AUTOMATIONS: "off",
      OPENAI_API_KEY: "sk-test",
      OPENAI_BASE_URL: fake.baseUrl,
      OPENAI_MODEL: "fake-model",
      OPENAI_TIMEOUT_MS: "1500",
      // About falling back, not calibration: with no learned model, values are applied unmeasured.
      TRIAGE_APPLY_UNMEASURED: "true",
    });
  });
  afterAll(async () => {
    await t.stop();
    await fake.close();
  });

  async function triage(subject: string, description: string) {
    const { id } = await t.createTicket(subject, description);
    expect((await t.fireWebhook(id)).status).toBe(202);
    await waitFor(async () => (await t.privateNotes(id)).length > 0, 8000);
    const notes = await t.privateNotes(id);
    expect(notes).toHaveLength(1);
    return { id, note: notes[0]!.body_text, ticket: await t.ticket(id) };
  }

  it("classifies with the model when it answers", async () => {
    const { note } = await triage("Refund please", "I was charged twice for my invoice.");
    expect(note).toMatch(/model fake-model/);
    expect(fake.requests.length).toBeGreaterThan(0);
  });

  it.each(["garbage", "429", "hang"] as const)(
    "falls back to the local classifier when the model returns %s, and the note says so",
    async (mode) => {
      fake.setMode(mode);
      const { note, ticket } = await triage(
        "Refund for a double charge",
        "You charged my card twice for the same invoice, please refund the second payment.",
      );
      expect(note).toMatch(/built-in classifier/);
      expect(note).toMatch(/language model unavailable/);
      expect(ticket.tags).toContain("category:billing_inquiry");
      fake.setMode("ok");
    },
  );
});
