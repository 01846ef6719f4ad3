import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { freshdeskEndpoint } from "../../src/metrics/freshdesk-endpoint.ts";
import { timeSteps } from "../../src/metrics/instrument.ts";
import { estimateCostUsd } from "../../src/metrics/llm-pricing.ts";
import { createMetrics } from "../../src/metrics/metrics.ts";
import { parseExposition, sum } from "./exposition.ts";

async function scrape(metrics: ReturnType<typeof createMetrics>) {
  return parseExposition(await metrics.render());
}

describe("estimated model cost", () => {
  it("prices known models per million input and output tokens", () => {
    expect(estimateCostUsd("gpt-4o-mini", 1_000_000, 0)).toBeCloseTo(0.15, 10);
    expect(estimateCostUsd("gpt-4o-mini", 0, 1_000_000)).toBeCloseTo(0.6, 10);
    expect(estimateCostUsd("gpt-4o", 1000, 1000)).toBeCloseTo((1000 * 2.5 + 1000 * 10) / 1e6, 12);
  });

  it("prices a dated snapshot like its family, and not a longer name by its prefix", () => {
    expect(estimateCostUsd("gpt-4o-mini-2024-07-18", 1_000_000, 0)).toBeCloseTo(0.15, 10);
    expect(estimateCostUsd("gpt-4o-2024-08-06", 1_000_000, 0)).toBeCloseTo(2.5, 10);
  });

  it("leaves unknown models uncosted", () => {
    expect(estimateCostUsd("llama3:8b", 1000, 1000)).toBeUndefined();
    expect(estimateCostUsd("gpt-4o-mini-custom", 1000, 1000)).toBeUndefined();
  });
});

describe("Freshdesk endpoint label", () => {
  it("replaces ids and anything that is not a resource word", () => {
    expect(freshdeskEndpoint("/tickets/123")).toBe("/tickets/:id");
    expect(freshdeskEndpoint("/tickets/123/conversations")).toBe("/tickets/:id/conversations");
    expect(freshdeskEndpoint("/solutions/folders/9/articles")).toBe("/solutions/folders/:id/articles");
    expect(freshdeskEndpoint("/search/tickets?query=x")).toBe("/search/tickets");
    expect(freshdeskEndpoint("/contacts/jane@example.com")).toBe("/contacts/:param");
    expect(freshdeskEndpoint("/agents/me")).toBe("/agents/me");
    expect(freshdeskEndpoint("")).toBe("/");
  });
});

describe("recording", () => {
  it("labels skips by their reason only, never the detail", async () => {
    const metrics = createMetrics();
    metrics.triageRecorded({
      jobId: "j1",
      ticketId: 1,
      at: new Date().toISOString(),
      mode: "apply",
      outcome: "skipped",
      skipReason: "own_echo: the last update was ours (ticket 1, hash abc)",
    });
    const samples = await scrape(metrics);
    expect(sum(samples, "triage_skips_total", { reason: "own_echo" })).toBe(1);
    expect(samples.filter((s) => s.name === "triage_skips_total")).toHaveLength(1);
  });

  it("counts a failed read of the queue instead of failing the scrape", async () => {
    const metrics = createMetrics({
      queueCounts: async () => {
        throw new Error("redis is down");
      },
      rateBudget: async () => {
        throw new Error("redis is down");
      },
    });
    const samples = await scrape(metrics);
    expect(samples.some((s) => s.name === "triage_queue_jobs")).toBe(false);
    expect(sum(samples, "triage_metrics_collect_failures_total", { source: "queue" })).toBe(1);
    expect(sum(samples, "triage_metrics_collect_failures_total", { source: "freshdesk_budget" })).toBe(1);
  });

  it("keeps the last rate-limit headers seen when the shared budget has none", async () => {
    const metrics = createMetrics({ rateBudget: async () => ({ remaining: undefined, total: undefined }) });
    metrics.freshdeskCall({
      method: "GET",
      path: "/tickets/5",
      status: 200,
      durationMs: 12,
      rateLimit: { total: 400, remaining: 321 },
    });
    const samples = await scrape(metrics);
    expect(sum(samples, "triage_freshdesk_rate_limit_remaining")).toBe(321);
    expect(sum(samples, "triage_freshdesk_rate_limit_total")).toBe(400);
  });

  it("keeps registries of two instances apart", async () => {
    const a = createMetrics();
    const b = createMetrics();
    a.webhook({ result: "accepted" });
    expect(sum(await scrape(a), "triage_webhooks_received_total")).toBe(1);
    expect(sum(await scrape(b), "triage_webhooks_received_total")).toBe(0);
  });

  it("times named methods as steps, failures included, and leaves the others alone", async () => {
    const seen: string[] = [];
    const target = {
      base: 2,
      async double(n: number) {
        return n * this.base;
      },
      async broken(): Promise<number> {
        throw new Error("boom");
      },
      plain() {
        return "untouched";
      },
    };
    const timed = timeSteps(target, { double: "double", broken: "broken" }, (step) => seen.push(step));
    expect(await timed.double(21)).toBe(42);
    await expect(timed.broken()).rejects.toThrow("boom");
    expect(timed.plain()).toBe("untouched");
    expect(seen).toEqual(["double", "broken"]);
  });
});

describe("METRICS_TOKEN", () => {
  it("is optional and, when set, must be long enough", () => {
    expect(loadConfig({ NODE_ENV: "test" }).metrics.token).toBeUndefined();
    expect(loadConfig({ NODE_ENV: "test", METRICS_TOKEN: "a-long-scrape-token" }).metrics.token).toBe(
      "a-long-scrape-token",
    );
    expect(() => loadConfig({ NODE_ENV: "test", METRICS_TOKEN: "short" })).toThrow(
      /METRICS_TOKEN must be at least 16 characters/,
    );
  });
});
