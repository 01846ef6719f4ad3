import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { join } from "node:path";
import { MissingDependencyError } from "../errors.ts";
import { lockDataDir } from "./data-dir-lock.ts";

export type EmbeddedRedis = { url: string; port: number; dataDir: string; stop(): Promise<void> };

export type EmbeddedRedisOptions = {
  dataDir: string;
  /** Path or name of the redis-server binary. */
  binary?: string;
  /** Persist with AOF everysec (the default); tests that only need speed may turn it off. */
  appendOnly?: boolean;
  startTimeoutMs?: number;
};

export const REDIS_MISSING_HELP =
  "redis-server was not found. The zero-config start runs a private Redis and needs the " +
  "redis-server binary: on Debian/Ubuntu run `sudo apt-get update && sudo apt-get install -y " +
  "redis-server`, on macOS `brew install redis`. Or point the service at an existing Redis " +
  "(6.2 or newer) with REDIS_URL=redis://host:6379.";

export function redisServerAvailable(binary = "redis-server"): boolean {
  const probe = spawnSync(binary, ["--version"], { stdio: "ignore" });
  return probe.error === undefined && probe.status === 0;
}

/**
 * Starts a private redis-server child on a free loopback port with AOF `everysec` and
 * `noeviction` (BullMQ must never lose keys to eviction), waits for PING, and stops it on exit
 * and on SIGINT/SIGTERM. A pid file in the data dir (data-dir-lock.ts) makes a second start in
 * the same folder refuse while the first service runs, and lets the next start clean up a server
 * orphaned by a SIGKILL of its parent.
 */
export async function startEmbeddedRedis(options: EmbeddedRedisOptions): Promise<EmbeddedRedis> {
  const binary = options.binary ?? "redis-server";
  if (!redisServerAvailable(binary)) throw new MissingDependencyError(REDIS_MISSING_HELP);
  mkdirSync(options.dataDir, { recursive: true });
  const lock = lockDataDir(options.dataDir, join(options.dataDir, "embedded-redis.pid"));
  let port: number;
  try {
    port = await freeLoopbackPort();
  } catch (error) {
    lock.release();
    throw error;
  }
  const args = [
    "--port",
    String(port),
    "--bind",
    "127.0.0.1",
    "--dir",
    options.dataDir,
    "--appendonly",
    options.appendOnly === false ? "no" : "yes",
    "--appendfsync",
    "everysec",
    "--save",
    "",
    "--maxmemory-policy",
    "noeviction",
    "--protected-mode",
    "yes",
    "--daemonize",
    "no",
    "--loglevel",
    "warning",
  ];
  const child = spawn(binary, args, { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  if (child.pid) lock.update(child.pid, port);

  try {
    await waitForPing(port, child, options.startTimeoutMs ?? 10_000);
  } catch (error) {
    child.kill("SIGKILL");
    lock.release();
    throw new MissingDependencyError(`redis-server did not start on port ${port}: ${stderr.trim()}`, {
      cause: error,
    });
  }

  const onExit = () => {
    child.kill("SIGTERM");
    lock.release();
  };
  process.once("exit", onExit);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dataDir: options.dataDir,
    stop: async () => {
      process.removeListener("exit", onExit);
      await stopChild(child);
      lock.release();
    },
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

/** A loopback port that was free a moment ago. */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPing(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}`);
    if (await pingRedis(port)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no PONG within ${timeoutMs} ms`);
}

/** True when a Redis on this loopback port answers PONG (not while it is still loading its AOF). */
export function pingRedis(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => done(data.toString().startsWith("+PONG")));
  });
}
