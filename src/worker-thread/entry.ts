// The worker thread of the all-in-one process: a worker-only service whose Freshdesk is the
// web process's sandbox (or the configured account) and whose Redis is the web process's.
// Signals reach only the main thread, so shutdown arrives as a "stop" message.
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { createLogger } from "../logger.ts";
import { type RunningService, startService } from "../service.ts";
import type { FromThread, ThreadStart, ToThread } from "./messages.ts";

const port = parentPort!;
const send = (message: FromThread) => port.postMessage(message);
const { config, logLevel, attachedTo } = workerData as ThreadStart;
const logger = createLogger(logLevel, { roles: ["worker"], thread: "worker" });

lowerThreadPriority();

let service: RunningService | undefined;
try {
  service = await startService(config, logger, { web: false, worker: true }, { attachedTo });
  send({ type: "ready" });
} catch (error) {
  send({ type: "failed", message: error instanceof Error ? error.message : String(error) });
  port.close();
}

port.on("message", async (message: ToThread) => {
  if (!service) return;
  if (message.type === "metrics") {
    send({ type: "metrics", id: message.id, metrics: await service.metrics.registry.getMetricsAsJSON() });
  } else if (message.type === "stop") {
    await service.stop();
    send({ type: "stopped" });
    port.close();
  }
});

/**
 * On a machine with few cores the web thread must still answer webhooks first, as it did when
 * the workers shared its event loop: this thread runs at nice 10, so it takes the CPU the web
 * thread leaves (and a core of its own when one is free). Linux keeps a nice value per thread;
 * elsewhere this does nothing.
 */
function lowerThreadPriority(): void {
  try {
    const threadId = Number(readlinkSync("/proc/thread-self").split("/").at(-1));
    if (Number.isInteger(threadId)) setPriority(threadId, 10);
  } catch (error) {
    logger.debug({ err: error }, "the worker thread keeps its priority");
  }
}
