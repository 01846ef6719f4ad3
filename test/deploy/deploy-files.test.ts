import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freeLoopbackPort as freePort } from "../../src/embedded/redis-server.ts";
import { testRedisUrl } from "../support/redis.ts";
import { type SandboxServer, startSandboxServer } from "../support/sandbox-server.ts";
import { waitFor } from "../support/service.ts";

/**
 * No Docker engine runs here, so instead of building the image this checks what the image and
 * Fly rely on: their commands are npm scripts, and those scripts start the service from exactly
 * the files the Dockerfile copies, with production settings.
 */
const ROOT = join(import.meta.dirname, "../..");
const read = (file: string) => readFileSync(join(ROOT, file), "utf8");
const scripts = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts;

function npmScriptOf(command: string): string {
  const match = /^npm run ([\w:-]+)$/.exec(command.trim());
  if (!match?.[1]) throw new Error(`"${command}" is not an npm script command`);
  return match[1];
}

describe("deployment files", () => {
  const dockerfile = read("Dockerfile");
  const flyToml = read("fly.toml");
  const dockerCmd = JSON.parse(/^CMD (\[.*\])$/m.exec(dockerfile)?.[1] ?? "[]") as string[];
  const flyProcesses = Object.fromEntries(
    [...(/\[processes\]\n((?:\s+\w+ = ".*"\n)+)/.exec(flyToml)?.[1] ?? "").matchAll(/(\w+) = "(.*)"/g)].map(
      (m) => [m[1], m[2]],
    ),
  ) as Record<string, string>;

  it("runs npm scripts that exist, in Docker and in both Fly process groups", () => {
    expect(dockerCmd).toEqual(["npm", "run", "web"]);
    expect(Object.keys(flyProcesses).sort()).toEqual(["web", "worker"]);
    for (const command of [dockerCmd.join(" "), ...Object.values(flyProcesses)]) {
      expect(scripts).toHaveProperty(npmScriptOf(command));
    }
    expect(flyToml).toMatch(/\[http_service\][^[]*processes = \["web"\]/);
    expect(flyToml).toMatch(/path = "\/healthz"/);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^FROM node:24-slim/m);
  });

  describe("the image's files start the service with the image's commands", () => {
    let image: string;
    let sandbox: SandboxServer;
    const children: ChildProcess[] = [];

    beforeAll(async () => {
      image = mkdtempSync(join(tmpdir(), "triage-image-"));
      for (const match of dockerfile.matchAll(/^COPY (?!--from)([\w./-]+(?: [\w./-]+)*) \.\/?[\w/]*$/gm)) {
        const sources = match[1]!.split(" ").filter((s) => s !== "package-lock.json");
        for (const source of sources) cpSync(join(ROOT, source), join(image, source), { recursive: true });
      }
      symlinkSync(join(ROOT, "node_modules"), join(image, "node_modules"));
      sandbox = await startSandboxServer();
    });
    afterAll(async () => {
      for (const child of children) child.kill("SIGKILL");
      await sandbox.close();
      rmSync(image, { recursive: true, force: true });
    });

    async function start(script: string, port: number, extra: Record<string, string>) {
      const child = spawn("npm", ["run", "--silent", script], {
        cwd: image,
        env: {
          PATH: `${join(image, "node_modules/.bin")}:${process.env.PATH}`,
          HOME: process.env.HOME,
          NODE_ENV: "production",
          HOST: "127.0.0.1",
          LOG_LEVEL: "silent",
          REDIS_URL: testRedisUrl(),
          QUEUE_PREFIX: `deploy-${randomUUID().slice(0, 8)}`,
          WEBHOOK_SECRET: "deploy-test-secret-0123456789",
          FRESHDESK_DOMAIN: sandbox.baseUrl,
          FRESHDESK_API_KEY: sandbox.apiKey,
          ...extra,
        },
        stdio: "ignore",
      });
      children.push(child);
      await waitFor(
        async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined))?.ok === true,
        20_000,
        100,
      );
    }

    it("web: `npm run web` serves, and the image's HEALTHCHECK command passes", async () => {
      const port = await freePort();
      await start(npmScriptOf(dockerCmd.join(" ")), port, { PORT: String(port) });
      const healthcheck = /HEALTHCHECK[^\n]*\n\s+CMD (.*)$/m.exec(dockerfile)?.[1] ?? "";
      const probe = spawnSync("sh", ["-c", healthcheck], {
        env: {
          ...process.env,
          PORT: String(port),
          PATH: `${join(image, "node_modules/.bin")}:${process.env.PATH}`,
        },
      });
      expect(probe.status).toBe(0);
    });

    it("worker: `npm run worker` starts and answers health on its metrics port", async () => {
      const port = await freePort();
      await start(npmScriptOf(flyProcesses.worker!), port, { METRICS_PORT: String(port) });
    });
  });
});
