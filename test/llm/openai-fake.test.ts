import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenAIFake, startOpenAIFake } from "../support/openai-fake.ts";

let fake: OpenAIFake;
beforeAll(async () => {
  fake = await startOpenAIFake();
});
afterAll(() => fake.close());

describe("OpenAI-compatible fake", () => {
  it("serves the model list and switches modes at runtime", async () => {
    const client = new OpenAI({ apiKey: "k", baseURL: fake.baseUrl, maxRetries: 0 });
    const models = await client.models.list();
    expect(models.data.map((m) => m.id)).toEqual(["fake-model"]);

    const ask = () =>
      client.chat.completions.create({ model: "m", messages: [{ role: "user", content: "refund" }] });
    expect((await ask()).choices[0]?.message.content).toContain("billing_inquiry");
    fake.setMode("500");
    await expect(ask()).rejects.toMatchObject({ status: 500 });
    fake.setMode("429");
    await expect(ask()).rejects.toMatchObject({ status: 429 });
    expect(fake.requests).toHaveLength(3);
  });

  it("releases hanging requests when it closes", async () => {
    const other = await startOpenAIFake({ mode: "hang" });
    const client = new OpenAI({ apiKey: "k", baseURL: other.baseUrl, maxRetries: 0, timeout: 10_000 });
    const pending = client.chat.completions.create({
      model: "m",
      messages: [{ role: "user", content: "x" }],
    });
    while (other.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    await other.close();
    await expect(pending).rejects.toBeInstanceOf(OpenAI.APIError);
  });
});
