import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

/**
 * The suite-level check that no process a test started outlives the run (a vitest globalSetup).
 * Every child a test starts carries TEST_RUN_ENV=<this run's id> in its environment (see
 * mark-children.ts), and so do its own children unless they clear their environment; each direct
 * child is also written to the run's registry (PID and start time), since some programs
 * (redis-server) overwrite their environment with their process title. At the end of the run, any
 * process still carrying this run's id, or still running as a registered child, is a leak: the
 * check waits a moment for processes still shutting down, then stops the survivors and fails the
 * run, naming them.
 */
export const TEST_RUN_ENV = "FRESHDESK_TRIAGE_TEST_RUN";

declare module "vitest" {
  export interface ProvidedContext {
    testRunId: string;
    /** A file each test worker appends "<pid> <start time>" to for every child it starts. */
    testRunRegistry: string;
  }
}

const GRACE_MS = 5000;
let runId: string | undefined;
let runDir: string | undefined;

export function setup(project: TestProject): void {
  runId = `${process.pid}-${randomUUID()}`;
  runDir = mkdtempSync(join(tmpdir(), "triage-test-run-"));
  project.provide("testRunId", runId);
  project.provide("testRunRegistry", join(runDir, "children"));
}

export async function teardown(): Promise<void> {
  if (!runId || !runDir) return;
  const [id, registry] = [runId, join(runDir, "children")];
  const deadline = Date.now() + GRACE_MS;
  let survivors = processesOfRun(id, registry);
  while (survivors.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    survivors = processesOfRun(id, registry);
  }
  rmSync(runDir, { recursive: true, force: true });
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

/**
 * Running processes whose environment carries this run's id, or that the registry lists (same PID
 * and start time). Linux /proc; elsewhere nothing is checked.
 */
export function processesOfRun(id: string, registry: string): Array<{ pid: number; command: string }> {
  const mark = `${TEST_RUN_ENV}=${id}`;
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return [];
  }
  const registered = new Map<number, string>();
  try {
    for (const line of readFileSync(registry, "utf8").split("\n")) {
      const [pid, startedAt] = line.split(" ");
      if (pid && startedAt) registered.set(Number(pid), startedAt);
    }
  } catch {
    // No child started yet.
  }
  const found: Array<{ pid: number; command: string }> = [];
  for (const entry of entries) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // A zombie has exited already; its parent just has not reaped it yet.
      if (statFields(stat)[0] === "Z") continue;
      const ofRun =
        registered.get(pid) === statFields(stat)[19] ||
        readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").includes(mark);
      if (!ofRun) continue;
      const command = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim();
      found.push({ pid, command });
    } catch {
      // Gone, or not ours to read: either way not a process of this run.
    }
  }
  return found;
}

/** The process's start time in clock ticks since boot, undefined once it is gone. */
export function startTimeOf(pid: number): string | undefined {
  try {
    return statFields(readFileSync(`/proc/${pid}/stat`, "utf8"))[19];
  } catch {
    return undefined;
  }
}

/** /proc/<pid>/stat from the state field on (field 3 is index 0), past the parenthesised name. */
function statFields(stat: string): string[] {
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}
