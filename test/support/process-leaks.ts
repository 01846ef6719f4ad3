import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import type { TestProject } from "vitest/node";

/**
 * The suite-level check that no process a test started outlives the run (a vitest globalSetup).
 * Every child a test starts carries TEST_RUN_ENV=<this run's id> in its environment (see
 * mark-children.ts), and so do its own children unless they clear their environment. At the end
 * of the run, any process still carrying this run's id is a leak: the check waits a moment for
 * processes still shutting down, then stops the survivors and fails the run, naming them.
 */
export const TEST_RUN_ENV = "FRESHDESK_TRIAGE_TEST_RUN";

declare module "vitest" {
  export interface ProvidedContext {
    testRunId: string;
  }
}

const GRACE_MS = 5000;
let runId: string | undefined;

export function setup(project: TestProject): void {
  runId = `${process.pid}-${randomUUID()}`;
  project.provide("testRunId", runId);
}

export async function teardown(): Promise<void> {
  if (!runId) return;
  const id = runId;
  const deadline = Date.now() + GRACE_MS;
  let survivors = processesOfRun(id);
  while (survivors.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    survivors = processesOfRun(id);
  }
  if (survivors.length === 0) return;
  for (const { pid } of survivors) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Exited in the meantime.
    }
  }
  // vitest only logs an error thrown by a teardown; the exit code is what fails CI.
  process.exitCode = 1;
  throw new Error(
    `${survivors.length} process(es) started by tests outlived the run (now killed):\n` +
      survivors.map(({ pid, command }) => `  PID ${pid}: ${command}`).join("\n"),
  );
}

/** Processes whose environment carries this run's id (Linux /proc; elsewhere nothing is checked). */
export function processesOfRun(id: string): Array<{ pid: number; command: string }> {
  const mark = `${TEST_RUN_ENV}=${id}`;
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return [];
  }
  const found: Array<{ pid: number; command: string }> = [];
  for (const entry of entries) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      if (!readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").includes(mark)) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // A zombie has exited already; its parent just has not reaped it yet.
      if (/^\d+ \(.*\) Z /s.test(stat)) continue;
      const command = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim();
      found.push({ pid, command });
    } catch {
      // Gone, or not ours to read: either way not a process of this run.
    }
  }
  return found;
}
