import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freeLoopbackPort } from "../../src/embedded/redis-server.ts";
import { waitFor } from "../support/service.ts";

/** What `npm start` tells a new user to try must work as printed. */
describe("the zero-config start's example", () => {
  const ROOT = join(import.meta.dirname, "../..");
  const dataDir = mkdtempSync(join(tmpdir(), "triage-banner-"));
  let child: ChildProcess | undefined;
  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child!.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("names a ticket that is triaged, with a command that shows it", { timeout: 90_000 }, async () => {
    const port = await freeLoopbackPort();
    child = spawn(process.execPath, ["src/main.ts"], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        PORT: String(port),
        HOST: "127.0.0.1",
        LOG_LEVEL: "silent",
        REDIS_DATA_DIR: dataDir,
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const example = () =>
      /curl -H "Authorization: Bearer ([^"]+)" (http:\/\/\S+\/tickets\/(\d+)\/triage)/.exec(stderr);
    await waitFor(async () => example() !== null, 60_000, 200);
    expect(stderr).not.toContain("/tickets/1/triage");
    const [, token, url] = example()!;
    let latest: { outcome?: string } | null = null;
    await waitFor(
      async () => {
        const res = await fetch(url!, { headers: { Authorization: `Bearer ${token}` } });
        if (!res.ok) return false;
        latest = ((await res.json()) as { latest: { outcome?: string } | null }).latest;
        return latest !== null;
      },
      60_000,
      250,
    );
    expect(latest).toMatchObject({ outcome: "triaged" });
  });
});
