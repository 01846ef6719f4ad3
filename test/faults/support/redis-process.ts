import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pingRedis } from "../../../src/embedded/redis-server.ts";
import { freePort, waitFor } from "./processes.ts";

/**
 * A redis-server of its own for one scenario file, on a fixed port and data dir so it can be
 * killed with SIGKILL and started again on the same data (AOF everysec, like the embedded one).
 */
export type RedisProcess = {
  port: number;
  url: string;
  dataDir: string;
  running(): boolean;
  /** SIGKILL by default: no shutdown save, only what the AOF already holds survives. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts again on the same port and data dir and waits for PONG. */
  start(): Promise<void>;
  /** Stops the server and removes its data. */
  destroy(): Promise<void>;
};

export async function startRedisProcess(): Promise<RedisProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), "triage-faults-redis-"));
  const port = await freePort();
  let child: ChildProcess | undefined;
  const running = () => child !== undefined && child.exitCode === null && child.signalCode === null;

  async function start() {
    child = spawn(
      "redis-server",
      [
        "--port",
        String(port),
        "--bind",
        "127.0.0.1",
        "--dir",
        dataDir,
        "--appendonly",
        "yes",
        "--appendfsync",
        "everysec",
        "--save",
        "",
        "--maxmemory-policy",
        "noeviction",
        "--daemonize",
        "no",
        "--loglevel",
        "warning",
      ],
      { stdio: "ignore" },
    );
    await waitFor("redis-server to answer PING", () => pingRedis(port), 10_000);
  }

  async function kill(signal: NodeJS.Signals = "SIGKILL") {
    const current = child;
    if (!current || !running()) return;
    const exited = new Promise<void>((resolve) => current.once("exit", () => resolve()));
    current.kill(signal);
    await exited;
  }

  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    dataDir,
    running,
    kill,
    start,
    async destroy() {
      await kill("SIGKILL");
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
