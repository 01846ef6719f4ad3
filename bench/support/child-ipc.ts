import { monitorEventLoopDelay, performance } from "node:perf_hooks";

/**
 * The child side of the benchmark processes' IPC: announce readiness once, then answer
 * `{id, type, ...}` requests from the runner with `{id, ok, result | error}`.
 */
export type RequestHandlers = Record<string, (message: Record<string, unknown>) => unknown>;

export type MemorySnapshot = { rssBytes: number; heapUsedBytes: number; heapTotalBytes: number };

export function announceReady(info: Record<string, unknown>): void {
  process.send?.({ type: "ready", ...info });
}

/**
 * Always answered: `memory`, and `loadStats` (event-loop delay and CPU use since the previous
 * `loadStats`), which tell whether a process was the bottleneck of a run.
 */
export type LoadStats = { eventLoopDelayP99Ms: number; eventLoopDelayMaxMs: number; cpuPercent: number };

const delay = monitorEventLoopDelay({ resolution: 5 });
delay.enable();
let cpuSince = { usage: process.cpuUsage(), at: performance.now() };

export function loadStats(): LoadStats {
  const usage = process.cpuUsage(cpuSince.usage);
  const elapsedMs = performance.now() - cpuSince.at;
  const stats = {
    eventLoopDelayP99Ms: delay.percentile(99) / 1e6,
    eventLoopDelayMaxMs: delay.max / 1e6,
    cpuPercent: ((usage.user + usage.system) / 1000 / elapsedMs) * 100,
  };
  delay.reset();
  cpuSince = { usage: process.cpuUsage(), at: performance.now() };
  return stats;
}

const BUILT_IN: RequestHandlers = { memory: memorySnapshot, loadStats };

export function answerRequests(handlers: RequestHandlers): void {
  process.on("message", async (raw) => {
    const message = raw as { id?: number; type?: string } & Record<string, unknown>;
    if (typeof message.id !== "number" || typeof message.type !== "string") return;
    const handler = handlers[message.type] ?? BUILT_IN[message.type];
    try {
      if (!handler) throw new Error(`no handler for "${message.type}"`);
      process.send?.({ id: message.id, ok: true, result: await handler(message) });
    } catch (error) {
      process.send?.({
        id: message.id,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  });
}

/** After a full GC when the process runs with --expose-gc, so heap figures are live data only. */
export function memorySnapshot(): MemorySnapshot {
  (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  return { rssBytes: usage.rss, heapUsedBytes: usage.heapUsed, heapTotalBytes: usage.heapTotal };
}

/** Exits when the runner goes away, so a crashed benchmark leaves no process behind. */
export function exitWithParent(): void {
  process.on("disconnect", () => process.exit(0));
}
