import { type ChildProcess, spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenAIFake, startOpenAIFake } from "../support/openai-fake.ts";
import { testRedisUrl } from "../support/redis.ts";
import { startTestService, type TestService, waitFor } from "../support/service.ts";

/**
 * A worker process killed with SIGKILL while a job is in the middle of the pipeline: the job
 * must be taken over by the next worker and finish with exactly one note.
 */
describe("kill -9 of a worker mid-job", () => {
  let fake: OpenAIFake;
  let t: TestService;
  const workers: ChildProcess[] = [];

  function startWorker(): ChildProcess {
    const child = spawn(process.execPath, ["workers/index.ts"], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: "test",
        LOG_LEVEL: "silent",
        REDIS_URL: testRedisUrl(),
        QUEUE_PREFIX: t.prefix,
        FRESHDESK_DOMAIN: `${t.url}/sandbox`,
        FRESHDESK_API_KEY: t.config.sandbox.apiKey,
        OPENAI_API_KEY: "sk-test",
        OPENAI_BASE_URL: fake.baseUrl,
        OPENAI_TIMEOUT_MS: "20000",
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    workers.push(child);
    return child;
  }

  beforeAll(async () => {
    fake = await startOpenAIFake({ mode: "hang" });
    t = await startTestService({ SANDBOX_AUTOMATIONS: "off" }, { web: true, worker: false });
  });
  afterAll(async () => {
    for (const w of workers) w.kill("SIGKILL");
    await t.stop();
    await fake.close();
  });

  it("recovers the job on another worker and posts one note", { timeout: 60_000 }, async () => {
    const first = startWorker();
    const { id } = await t.createTicket("Refund my double charge", "I was charged twice for one invoice.");
    const { body } = await t.fireWebhook(id);
    // The worker has loaded the ticket and is waiting for the model: mid-pipeline.
    await waitFor(async () => fake.requests.length > 0, 15_000);
    first.kill("SIGKILL");
    await new Promise((resolve) => first.once("exit", resolve));
    fake.setMode("ok");

    startWorker();
    await waitFor(async () => (await t.queue.getJobState(String(body.jobId))) === "completed", 40_000, 200);
    expect(await t.privateNotes(id)).toHaveLength(1);
    expect((await t.ticket(id)).tags).toContain("ai-triaged");
  });
});
