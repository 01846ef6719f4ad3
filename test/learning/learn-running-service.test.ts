// `npm run learn` in the zero-config mode (no REDIS_URL): the model must land where the service
// reads it — the Redis of the service running on the data folder, or, with none running, the data
// folder's Redis the service uses at its next start.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterEach, describe, expect, it } from "vitest";
import { freeLoopbackPort } from "../../src/embedded/redis-server.ts";
import { waitFor } from "../support/service.ts";

const TOKEN = "learn-running-service-admin-token";

function baseEnv(dataDir: string, port: number): Record<string, string> {
  return {
    PATH: process.env.PATH ?? "",
    NODE_ENV: "test",
    HOST: "127.0.0.1",
    PORT: String(port),
    REDIS_DATA_DIR: dataDir,
    LEARN_INTERVAL: "off",
    SANDBOX_DEMO_TICKETS: "off",
    SANDBOX_AUTOMATIONS: "off",
    MCP_TOKENS: `admin:${TOKEN}:read,write,admin`,
  };
}

type Running = { child: ChildProcess; url: string; exited: Promise<number | null> };

const children: ChildProcess[] = [];
const folders: string[] = [];
afterEach(() => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null && child.pid)
      process.kill(-child.pid, "SIGKILL");
  }
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function dataFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), "learn-service-"));
  folders.push(folder);
  return folder;
}

/** The real entry point (`npm start`), in its own process group so its redis-server goes with it. */
async function startService(env: Record<string, string>): Promise<Running> {
  const child = spawn(process.execPath, ["src/main.ts"], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...env, LOG_LEVEL: "info" },
  });
  children.push(child);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let url: string | undefined;
  createInterface({ input: child.stdout! }).on("line", (line) => {
    try {
      const log = JSON.parse(line) as { msg?: string; url?: string };
      if (log.msg === "service started") url = log.url;
    } catch {
      // not a log line
    }
  });
  child.stderr!.resume();
  await waitFor(async () => url !== undefined, 60_000, 100);
  return { child, url: url!, exited };
}

async function stopService(service: Running): Promise<void> {
  process.kill(-service.child.pid!, "SIGTERM");
  await service.exited;
}

/** `node src/learning/main.ts`, what `npm run learn` runs. */
function learn(env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ["src/learning/main.ts"], {
      env: { ...env, LOG_LEVEL: "silent" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.once("error", reject);
    child.once("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

async function quality(url: string): Promise<{ model: { version: number; learnedFrom: number } | null }> {
  const response = await fetch(`${url}/admin/quality`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as { model: { version: number; learnedFrom: number } | null };
}

describe("npm run learn without REDIS_URL", () => {
  it("learns into the running service's Redis and account, and the service shows the new model", {
    timeout: 180_000,
  }, async () => {
    const env = baseEnv(dataFolder(), 0);
    const service = await startService(env);
    expect((await quality(service.url)).model).toBeNull();

    const run = await learn(env);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Learning into the Redis of the service running on .* \(PID \d+\)/);
    expect(run.stdout).toContain(`Learning from the running service's sandbox at ${service.url}/sandbox.`);
    expect(run.stdout).toContain("Model version 1 is now in use.");

    const shown = await quality(service.url);
    expect(shown.model?.version).toBe(1);
    expect(shown.model?.learnedFrom).toBeGreaterThan(800);
    await stopService(service);
  });

  it("with no service running, says so and learns into the data folder's Redis for the service's next start", {
    timeout: 180_000,
  }, async () => {
    const folder = dataFolder();
    const env = baseEnv(folder, await freeLoopbackPort());
    const run = await learn(env);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`No service is running on the data folder ${folder}`);
    expect(run.stdout).toContain("Model version 1 is now in use.");
    // Its Redis was stopped at the end: the folder is free for the service.
    expect(existsSync(join(folder, "embedded-redis.pid"))).toBe(false);

    const service = await startService(env);
    const shown = await quality(service.url);
    expect(shown.model?.version).toBe(1);
    await stopService(service);
  });
});
