import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname } from "node:path";
import { round } from "./stats.ts";

/**
 * One benchmark's figures: printed as a Markdown table and written as JSON. A figure with a
 * baseline carries the baseline measured in the same run and the ratio ours / baseline.
 */
export type Figure = {
  figure: string;
  value: number;
  unit: string;
  baseline?: { label: string; value: number } | undefined;
  /** e.g. "≥ 3000" — compared by `met`. */
  target?: { text: string; met: boolean } | undefined;
};

export type BenchResult = {
  name: string;
  title: string;
  figures: Figure[];
  /** How it was measured: settings, process layout, what the baseline is. */
  notes: string[];
  durationSeconds: number;
  /** 1-minute load average when the benchmark started: other work on the machine skews figures. */
  loadAverageAtStart?: number;
};

export function figure(
  name: string,
  value: number,
  unit: string,
  extra: { baseline?: Figure["baseline"]; target?: { atLeast?: number; atMost?: number } } = {},
): Figure {
  const result: Figure = { figure: name, value, unit };
  if (extra.baseline) result.baseline = extra.baseline;
  const { atLeast, atMost } = extra.target ?? {};
  if (atLeast !== undefined) result.target = { text: `≥ ${atLeast}`, met: value >= atLeast };
  if (atMost !== undefined) result.target = { text: `≤ ${atMost}`, met: value <= atMost };
  return result;
}

function show(value: number): string {
  if (!Number.isFinite(value)) return "n/a";
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString("en-US");
  return String(round(value, 2));
}

export function markdownTable(result: BenchResult): string {
  const lines = [
    `### ${result.title}`,
    "",
    "| figure | ours | baseline (same run) | ratio | target |",
    "|---|---:|---:|---:|---|",
  ];
  for (const f of result.figures) {
    const baseline = f.baseline ? `${show(f.baseline.value)} ${f.unit} (${f.baseline.label})` : "—";
    const ratioText =
      f.baseline && f.baseline.value !== 0 && Number.isFinite(f.baseline.value)
        ? `${round(f.value / f.baseline.value, 2)}×`
        : "—";
    const target = f.target ? `${f.target.text} ${f.target.met ? "✅ met" : "❌ missed"}` : "—";
    lines.push(`| ${f.figure} | ${show(f.value)} ${f.unit} | ${baseline} | ${ratioText} | ${target} |`);
  }
  lines.push("");
  for (const note of result.notes) lines.push(`- ${note}`);
  const load =
    result.loadAverageAtStart === undefined
      ? ""
      : `, load average at start ${round(result.loadAverageAtStart, 2)}`;
  lines.push(`- took ${Math.round(result.durationSeconds)} s${load}`);
  return lines.join("\n");
}

export type Machine = { nproc: number; cpu: string; node: string; redis: string; os: string };

export function describeMachine(): Machine {
  let redis = "unknown";
  try {
    redis = execFileSync("redis-server", ["--version"], { encoding: "utf8" }).split(" ")[2] ?? redis;
  } catch {
    // Reported as unknown; the benchmarks that need Redis fail with their own message.
  }
  let cpu = cpus()[0]?.model ?? "unknown";
  try {
    cpu = /model name\s*:\s*(.*)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? cpu;
  } catch {
    // Not Linux: keep os.cpus()'s model.
  }
  return {
    nproc: cpus().length,
    cpu,
    node: process.version,
    redis: redis.replace(/^v=/, ""),
    os: `${process.platform} ${process.arch}`,
  };
}

/**
 * Merges this run's results into the JSON file by benchmark name, so running one benchmark keeps
 * the others' latest figures (each with its own timestamp).
 */
export function writeResults(path: string, machine: Machine, results: BenchResult[]): void {
  let previous: { benchmarks?: Record<string, unknown> } = {};
  try {
    previous = JSON.parse(readFileSync(path, "utf8"));
  } catch {
    // First run, or an unreadable file: start afresh.
  }
  const benchmarks: Record<string, unknown> = { ...previous.benchmarks };
  const at = new Date().toISOString();
  for (const result of results) benchmarks[result.name] = { at, machine, ...result };
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify({ updatedAt: at, machine, benchmarks }, null, 2)}\n`);
}
