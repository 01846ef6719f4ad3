import { type ChildProcess, spawn } from "node:child_process";
import { freeLoopbackPort } from "../../../src/embedded/redis-server.ts";

/**
 * Child processes for the fault suite: the web process, workers and the standalone sandbox run
 * as real `node` processes so they can be killed with real signals. Their output is kept (the
 * tail only) so a failing scenario can show what the process said.
 */
export type ChildService = {
  name: string;
  child: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal) once the process is gone. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  running(): boolean;
  output(): string;
  /** Sends the signal and waits for the exit. */
  kill(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

const OUTPUT_TAIL = 20_000;

export function spawnNode(name: string, args: string[], env: Record<string, string>): ChildService {
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-OUTPUT_TAIL);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const running = () => child.exitCode === null && child.signalCode === null;
  return {
    name,
    child,
    exited,
    running,
    output: () => output,
    async kill(signal = "SIGKILL") {
      if (running()) child.kill(signal);
      return exited;
    },
  };
}

/** A loopback port that was free a moment ago (for processes that need a fixed port). */
export const freePort = freeLoopbackPort;

export async function waitFor(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
  intervalMs = 50,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    // A thrown error (e.g. "the process exited") ends the wait at once.
    if (await check()) return;
    await sleep(intervalMs);
  }
  throw new Error(`${what}: not reached within ${timeoutMs} ms`);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits until a line of the process's output matches, e.g. the sandbox's "listening on" line. */
export async function waitForOutput(service: ChildService, pattern: RegExp, timeoutMs: number) {
  let match: RegExpExecArray | null = null;
  await waitFor(
    `${service.name} to print ${pattern}`,
    () => {
      if (!service.running()) throw new Error(`${service.name} exited:\n${service.output()}`);
      match = pattern.exec(service.output());
      return match !== null;
    },
    timeoutMs,
  ).catch((error: unknown) => {
    throw new Error(`${String(error)}\n--- ${service.name} output ---\n${service.output()}`);
  });
  return match as unknown as RegExpExecArray;
}
