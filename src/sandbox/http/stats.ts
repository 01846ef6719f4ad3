// Request counters, readable in-process (`sandbox.stats()`) and over HTTP (`/_sandbox/stats`)
// so benchmarks can see exactly what a client cost.
import { wireTime } from "../wire-time.ts";

export type EndpointStats = { requests: number; credits: number; rateLimited: number };

export type SandboxStats = {
  since: string;
  totalRequests: number;
  /** Credits charged against the rate limit (429 responses charge nothing). */
  totalCredits: number;
  rateLimited: number;
  byStatus: Record<string, number>;
  /** Keyed like `GET /tickets/:id`; unknown routes count under `<METHOD> (unmatched)`. */
  endpoints: Record<string, EndpointStats>;
};

export class StatsRecorder {
  readonly #now: () => number;
  #stats: SandboxStats;

  constructor(now: () => number) {
    this.#now = now;
    this.#stats = this.#empty();
  }

  record(routeKey: string, status: number, credits: number): void {
    const stats = this.#stats;
    const endpoint = stats.endpoints[routeKey] ?? { requests: 0, credits: 0, rateLimited: 0 };
    stats.endpoints[routeKey] = endpoint;
    const limited = status === 429;
    stats.totalRequests += 1;
    endpoint.requests += 1;
    if (limited) {
      stats.rateLimited += 1;
      endpoint.rateLimited += 1;
    } else {
      stats.totalCredits += credits;
      endpoint.credits += credits;
    }
    stats.byStatus[String(status)] = (stats.byStatus[String(status)] ?? 0) + 1;
  }

  snapshot(): SandboxStats {
    return structuredClone(this.#stats);
  }

  reset(): void {
    this.#stats = this.#empty();
  }

  #empty(): SandboxStats {
    return {
      since: wireTime(this.#now()),
      totalRequests: 0,
      totalCredits: 0,
      rateLimited: 0,
      byStatus: {},
      endpoints: {},
    };
  }
}
