import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The suite-level check (test/support/process-leaks.ts) run on small fixture suites in a vitest
 * of their own: a suite that leaves a process behind fails and the process is stopped; a suite
 * that stops what it starts passes; processes another run started are not its business.
 */
const ROOT = join(import.meta.dirname, "../..");
const CONFIG = join(import.meta.dirname, "fixtures/vitest.config.ts");

function runFixture(name: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(ROOT, "node_modules/vitest/vitest.mjs"), "run", "--config", CONFIG, name],
      { cwd: ROOT, env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    const keep = (chunk: Buffer) => {
      output += chunk.toString();
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, output }));
  });
}

/** Running (a zombie waiting for its new parent to reap it counts as gone). */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z /s.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

describe("the suite-level check for processes that outlive the run", { timeout: 60_000 }, () => {
  it("fails a run that leaves a process behind, names it and stops it", async () => {
    // Started by this (outer) run, alive throughout: the inner run must leave it alone.
    const bystander = spawn("sleep", ["300"], { stdio: "ignore" });
    try {
      const { code, output } = await runFixture("leaves-a-process");
      expect(code, output).not.toBe(0);
      const leaked = /PID (\d+): sleep 300/.exec(output);
      expect(leaked, output).not.toBeNull();
      const redis = /PID (\d+): redis-server/.exec(output);
      expect(redis, output).not.toBeNull();
      expect(output).toMatch(/2 process\(es\) started by tests outlived the run/);
      expect(alive(Number(leaked![1]))).toBe(false);
      expect(alive(Number(redis![1]))).toBe(false);
      expect(output).not.toContain(`PID ${bystander.pid}:`);
      expect(alive(bystander.pid!)).toBe(true);
    } finally {
      const exited = new Promise((resolve) => bystander.once("exit", resolve));
      bystander.kill("SIGKILL");
      await exited;
    }
  });

  it("passes a run that stops the processes it starts", async () => {
    const { code, output } = await runFixture("stops-its-processes");
    expect(code, output).toBe(0);
    expect(output).not.toMatch(/outlived the run/);
  });
});
