import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { freeLoopbackPort, pingRedis, startEmbeddedRedis } from "../src/embedded/redis-server.ts";
import { DataDirInUseError, MissingDependencyError } from "../src/errors.ts";

describe("embedded redis-server", () => {
  const dir = mkdtempSync(join(tmpdir(), "embedded-redis-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("starts with AOF everysec and noeviction, answers, and stops", async () => {
    const server = await startEmbeddedRedis({ dataDir: dir });
    const client = new Redis(server.url);
    expect(await client.ping()).toBe("PONG");
    expect(await client.config("GET", "appendonly")).toEqual(["appendonly", "yes"]);
    expect(await client.config("GET", "appendfsync")).toEqual(["appendfsync", "everysec"]);
    expect(await client.config("GET", "maxmemory-policy")).toEqual(["maxmemory-policy", "noeviction"]);
    await client.set("k", "v");
    client.disconnect();
    await server.stop();

    const again = await startEmbeddedRedis({ dataDir: dir });
    const second = new Redis(again.url);
    expect(await second.get("k")).toBe("v");
    second.disconnect();
    await again.stop();
  });

  it("explains how to install redis-server when the binary is missing", async () => {
    const attempt = startEmbeddedRedis({ dataDir: dir, binary: "/nonexistent/redis-server" });
    await expect(attempt).rejects.toBeInstanceOf(MissingDependencyError);
    await expect(attempt).rejects.toThrow(/apt-get install -y redis-server.*REDIS_URL/s);
  });
});

describe("embedded redis-server: one service per data folder", () => {
  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  const newDir = () => {
    const dir = mkdtempSync(join(tmpdir(), "embedded-redis-owner-"));
    dirs.push(dir);
    return dir;
  };
  afterAll(async () => {
    await Promise.all(children.map((child) => stop(child)));
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  function started(child: ChildProcess): ChildProcess {
    children.push(child);
    return child;
  }
  async function stop(child: ChildProcess, signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill(signal);
    await exited;
  }
  /** The PID of a process that has exited (and so of no running service). */
  async function deadPid(): Promise<number> {
    const child = spawn("true");
    await new Promise((resolve) => child.once("exit", resolve));
    return child.pid!;
  }
  const pidFile = (dir: string) => join(dir, "embedded-redis.pid");
  const record = (dir: string) => JSON.parse(readFileSync(pidFile(dir), "utf8")) as Record<string, unknown>;

  /** Another Node process holding the folder with its embedded Redis, as `npm start` does. */
  async function holder(dir: string): Promise<{ child: ChildProcess; port: number }> {
    const module = join(import.meta.dirname, "../src/embedded/redis-server.ts");
    const code = [
      `import { startEmbeddedRedis } from ${JSON.stringify(module)};`,
      `const redis = await startEmbeddedRedis({ dataDir: ${JSON.stringify(dir)}, appendOnly: false });`,
      "process.on('SIGTERM', () => redis.stop().then(() => process.exit(0)));",
      "console.log(redis.port);",
    ].join("\n");
    const child = started(
      spawn(process.execPath, ["--input-type=module", "-e", code], { stdio: ["ignore", "pipe", "inherit"] }),
    );
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout!.once("data", (data: Buffer) => resolve(Number(data.toString())));
      child.once("exit", (code) => reject(new Error(`holder exited with ${code}`)));
    });
    return { child, port };
  }

  it("a second start refuses, naming the running service's PID and port, and the first keeps answering", async () => {
    const dir = newDir();
    const first = await holder(dir);
    const attempt = startEmbeddedRedis({ dataDir: dir, appendOnly: false });
    await expect(attempt).rejects.toBeInstanceOf(DataDirInUseError);
    await expect(attempt).rejects.toThrow(
      `The data folder ${dir} is in use by the service at PID ${first.child.pid}, port ${first.port}`,
    );
    expect(await pingRedis(first.port)).toBe(true);
    expect(record(dir)).toMatchObject({ owner: first.child.pid, port: first.port });

    // Once that service has stopped, the folder is free again.
    await stop(first.child, "SIGTERM");
    expect(existsSync(pidFile(dir))).toBe(false);
    const next = await startEmbeddedRedis({ dataDir: dir, appendOnly: false });
    expect(record(dir)).toMatchObject({ owner: process.pid, port: next.port });
    await next.stop();
  });

  it("refuses in the same process too while its first Redis runs", async () => {
    const dir = newDir();
    const first = await startEmbeddedRedis({ dataDir: dir, appendOnly: false });
    await expect(startEmbeddedRedis({ dataDir: dir, appendOnly: false })).rejects.toBeInstanceOf(
      DataDirInUseError,
    );
    expect(await pingRedis(first.port)).toBe(true);
    await first.stop();
  });

  it("cleans up a stale pid file: its service is gone, or its PID now belongs to another process", async () => {
    const stale = [
      { owner: await deadPid(), redisPid: await deadPid(), port: 1 },
      // This very PID, after a container restart: the file was not written by this process.
      { owner: process.pid, ownerStartedAt: "1", redisPid: await deadPid(), port: 1 },
      // A running process with a reused PID: its start time differs from the recorded one.
      { owner: started(spawn("sleep", ["30"])).pid, ownerStartedAt: "1", redisPid: await deadPid(), port: 1 },
      // The format before owners were recorded: the redis-server's PID alone.
      await deadPid(),
    ];
    for (const content of stale) {
      const dir = newDir();
      writeFileSync(pidFile(dir), JSON.stringify(content));
      const redis = await startEmbeddedRedis({ dataDir: dir, appendOnly: false });
      expect(record(dir)).toMatchObject({ owner: process.pid, port: redis.port });
      await redis.stop();
    }
  });

  it("stops the redis-server a killed service left behind, and starts its own", async () => {
    const dir = newDir();
    const port = await freeLoopbackPort();
    const orphan = started(spawn("redis-server", ["--port", String(port), "--save", "", "--dir", dir]));
    const exited = new Promise((resolve) => orphan.once("exit", resolve));
    await expect.poll(() => pingRedis(port)).toBe(true);
    writeFileSync(pidFile(dir), JSON.stringify({ owner: await deadPid(), redisPid: orphan.pid, port }));
    const redis = await startEmbeddedRedis({ dataDir: dir, appendOnly: false });
    await exited;
    expect(await pingRedis(redis.port)).toBe(true);
    await redis.stop();
  });
});
