import { type ChildProcess, fork, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Absolute path of a file in this repository, from the repository root. */
export function repoPath(relative: string): string {
  return fileURLToPath(new URL(`../../${relative}`, import.meta.url));
}

/** Production refuses to start without SECRET_KEY; the benchmarks' services use this one. */
export const BENCH_SECRET_KEY = "bench-secret-key-0123456789abcdef0123456789";

/** A small, explicit environment: nothing from the caller's shell leaks into what is measured. */
export function childEnv(overrides: Record<string, string>): Record<string, string> {
  return {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? "/tmp",
    ...overrides,
  };
}

export type BenchChild = {
  child: ChildProcess;
  ready: Record<string, unknown>;
  ask<T>(type: string, payload?: Record<string, unknown>): Promise<T>;
  /** Asks the child to stop, then SIGKILLs it (by its pid) if it has not exited in time. */
  stop(): Promise<void>;
};

/** Forks a TypeScript entry with IPC and waits for its `{type: "ready"}` message. */
export async function forkChild(
  script: string,
  options: { args?: string[]; env: Record<string, string>; execArgv?: string[]; readyTimeoutMs?: number },
): Promise<BenchChild> {
  const child = fork(repoPath(script), options.args ?? [], {
    env: options.env,
    execArgv: options.execArgv ?? [],
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  const ready = await new Promise<Record<string, unknown>>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${script} was not ready within ${options.readyTimeoutMs ?? 30_000} ms`)),
      options.readyTimeoutMs ?? 30_000,
    );
    child.on("message", (message: { type?: string }) => {
      if (message.type === "ready") {
        clearTimeout(timer);
        resolve(message as Record<string, unknown>);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with code ${code} before it was ready`));
    });
  });

  let nextId = 1;
  const ask = <T>(type: string, payload: Record<string, unknown> = {}) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      const onMessage = (message: { id?: number; ok?: boolean; result?: unknown; error?: string }) => {
        if (message.id !== id) return;
        child.off("message", onMessage);
        if (message.ok) resolve(message.result as T);
        else reject(new Error(`${script}: ${message.error}`));
      };
      child.on("message", onMessage);
      child.send({ id, type, ...payload });
    });

  return { child, ready, ask, stop: () => stopChild(child, () => child.send({ id: 0, type: "stop" })) };
}

export async function stopChild(child: ChildProcess, askToStop: () => void, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    askToStop();
  } catch {
    child.kill("SIGTERM");
  }
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}

export type SandboxProcess = { child: ChildProcess; baseUrl: string; stop(): Promise<void> };

/** The standalone Freshdesk sandbox (`node src/sandbox/main.ts`) on a free loopback port. */
export async function startSandboxProcess(plan: string, apiKey = "sandbox"): Promise<SandboxProcess> {
  const child = spawn(
    process.execPath,
    [repoPath("src/sandbox/main.ts"), "--port", "0", "--plan", plan, "--key", apiKey],
    { env: childEnv({}), stdio: ["ignore", "pipe", "inherit"] },
  );
  const baseUrl = await new Promise<string>((resolve, reject) => {
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^\s]+)\/api\/v2/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`the sandbox exited with code ${code}: ${output}`)));
  });
  child.stdout.resume();
  return { child, baseUrl, stop: () => stopChild(child, () => child.kill("SIGTERM")) };
}

/** Spawns a process running a TypeScript entry and resolves with its exit code. */
export function spawnNode(script: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [repoPath(script)], { env, stdio: ["ignore", "ignore", "inherit"] });
}
