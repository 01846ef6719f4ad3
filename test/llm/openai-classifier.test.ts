import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { LlmError } from "../../src/llm/errors.ts";
import { createOpenAIClassifier } from "../../src/llm/openai-classifier.ts";
import { TICKET_BEGIN, TICKET_END } from "../../src/llm/prompt.ts";
import { DEFAULT_TAXONOMY } from "../../src/triage/taxonomy.ts";
import { type OpenAIFake, startOpenAIFake } from "../support/openai-fake.ts";
import { ticket } from "../triage/ticket-fixture.ts";

let fake: OpenAIFake;
beforeAll(async () => {
  fake = await startOpenAIFake();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.setMode("ok");
  fake.setScriptedAnswer(undefined);
  fake.requests.length = 0;
});

function classifier(timeoutMs = 5_000) {
  return createOpenAIClassifier({
    apiKey: "sk-test",
    baseUrl: fake.baseUrl,
    model: "gpt-test",
    timeoutMs,
    taxonomy: DEFAULT_TAXONOMY,
  });
}

const billing = ticket({
  subject: "Refund",
  descriptionText: "Please refund the duplicate charge on my invoice.",
});

async function failure(promise: Promise<unknown>): Promise<LlmError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LlmError);
  return error as LlmError;
}

describe("OpenAI classifier", () => {
  it("makes one structured-output call and returns the validated answer", async () => {
    const result = await classifier().classify(billing);
    expect(result.category).toBe("billing_inquiry");
    expect(result.confidence).toBeCloseTo(0.92);
    expect(classifier().engine).toBe("openai:gpt-test");

    expect(fake.requests).toHaveLength(1);
    const request = fake.requests[0]!;
    expect(request.authorization).toBe("Bearer sk-test");
    expect(request.body.model).toBe("gpt-test");
    const format = request.body.response_format;
    expect(format?.type).toBe("json_schema");
    expect(format?.json_schema?.strict).toBe(true);
    expect(format?.json_schema?.schema?.properties?.category?.enum).toEqual(
      DEFAULT_TAXONOMY.categories.map((c) => c.name),
    );
    expect(format?.json_schema?.schema).not.toHaveProperty("$schema");
    expect(format?.json_schema?.schema).toMatchObject({ additionalProperties: false });
  });

  it("keeps ticket text out of the instructions and inside one delimited data block", async () => {
    await classifier().classify(billing);
    const messages = fake.requests[0]!.body.messages ?? [];
    const system = messages
      .filter((m) => m.role === "system")
      .map((m) => m.content)
      .join("\n");
    const user = messages
      .filter((m) => m.role === "user")
      .map((m) => m.content)
      .join("\n");
    expect(system).not.toContain("duplicate charge");
    expect(user).toContain("duplicate charge");
    expect(user.startsWith(TICKET_BEGIN)).toBe(true);
    expect(user.endsWith(TICKET_END)).toBe(true);
  });

  it.each([
    ["garbage", "invalid_json"],
    ["schema", "schema_mismatch"],
    ["refusal", "refusal"],
    ["500", "http_error"],
    ["429", "rate_limited"],
  ] as const)("turns a %s answer into a typed error (%s)", async (mode, reason) => {
    fake.setMode(mode);
    const error = await failure(classifier().classify(billing));
    expect(error.reason).toBe(reason);
    expect(error.code).toBe("llm_failed");
  });

  it("retries a server error at most once and a rate limit not at all", async () => {
    fake.setMode("500");
    await failure(classifier().classify(billing));
    expect(fake.requests).toHaveLength(2);
    fake.requests.length = 0;
    fake.setMode("429");
    await failure(classifier().classify(billing));
    expect(fake.requests).toHaveLength(1);
  });

  it("gives up on a server that never answers", async () => {
    fake.setMode("hang");
    const error = await failure(classifier(300).classify(billing));
    expect(error.reason).toBe("timeout");
  });

  it("rejects a category outside the taxonomy and a priority outside 1-4", async () => {
    const valid = {
      category: "general",
      confidence: 0.9,
      sentiment: "neutral",
      language: "en",
      priority: { value: 2, reason: "r" },
      flag: "none",
      summary: "s",
      suggestedReply: "r",
    };
    fake.setScriptedAnswer({ ...valid, category: "delete_all_tickets" });
    expect((await failure(classifier().classify(billing))).reason).toBe("schema_mismatch");
    fake.setScriptedAnswer({ ...valid, priority: { value: 5, reason: "urgent!!!" } });
    expect((await failure(classifier().classify(billing))).reason).toBe("schema_mismatch");
    fake.setScriptedAnswer({ ...valid, extra: "field" });
    expect((await failure(classifier().classify(billing))).reason).toBe("schema_mismatch");
  });

  it("clamps long free text from the model", async () => {
    fake.setScriptedAnswer({
      category: "general",
      confidence: 0.5,
      sentiment: "neutral",
      language: "en",
      priority: { value: 1, reason: "x".repeat(5000) },
      flag: "none",
      summary: "line one\nline two",
      suggestedReply: "ok",
    });
    const result = await classifier().classify(billing);
    expect(result.priority.reason.length).toBeLessThanOrEqual(300);
    expect(result.summary).toBe("line one line two");
  });
});
