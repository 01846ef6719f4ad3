import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SECRET_KEY_FILE } from "../src/auth/secret-key.ts";
import { freeLoopbackPort } from "../src/embedded/redis-server.ts";
import { stopGroup } from "./support/process-group.ts";
import { testRedisUrl } from "./support/redis.ts";
import { waitFor } from "./support/service.ts";

/**
 * `.env` in the project folder is read by the npm scripts that start things (as .env.example
 * invites), and a real environment variable wins over it. Run as a user would: `npm start` and
 * `npm run web` in a copy of the project with a .env of its own.
 */
const ROOT = join(import.meta.dirname, "..");
const scripts = (
  JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }
).scripts;

describe(".env", () => {
  it("is read by every npm script that runs the service's code (src/, workers/)", () => {
    const starters = Object.entries(scripts).filter(([, command]) =>
      /\bnode (?:\S+ )*(?:src|workers)\//.test(command),
    );
    expect(starters.map(([name]) => name)).toEqual(
      expect.arrayContaining(["start", "web", "worker", "demo", "sandbox"]),
    );
    for (const [name, command] of starters) {
      for (const part of command.split("&&"))
        expect(part.trim(), name).toMatch(/^node --env-file-if-exists=\.env /);
    }
  });

  describe("in a copy of the project", () => {
    let project: string;
    let child: ChildProcess | undefined;

    beforeAll(() => {
      project = mkdtempSync(join(tmpdir(), "triage-env-file-"));
      for (const source of ["package.json", "src", "workers", "scripts"]) {
        cpSync(join(ROOT, source), join(project, source), { recursive: true });
      }
      symlinkSync(join(ROOT, "node_modules"), join(project, "node_modules"));
    });
    afterEach(async () => {
      if (child) await stopGroup(child, "SIGTERM");
      child = undefined;
    });
    afterAll(() => rmSync(project, { recursive: true, force: true }));

    function npmRun(script: string, env: Record<string, string>) {
      child = spawn("npm", ["run", "--silent", script], {
        cwd: project,
        env: {
          PATH: `${join(project, "node_modules/.bin")}:${process.env.PATH}`,
          HOME: process.env.HOME,
          ...env,
        },
        stdio: "ignore",
        detached: true,
      });
    }
    const healthy = async (port: number) =>
      (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined))?.ok === true;

    it("`npm start` takes its settings from .env", { timeout: 60_000 }, async () => {
      const port = await freeLoopbackPort();
      writeFileSync(
        join(project, ".env"),
        [
          `PORT=${port}`,
          "HOST=127.0.0.1",
          "LOG_LEVEL=silent",
          `REDIS_URL=${testRedisUrl()}`,
          `QUEUE_PREFIX=env-file-${randomUUID().slice(0, 8)}`,
          "SANDBOX_DEMO_TICKETS=off",
        ].join("\n"),
      );
      npmRun("start", {});
      await waitFor(() => healthy(port), 30_000, 100);
      // REDIS_URL came from .env too: no private redis-server, so none of its files (the folder
      // may still hold the generated SECRET_KEY).
      const dataDir = join(project, "data/redis");
      const files = existsSync(dataDir) ? readdirSync(dataDir) : [];
      expect(files.filter((name) => name !== SECRET_KEY_FILE)).toEqual([]);
    });

    it("a real environment variable wins over .env", { timeout: 60_000 }, async () => {
      const [filePort, envPort] = [await freeLoopbackPort(), await freeLoopbackPort()];
      writeFileSync(join(project, ".env"), `PORT=${filePort}\nHOST=127.0.0.1\nLOG_LEVEL=silent\n`);
      npmRun("web", {
        PORT: String(envPort),
        REDIS_URL: testRedisUrl(),
        QUEUE_PREFIX: `env-file-${randomUUID().slice(0, 8)}`,
      });
      await waitFor(() => healthy(envPort), 30_000, 100);
      expect(await healthy(filePort)).toBe(false);
    });
  });
});
