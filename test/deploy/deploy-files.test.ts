import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freeLoopbackPort as freePort } from "../../src/embedded/redis-server.ts";
import { stopGroup } from "../support/process-group.ts";
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

/** Runs a shell command in a directory; resolves with its exit code and the tail of its output. */
function sh(command: string, cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("sh", ["-c", command], { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, output }));
  });
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

  it("the image's install step succeeds on exactly the files its deps stage copies", {
    timeout: 180_000,
  }, async () => {
    const stage = /^FROM [^\n]* AS deps\n([\s\S]*?)(?=^FROM )/m.exec(dockerfile)?.[1] ?? "";
    const copies = [...stage.matchAll(/^COPY (?!--from)(.+) \.\/$/gm)].flatMap((m) => m[1]!.split(" "));
    const runs = [...stage.matchAll(/^RUN (.+)$/gm)].map((m) => m[1]!);
    expect(copies).toEqual(["package.json", "package-lock.json"]);
    expect(runs).toEqual([expect.stringMatching(/^npm ci --omit=dev\b/)]);
    const dir = mkdtempSync(join(tmpdir(), "triage-image-deps-"));
    try {
      for (const file of copies) cpSync(join(ROOT, file), join(dir, file));
      for (const run of runs) {
        const { code, output } = await sh(run, dir);
        expect(code, output).toBe(0);
      }
      // Runtime dependencies are there, development ones are not.
      for (const name of Object.keys(JSON.parse(read("package.json")).dependencies)) {
        expect(existsSync(join(dir, "node_modules", name)), name).toBe(true);
      }
      expect(existsSync(join(dir, "node_modules/vitest"))).toBe(false);
      // npm ci never rewrites the lock file.
      expect(readFileSync(join(dir, "package-lock.json"), "utf8")).toBe(read("package-lock.json"));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
      await Promise.all(children.map((child) => stopGroup(child)));
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
          SECRET_KEY: "deploy-test-secret-key-0123456789abcdef",
          FRESHDESK_DOMAIN: sandbox.baseUrl,
          FRESHDESK_API_KEY: sandbox.apiKey,
          ...extra,
        },
        stdio: "ignore",
        // Its own process group, so the whole npm -> sh -> node chain can be stopped at once.
        detached: true,
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
