import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeMode, OpenAIFake } from "../support/openai-fake.ts";
import { startOpenAIFake } from "../support/openai-fake.ts";
import { type FaultEnv, startFaultEnv } from "./support/fault-env.ts";

/**
 * The model misbehaving (test/support/openai-fake.ts): garbage output, 429s and calls that never
 * answer. Triage falls back to the local classifier, says so in the stored result, and still
 * writes exactly one note per ticket.
 */
const MODEL_TIMEOUT_MS = 1000;

describe("fault: the OpenAI-compatible model misbehaving", () => {
  let fake: OpenAIFake;
  let env: FaultEnv;
  let web: Awaited<ReturnType<FaultEnv["startWeb"]>>;

  beforeAll(async () => {
    fake = await startOpenAIFake({ mode: "ok" });
    env = await startFaultEnv({
      env: {
        OPENAI_API_KEY: "sk-test",
        OPENAI_BASE_URL: fake.baseUrl,
        OPENAI_MODEL: "fake-model",
        OPENAI_TIMEOUT_MS: String(MODEL_TIMEOUT_MS),
      },
    });
    web = await env.startWeb();
    await env.startWorker();
  });
  afterAll(async () => {
    await env?.stop();
    await fake?.close();
  });

  async function underModelFault(mode: FakeMode) {
    const tickets = await env.createTickets(3, `Model ${mode}`);
    const requestsBefore = fake.requests.length;
    fake.setMode(mode);
    for (const id of tickets) await env.ledger.fire(web.url, id);
    const settled = (await env.ledger.expectEveryAcceptedTicketSettled(30_000)).filter((s) =>
      tickets.includes(s.ticketId),
    );
    fake.setMode("ok");
    expect(fake.requests.length - requestsBefore, "the model was asked").toBeGreaterThanOrEqual(
      tickets.length,
    );
    expect(settled.filter((s) => s.outcome !== "triaged")).toEqual([]);
    for (const id of tickets) {
      const latest = JSON.parse((await env.connection.lindex(`${env.prefix}:results:${id}`, 0)) ?? "{}") as {
        outcome?: string;
        engine?: string;
        fallbackReason?: string;
      };
      expect(latest.outcome).toBe("triaged");
      expect(latest.engine).toBe("local");
      expect(latest.fallbackReason, `ticket ${id} should say why the model was not used`).toBeTruthy();
    }
  }

  it("garbage answers: local fallback, one note each", async () => {
    await underModelFault("garbage");
  });

  it("429s: local fallback, one note each", async () => {
    await underModelFault("429");
  });

  it("hanging calls: cut off by the timeout, local fallback, one note each", async () => {
    await underModelFault("hang");
  });
});
