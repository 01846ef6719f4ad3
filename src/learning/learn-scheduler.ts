import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "../logger.ts";
import type { LearnRunOutcome } from "./learn-run.ts";

/**
 * When learning runs: soon after start (in the background: start-up and triage never wait for
 * it), then every LEARN_INTERVAL. Several worker processes each run a scheduler; the account's
 * lock lets one learn at a time, and a process skips a turn when another learned within the
 * interval and a model is in use.
 */
export type LearnScheduler = {
  start(): void;
  /** Learns now, whatever the timer says (still one learner per account). */
  runNow(): Promise<LearnRunOutcome>;
  /** Stops the timer and abandons a run in progress. */
  stop(): Promise<void>;
};

export function createLearnScheduler(options: {
  learn: (signal: AbortSignal) => Promise<LearnRunOutcome>;
  /** undefined: never on a timer, nor at start. */
  intervalMs: number | undefined;
  /** When the account last finished learning (any process), and whether a model is in use. */
  lastRun: () => Promise<{ at: Date | undefined; hasModel: boolean }>;
  logger?: Logger | undefined;
  /** Delay before the first run, so it starts after the service is serving. */
  startDelayMs?: number;
}): LearnScheduler {
  const { logger, intervalMs } = options;
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<LearnRunOutcome> | undefined;

  function runNow(): Promise<LearnRunOutcome> {
    running ??= options.learn(controller.signal).finally(() => {
      running = undefined;
    });
    return running;
  }

  async function turn(): Promise<void> {
    if (controller.signal.aborted || running || intervalMs === undefined) return;
    try {
      const last = await options.lastRun();
      const age = last.at ? Date.now() - last.at.getTime() : Number.POSITIVE_INFINITY;
      if (last.hasModel && age < intervalMs * 0.9) return;
      const outcome = await runNow();
      if (!outcome.ran) logger?.info({ reason: outcome.reason }, "learning skipped");
    } catch (error) {
      if (controller.signal.aborted) return;
      logger?.warn({ err: error }, "learning from the account's history failed; the model in use stays");
    }
  }

  return {
    start() {
      if (intervalMs === undefined || timer) return;
      const first = setTimeout(() => void turn(), options.startDelayMs ?? 1000);
      first.unref();
      timer = setInterval(() => void turn(), intervalMs);
      timer.unref();
      controller.signal.addEventListener("abort", () => clearTimeout(first), { once: true });
    },
    runNow,
    async stop() {
      if (timer) clearInterval(timer);
      controller.abort(new Error("the service is stopping"));
      // A run waiting on the Freshdesk budget notices the abort at its next call; stop() does not wait for that.
      if (running)
        await Promise.race([running.catch(() => undefined), sleep(2000, undefined, { ref: false })]);
    },
  };
}
