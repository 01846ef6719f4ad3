import { performance } from "node:perf_hooks";
import { callTool, connectInProcessClient } from "../src/mcp/in-process-client.ts";
import { pipelinePolicy } from "../src/mcp/pipeline-policy.ts";
import type { BenchOptions } from "./options.ts";
import { buildMcpDeps } from "./support/mcp-deps.ts";
import { startSandboxProcess } from "./support/processes.ts";
import { startBenchRedis } from "./support/redis.ts";
import { type BenchResult, figure } from "./support/report.ts";
import { summarize } from "./support/stats.ts";

/**
 * MCP hop: what the in-process MCP client (policy, validation, error boundary, output shaping)
 * adds to a Freshdesk call. `get_ticket` through callTool against `tickets.get` on the same
 * client, one call at a time, alternating in blocks so drift hits both alike. The sandbox runs
 * in its own process on the unlimited plan.
 */
export async function mcpHopBenchmark(options: BenchOptions): Promise<BenchResult> {
  const started = Date.now();
  const calls = options.quick ? 300 : 3000;
  const block = 100;
  const redis = await startBenchRedis();
  const sandbox = await startSandboxProcess("unlimited");
  const { freshdesk, deps } = buildMcpDeps({
    freshdeskBaseUrl: sandbox.baseUrl,
    apiKey: "sandbox",
    redis: redis.client,
    keyPrefix: "bench-mcp",
  });
  const client = await connectInProcessClient(deps, pipelinePolicy());
  try {
    const [ticket] = (await freshdesk.tickets.list({ perPage: 1 })).items;
    if (!ticket) throw new Error("the sandbox has no ticket to read");
    const direct = () => freshdesk.tickets.get(ticket.id);
    const viaMcp = () => callTool(client, "get_ticket", { ticket_id: ticket.id, include: [] });
    const timed = async (call: () => Promise<unknown>, into: number[]) => {
      const start = performance.now();
      await call();
      into.push(performance.now() - start);
    };
    const warmup: number[] = [];
    for (let i = 0; i < 200; i++) {
      await timed(direct, warmup);
      await timed(viaMcp, warmup);
    }
    const directMs: number[] = [];
    const mcpMs: number[] = [];
    for (let done = 0; done < calls; done += block) {
      for (let i = 0; i < block; i++) await timed(direct, directMs);
      for (let i = 0; i < block; i++) await timed(viaMcp, mcpMs);
    }
    const ours = summarize(mcpMs);
    const base = summarize(directMs);
    const label = "direct client tickets.get";
    return {
      name: "mcp-hop",
      title: "MCP hop: in-process get_ticket vs the direct client call",
      figures: [
        figure("get_ticket via in-process MCP, p50", ours.p50, "ms", {
          baseline: { label, value: base.p50 },
        }),
        figure("get_ticket via in-process MCP, p99", ours.p99, "ms", {
          baseline: { label, value: base.p99 },
        }),
        figure("added by the MCP hop, p50", ours.p50 - base.p50, "ms"),
      ],
      notes: [
        `${calls} sequential calls each, alternating in blocks of ${block} after 200 warm-up pairs; same ticket, same Freshdesk client (with its Redis rate governor), no includes, so both cost one credit.`,
        "The MCP path adds: the SDK client and server over the in-memory transport, the pipeline policy check, input validation, the error boundary and output shaping (names beside ids from the cached account directory).",
        "The sandbox runs in its own process (unlimited plan); redis-server with AOF everysec.",
      ],
      durationSeconds: (Date.now() - started) / 1000,
    };
  } finally {
    await client.close();
    await sandbox.stop();
    await redis.stop();
  }
}
