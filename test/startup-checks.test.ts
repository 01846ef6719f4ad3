import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { banner } from "../src/banner.ts";
import { type Config, loadConfig } from "../src/config.ts";
import { silentLogger } from "../src/logger.ts";
import { type RunningService, startService } from "../src/service.ts";
import { testRedisUrl } from "./support/redis.ts";
import { type SandboxServer, startSandboxServer } from "./support/sandbox-server.ts";

const ADMIN = "startup-admin-token-0123";

/** What `npm start` would run with, against a Freshdesk of the test's choosing. */
function configFor(env: Record<string, string>): Config {
  return loadConfig({
    NODE_ENV: "test",
    PORT: "0",
    REDIS_URL: testRedisUrl(),
    QUEUE_PREFIX: `startup-${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
    WEBHOOK_SECRET: "startup-webhook-secret-0123",
    MCP_TOKENS: `admin:${ADMIN}:read,write,admin`,
    FRESHDESK_RATE_WINDOW_MS: "60000",
    ...env,
  });
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("the start-up look at Freshdesk", () => {
  let sandbox: SandboxServer;
  let dir: string;
  const services: RunningService[] = [];

  async function start(env: Record<string, string>) {
    const config = configFor(env);
    const service = await startService(config, silentLogger(), { web: true, worker: true });
    services.push(service);
    return { config, service };
  }

  beforeAll(async () => {
    sandbox = await startSandboxServer();
    dir = mkdtempSync(join(tmpdir(), "startup-checks-"));
  });
  afterAll(async () => {
    for (const service of services) await service.stop();
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("says plainly in the banner that the API key is wrong", async () => {
    const { config, service } = await start({
      FRESHDESK_DOMAIN: sandbox.baseUrl,
      FRESHDESK_API_KEY: "not-the-key",
    });
    const check = await service.accountCheck();
    expect(check).toMatchObject({ ok: false, problem: expect.stringMatching(/refused the API key \(401/) });
    const text = banner(service, config, check);
    expect(text).not.toMatch(/is running/);
    expect(text).toMatch(/cannot work with Freshdesk: no ticket will be triaged/);
    expect(text).toMatch(/Problem: Freshdesk at http:\/\/127\.0\.0\.1:\d+ refused the API key/);
    expect(text).toMatch(/Fix: Set FRESHDESK_API_KEY/);
  });

  it("says plainly in the banner that Freshdesk cannot be reached", { timeout: 30_000 }, async () => {
    const port = await closedPort();
    const { config, service } = await start({
      FRESHDESK_DOMAIN: `http://127.0.0.1:${port}`,
      FRESHDESK_API_KEY: "any-key",
    });
    const check = await service.accountCheck();
    expect(check).toMatchObject({ ok: false, problem: expect.stringMatching(/could not be reached/) });
    const text = banner(service, config, check);
    expect(text).not.toMatch(/is running/);
    expect(text).toMatch(
      new RegExp(`Problem: Freshdesk at http://127\\.0\\.0\\.1:${port} could not be reached`),
    );
    expect(text).toMatch(/Fix: Check FRESHDESK_DOMAIN/);
  });

  it("warns at start and in /readyz about groups TRIAGE_CONFIG names that the account lacks", async () => {
    const path = join(dir, "triage.json");
    const category = (name: string, group: string) => ({
      name,
      label: name,
      description: `Tickets about ${name}`,
      keywords: [name],
      group,
      type: "Question",
    });
    writeFileSync(
      path,
      JSON.stringify({
        categories: [category("billing", "Billing"), category("escalation", "Escalations")],
        fallbackCategory: "billing",
      }),
    );
    const { config, service } = await start({
      FRESHDESK_DOMAIN: sandbox.baseUrl,
      FRESHDESK_API_KEY: sandbox.apiKey,
      TRIAGE_CONFIG: path,
    });
    const check = await service.accountCheck();
    expect(check).toEqual({ ok: true, missingGroups: ["Escalations"] });
    const text = banner(service, config, check);
    expect(text).toMatch(/is running/);
    expect(text).toMatch(
      /Warning: The triage configuration routes to a group this Freshdesk account lacks: "Escalations"/,
    );

    const response = await fetch(`${service.url}/readyz`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      checks: Array<{ name: string; ok: boolean; warnings?: string[] }>;
    };
    expect(body.checks.find((c) => c.name === "triage-config")).toEqual({
      name: "triage-config",
      ok: true,
      warnings: [expect.stringMatching(/"Escalations"/)],
    });
  });

  it("shows no problem and no group warning for a healthy account with the built-in taxonomy", async () => {
    const { config, service } = await start({
      FRESHDESK_DOMAIN: sandbox.baseUrl,
      FRESHDESK_API_KEY: sandbox.apiKey,
    });
    const check = await service.accountCheck();
    expect(check).toEqual({ ok: true, missingGroups: [] });
    expect(banner(service, config, check)).not.toMatch(/Warning|Problem/);
  });
});

describe("npm start as a new user runs it", () => {
  const children: ChildProcess[] = [];
  let sandbox: SandboxServer;
  let dir: string;

  beforeAll(async () => {
    sandbox = await startSandboxServer();
    dir = mkdtempSync(join(tmpdir(), "startup-process-"));
  });
  afterAll(async () => {
    for (const child of children) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGKILL");
        await new Promise((resolve) => child.once("exit", resolve));
      }
    }
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function npmStart(env: Record<string, string>): { child: ChildProcess; stderr: () => string } {
    const child = spawn(process.execPath, ["src/main.ts"], {
      env: { PATH: process.env.PATH, NODE_ENV: "test", LOG_LEVEL: "warn", PORT: "0", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    return { child, stderr: () => output };
  }

  it("refuses a bad TRIAGE_CONFIG before starting Redis or anything else", { timeout: 20_000 }, async () => {
    const dataDir = join(dir, "redis");
    const { child, stderr } = npmStart({ TRIAGE_CONFIG: join(dir, "missing.json"), REDIS_DATA_DIR: dataDir });
    const code = await new Promise((resolve) => child.once("exit", resolve));
    expect(code).toBe(2);
    expect(stderr()).toMatch(/TRIAGE_CONFIG: cannot read .*missing\.json \(ENOENT\)/);
    expect(existsSync(dataDir)).toBe(false);
  });

  it("logs the configuration's warnings and prints the Freshdesk problem in the banner", {
    timeout: 30_000,
  }, async () => {
    const { child, stderr } = npmStart({
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: `startup-process-${process.pid}`,
      FRESHDESK_DOMAIN: `${sandbox.baseUrl}/api/v2`,
      FRESHDESK_API_KEY: "not-the-key",
      MCP_TOKENS: `admin:${ADMIN}:read,write,admin`,
    });
    const deadline = Date.now() + 25_000;
    while (!/Press Ctrl\+C to stop/.test(stderr()) && Date.now() < deadline && child.exitCode === null) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const output = stderr();
    expect(output).toMatch(/FRESHDESK_DOMAIN ends in \/api\/v2/);
    expect(output).toMatch(/cannot work with Freshdesk/);
    expect(output).toMatch(/Problem: Freshdesk at .* refused the API key/);
    expect(output).not.toMatch(/is running/);
    child.kill("SIGTERM");
    expect(await new Promise((resolve) => child.once("exit", resolve))).toBe(0);
  });
});
