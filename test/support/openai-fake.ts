import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";

/**
 * A small OpenAI-compatible server for tests: real HTTP on 127.0.0.1, enough of
 * `POST /v1/chat/completions` and `GET /v1/models` for the openai SDK. The mode can be switched
 * while it runs; every chat request is recorded so tests can inspect what was sent.
 *
 * - ok:      a valid structured answer: the scripted one if set, else one derived from keywords
 *            in the user message, using only the categories the request's schema allows
 * - garbage: content that is not JSON
 * - schema:  valid JSON of the wrong shape
 * - refusal: the model refuses
 * - 429:     rate limited, with Retry-After
 * - 500:     server error
 * - hang:    never answers (until the client gives up or the fake is closed)
 */

export type FakeMode = "ok" | "garbage" | "schema" | "refusal" | "429" | "500" | "hang";

export type RecordedRequest = {
  path: string;
  authorization: string | undefined;
  body: ChatRequestBody;
};

export type ChatRequestBody = {
  model?: string;
  messages?: { role: string; content: string }[];
  response_format?: {
    type?: string;
    json_schema?: { name?: string; strict?: boolean; schema?: JsonSchemaObject };
  };
  [key: string]: unknown;
};

type JsonSchemaObject = { properties?: { category?: { enum?: string[] } }; [key: string]: unknown };

export type OpenAIFake = {
  /** Base URL for the SDK, ending in `/v1`. */
  baseUrl: string;
  requests: RecordedRequest[];
  setMode(mode: FakeMode): void;
  /** In "ok" mode, answer exactly this object (serialised as the message content). */
  setScriptedAnswer(answer: unknown): void;
  close(): Promise<void>;
};

const KEYWORDS: [string, RegExp][] = [
  ["billing_inquiry", /invoice|refund|charge|billing|payment/i],
  ["account_problem", /password|log ?in|locked|2fa|sign in/i],
  ["technical_issue", /outage|down|error|not working|crash|slow/i],
  ["feature_request", /feature|would be great|please add/i],
  ["praise", /thank|love|awesome/i],
];

export async function startOpenAIFake(
  options: { mode?: FakeMode; retryAfterSeconds?: number } = {},
): Promise<OpenAIFake> {
  let mode: FakeMode = options.mode ?? "ok";
  let scripted: unknown;
  const requests: RecordedRequest[] = [];
  const releaseHanging = new Set<() => void>();

  const app = new Hono();
  app.get("/v1/models", (c) =>
    c.json({ object: "list", data: [{ id: "fake-model", object: "model", created: 0, owned_by: "fake" }] }),
  );
  app.post("/v1/chat/completions", async (c) => {
    const body = (await c.req.json()) as ChatRequestBody;
    requests.push({ path: c.req.path, authorization: c.req.header("authorization"), body });
    switch (mode) {
      case "429":
        c.header("Retry-After", String(options.retryAfterSeconds ?? 1));
        return c.json(
          { error: { message: "Rate limit reached", type: "requests", code: "rate_limit_exceeded" } },
          429,
        );
      case "500":
        return c.json({ error: { message: "The server had an error", type: "server_error" } }, 500);
      case "hang":
        await new Promise<void>((resolve) => {
          releaseHanging.add(resolve);
          c.req.raw.signal.addEventListener("abort", () => resolve());
        });
        return c.json({ error: { message: "closing" } }, 503);
      case "garbage":
        return c.json(completion(body, { content: "Sure! Here is the category: billing {not json" }));
      case "schema":
        return c.json(completion(body, { content: JSON.stringify({ label: "billing", score: "high" }) }));
      case "refusal":
        return c.json(completion(body, { content: null, refusal: "I can't help with that." }));
      case "ok":
        return c.json(completion(body, { content: JSON.stringify(scripted ?? derivedAnswer(body)) }));
    }
  });

  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s as Server));
  });
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    setMode(next) {
      mode = next;
    },
    setScriptedAnswer(answer) {
      scripted = answer;
    },
    async close() {
      for (const release of releaseHanging) release();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function completion(body: ChatRequestBody, message: { content: string | null; refusal?: string }) {
  return {
    id: `chatcmpl-fake-${Date.now()}`,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model: body.model ?? "fake-model",
    choices: [
      {
        index: 0,
        message: { role: "assistant", content: message.content, refusal: message.refusal ?? null },
        finish_reason: "stop",
        logprobs: null,
      },
    ],
    usage: { prompt_tokens: 100, completion_tokens: 50, total_tokens: 150 },
  };
}

/** A deterministic, schema-valid answer chosen by keywords in the user message. */
function derivedAnswer(body: ChatRequestBody) {
  const allowed = body.response_format?.json_schema?.schema?.properties?.category?.enum;
  const text =
    body.messages
      ?.filter((m) => m.role === "user")
      .map((m) => m.content)
      .join("\n") ?? "";
  const match = KEYWORDS.find(
    ([category, pattern]) => (allowed?.includes(category) ?? true) && pattern.test(text),
  );
  const category = match?.[0] ?? allowed?.[allowed.length - 1] ?? "general";
  return {
    category,
    confidence: match ? 0.92 : 0.3,
    sentiment: "neutral",
    language: "en",
    priority: { value: category === "technical_issue" ? 3 : 2, reason: "fake model reasoning" },
    flag: "none",
    summary: `Customer writes about ${category.replace(/_/g, " ")}.`,
    suggestedReply: "Hello,\n\nThanks for reaching out. We are on it.\n\nBest regards",
  };
}
