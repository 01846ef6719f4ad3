import { describe, expect, it } from "vitest";
import type { LearnRunOutcome } from "../../src/learning/learn-run.ts";
import { createLearnScheduler } from "../../src/learning/learn-scheduler.ts";

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, intervalMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** The scheduler decides only when to learn; the run itself is tested in history-sync.test.ts. */
function recorder(lastRun: { at: Date | undefined; hasModel: boolean }) {
  const state = { learned: 0, consulted: 0, signals: [] as AbortSignal[] };
  return {
    state,
    options: {
      learn: async (signal: AbortSignal): Promise<LearnRunOutcome> => {
        state.learned++;
        state.signals.push(signal);
        return { ran: false, reason: "recorded" };
      },
      lastRun: async () => {
        state.consulted++;
        return lastRun;
      },
      startDelayMs: 0,
    },
  };
}

describe("the learning scheduler", () => {
  it("learns soon after start, then every interval", async () => {
    const { state, options } = recorder({ at: undefined, hasModel: false });
    const scheduler = createLearnScheduler({ ...options, intervalMs: 50 });
    scheduler.start();
    await waitFor(async () => state.learned >= 3, 10_000, 10);
    await scheduler.stop();
    expect(state.signals.at(-1)?.aborted).toBe(true);
  });

  it("skips its turn while another process learned within the interval and a model is in use", async () => {
    const { state, options } = recorder({ at: new Date(), hasModel: true });
    const scheduler = createLearnScheduler({ ...options, intervalMs: 60_000 });
    scheduler.start();
    await waitFor(async () => state.consulted >= 1, 10_000, 10);
    await scheduler.stop();
    expect(state.learned).toBe(0);
  });

  it("with LEARN_INTERVAL=off never learns by itself, but learns on demand", async () => {
    const { state, options } = recorder({ at: undefined, hasModel: false });
    const scheduler = createLearnScheduler({ ...options, intervalMs: undefined });
    scheduler.start();
    expect(await scheduler.runNow()).toEqual({ ran: false, reason: "recorded" });
    await scheduler.stop();
    expect(state).toMatchObject({ learned: 1, consulted: 0 });
  });
});
