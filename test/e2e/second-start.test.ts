import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freeLoopbackPort } from "../../src/embedded/redis-server.ts";
import { waitFor } from "../support/service.ts";

/**
 * `npm start` twice in the same folder, as a new user might: the second refuses with one
 * paragraph naming the running service, and the first keeps working.
 */
describe("a second `npm start` in the same data folder", () => {
  const ROOT = join(import.meta.dirname, "../..");
  const dataDir = mkdtempSync(join(tmpdir(), "triage-second-start-"));
  const children: ChildProcess[] = [];
  afterAll(async () => {
    for (const child of children) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  function start(port: number) {
    const child = spawn(process.execPath, ["src/main.ts"], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        PORT: String(port),
        HOST: "127.0.0.1",
        LOG_LEVEL: "silent",
        REDIS_DATA_DIR: dataDir,
        SANDBOX_DEMO_TICKETS: "off",
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    children.push(child);
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    return { child, exited, stderr: () => stderr };
  }
  const ready = async (port: number) =>
    (await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined))?.ok === true;

  it("refuses, naming the running service, and leaves it working", { timeout: 60_000 }, async () => {
    const firstPort = await freeLoopbackPort();
    const first = start(firstPort);
    await waitFor(() => ready(firstPort), 30_000, 100);

    const second = start(await freeLoopbackPort());
    expect(await second.exited).toBe(1);
    expect(second.stderr()).toMatch(
      new RegExp(`The data folder ${dataDir} is in use by the service at PID ${first.child.pid}, port \\d+`),
    );

    expect(first.child.exitCode).toBeNull();
    expect(await ready(firstPort)).toBe(true);
  });
});
