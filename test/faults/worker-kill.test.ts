import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenAIFake, startOpenAIFake } from "../support/openai-fake.ts";
import { type FaultEnv, startFaultEnv } from "./support/fault-env.ts";
import { waitFor } from "./support/processes.ts";

/**
 * kill -9 of a worker while it holds jobs. The locks of the dead worker expire (lockDuration
 * 10 s) and the next stalled check (every 5 s) hands its jobs to the surviving worker: each job
 * must start again within 15 s of the kill and end with exactly one note.
 */
describe("fault: kill -9 of a worker during jobs", () => {
  let fake: OpenAIFake;
  let env: FaultEnv;

  beforeAll(async () => {
    // The model hangs, so jobs sit mid-pipeline on the first worker until it is killed.
    fake = await startOpenAIFake({ mode: "hang" });
    env = await startFaultEnv({
      env: { OPENAI_API_KEY: "sk-test", OPENAI_BASE_URL: fake.baseUrl, OPENAI_TIMEOUT_MS: "20000" },
    });
  });
  afterAll(async () => {
    await env?.stop();
    await fake?.close();
  });

  it("hands the dead worker's jobs to another worker within 15 s; one note each", async () => {
    const web = await env.startWeb();
    const doomed = await env.startWorker();
    const tickets = await env.createTickets(4, "Worker kill");
    for (const id of tickets) await env.ledger.fire(web.url, id);
    expect(env.ledger.accepted()).toHaveLength(tickets.length);

    // All four are active on the doomed worker, each waiting for the model.
    await waitFor("all jobs in the model call", () => fake.requests.length >= tickets.length, 20_000);
    expect(await env.queue.getJobCountByTypes("active")).toBe(tickets.length);

    await doomed.kill("SIGKILL");
    const killedAt = Date.now();
    fake.setMode("ok");
    const survivor = await env.startWorker();

    const restartedAfter = new Map<string, number>();
    await waitFor(
      "every job to start again on the surviving worker",
      async () => {
        for (const delivery of env.ledger.accepted()) {
          const job = await env.queue.getJob(delivery.jobId as string);
          if (job && (job.attemptsStarted ?? 0) >= 2 && !restartedAfter.has(job.id as string)) {
            restartedAfter.set(job.id as string, Date.now() - killedAt);
          }
        }
        return restartedAfter.size === tickets.length;
      },
      25_000,
      100,
    );
    // 10 s lock + 5 s stalled check; a small allowance for polling and process start-up.
    for (const [jobId, ms] of restartedAfter) {
      expect(ms, `job ${jobId} restarted ${ms} ms after the kill`).toBeLessThanOrEqual(16_000);
    }

    const settled = await env.ledger.expectEveryAcceptedTicketSettled(30_000);
    expect(settled.map((s) => s.outcome)).toEqual(tickets.map(() => "triaged"));
    env.expectRunning(web.process, survivor);
  });
});
