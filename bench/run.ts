// `npm run bench [-- <name>...] [--quick] [--budget-window-ms N] [--worker-concurrency N] [--learning-data FILE]`: runs the
// benchmarks, prints one Markdown table each, merges the figures into bench/results/latest.json and
// regenerates docs/benchmarks.md from it.
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config.ts";
import { budgetBenchmark } from "./budget.ts";
import { creditsBenchmark } from "./credits.ts";
import { endToEndBenchmark } from "./end-to-end.ts";
import { freshserviceCreditsBenchmark } from "./freshservice-credits.ts";
import { intakeBenchmark } from "./intake.ts";
import { intakeAllInOneBenchmark } from "./intake-all-in-one.ts";
import { learningBenchmark } from "./learning.ts";
import { mcpHopBenchmark } from "./mcp-hop.ts";
import { memoryBenchmark } from "./memory.ts";
import type { BenchOptions } from "./options.ts";
import { writeBenchmarksDoc } from "./support/benchmarks-doc.ts";
import { repoPath } from "./support/processes.ts";
import { type BenchResult, describeMachine, markdownTable, writeResults } from "./support/report.ts";

const BENCHMARKS: Record<string, (options: BenchOptions) => Promise<BenchResult>> = {
  intake: intakeBenchmark,
  "intake-all-in-one": intakeAllInOneBenchmark,
  "end-to-end": endToEndBenchmark,
  "mcp-hop": mcpHopBenchmark,
  credits: creditsBenchmark,
  "freshservice-credits": freshserviceCreditsBenchmark,
  budget: budgetBenchmark,
  memory: memoryBenchmark,
  learning: learningBenchmark,
};

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    quick: { type: "boolean", default: false },
    "budget-window-ms": { type: "string", default: "5000" },
    "learning-data": { type: "string" },
    // The service's own default, so the figures describe what an unconfigured install does.
    "worker-concurrency": { type: "string", default: String(loadConfig({}).triage.concurrency) },
  },
});

const unknown = positionals.filter((name) => !(name in BENCHMARKS));
if (unknown.length > 0) {
  console.error(
    `Unknown benchmark ${unknown.join(", ")}; choose from: ${Object.keys(BENCHMARKS).join(", ")}`,
  );
  process.exit(2);
}
const budgetWindowMs = Number(values["budget-window-ms"]);
if (!Number.isInteger(budgetWindowMs) || budgetWindowMs < 1000) {
  console.error(`--budget-window-ms must be a whole number of milliseconds, at least 1000`);
  process.exit(2);
}
const workerConcurrency = Number(values["worker-concurrency"]);
if (!Number.isInteger(workerConcurrency) || workerConcurrency < 1 || workerConcurrency > 256) {
  console.error(`--worker-concurrency must be a whole number from 1 to 256`);
  process.exit(2);
}
const options: BenchOptions = {
  quick: values.quick === true,
  budgetWindowMs,
  workerConcurrency,
  learningData: values["learning-data"],
};
const selected = positionals.length > 0 ? positionals : Object.keys(BENCHMARKS);
const machine = describeMachine();
console.log(
  `## Benchmarks\n\nMachine: ${machine.nproc} × ${machine.cpu}, Node ${machine.node}, redis-server ${machine.redis}, ${machine.os}${options.quick ? " (quick mode: figures not comparable)" : ""}\n`,
);

const results: BenchResult[] = [];
let failed = false;
for (const name of selected) {
  console.error(`running ${name}…`);
  try {
    const loadAverageAtStart = loadavg()[0];
    const result = { ...(await BENCHMARKS[name]!(options)), loadAverageAtStart };
    results.push(result);
    console.log(`${markdownTable(result)}\n`);
  } catch (error) {
    failed = true;
    console.error(
      `${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  }
}
if (!options.quick) {
  writeResults(repoPath("bench/results/latest.json"), machine, results);
  writeBenchmarksDoc(repoPath("bench/results/latest.json"), repoPath("docs/benchmarks.md"));
}
process.exit(failed ? 1 : 0);
