// All-in-one mode runs the triage workers on a worker thread: their CPU work (JSON, the
// classifier, BullMQ bookkeeping) then never delays a webhook answer on the web event loop,
// while `npm start` stays one command and one process.
import { Worker } from "node:worker_threads";
import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import type { AttachedFreshdesk, FromThread, MetricsJson, ThreadStart, ToThread } from "./messages.ts";

export type WorkerThread = {
  /** The thread's own Prometheus figures (jobs, steps, model and Freshdesk calls). */
  metrics(): Promise<MetricsJson>;
  /** Rejects once the thread has died; for /readyz. */
  check(): Promise<void>;
  /** Drains the jobs in flight, then ends the thread. */
  close(): Promise<void>;
};

export async function startWorkerThread(options: {
  /** The process's config, with Redis pointing at the server the web side uses. */
  config: Config;
  attachedTo: AttachedFreshdesk;
  logger: Logger;
}): Promise<WorkerThread> {
  const { logger } = options;
  const start: ThreadStart = {
    // The thread never serves its own /metrics: the web process's /metrics includes its figures.
    config: { ...options.config, metrics: { ...options.config.metrics, port: undefined } },
    logLevel: logger.level,
    attachedTo: options.attachedTo,
  };
  const thread = new Worker(new URL("./entry.ts", import.meta.url), {
    workerData: start,
    name: "triage-workers",
  });
  const post = (message: ToThread) => thread.postMessage(message);
  const pending = new Map<number, (metrics: MetricsJson) => void>();
  let nextId = 1;
  let closing = false;
  let died: Error | undefined;
  const exited = new Promise<void>((resolve) => thread.once("exit", () => resolve()));

  await new Promise<void>((resolve, reject) => {
    const fail = (error: Error) => {
      // Whatever the thread had opened before failing ends with it.
      void thread.terminate();
      reject(error);
    };
    const onMessage = (message: FromThread) => {
      if (message.type === "ready") settle(resolve);
      if (message.type === "failed") settle(() => fail(new Error(message.message)));
    };
    const onError = (error: Error) => settle(() => fail(error));
    const onExit = (code: number) =>
      settle(() => reject(new Error(`the worker thread exited (code ${code}) during start-up`)));
    const settle = (then: () => void) => {
      thread.off("message", onMessage).off("error", onError).off("exit", onExit);
      then();
    };
    thread.on("message", onMessage).on("error", onError).on("exit", onExit);
  });

  let stopped: () => void = () => {};
  const drained = new Promise<void>((resolve) => {
    stopped = resolve;
  });
  thread.on("message", (message: FromThread) => {
    if (message.type === "stopped") stopped();
    if (message.type !== "metrics") return;
    pending.get(message.id)?.(message.metrics);
    pending.delete(message.id);
  });
  thread.on("error", (error) => {
    died = error;
    logger.fatal({ err: error }, "the worker thread failed; triage jobs are not processed");
  });
  thread.on("exit", (code) => {
    stopped();
    for (const answer of pending.values()) answer([]);
    pending.clear();
    if (closing) return;
    died ??= new Error(`the worker thread exited (code ${code})`);
    logger.fatal({ code }, "the worker thread exited; triage jobs are not processed");
  });

  return {
    metrics() {
      if (died || closing) return Promise.resolve([]);
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        post({ type: "metrics", id });
      });
    },
    async check() {
      if (died) throw died;
    },
    async close() {
      if (closing) return exited;
      closing = true;
      if (!died) post({ type: "stop" });
      await drained;
      // Whatever handle a library left open, the thread has nothing more to do.
      await thread.terminate();
      await exited;
    },
  };
}
