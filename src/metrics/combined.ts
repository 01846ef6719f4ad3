import { AggregatorRegistry } from "prom-client";
import type { MetricsJson } from "../worker-thread/messages.ts";
import type { Metrics } from "./metrics.ts";

/**
 * One /metrics for the all-in-one process: the web side's figures plus its worker thread's.
 * Counters and histograms add up (each side counts its own events). The thread's process and
 * Node.js figures are left out (the process is counted once, by the web side), and so are its
 * gauges where the web side has values: queue depth and the shared Freshdesk budget are read
 * from Redis by the web side at each scrape.
 */
export function withWorkerThreadMetrics(
  own: Metrics,
  thread: () => Promise<MetricsJson>,
): Pick<Metrics, "render" | "contentType"> {
  return {
    contentType: own.contentType,
    async render() {
      const [mine, theirs] = await Promise.all([own.json(), thread()]);
      const measured = new Set(mine.filter((m) => m.values.length > 0).map((m) => m.name));
      const added = theirs.filter(
        (m) => !/^(process|nodejs)_/.test(m.name) && !(String(m.type) === "gauge" && measured.has(m.name)),
      );
      return AggregatorRegistry.aggregate([mine, added]).metrics();
    },
  };
}
