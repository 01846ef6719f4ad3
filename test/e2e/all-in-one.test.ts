// `npm start` runs web and workers in one process, the workers on a worker thread so their work
// never holds up a webhook answer. Checked in-process (whose registry counts the jobs) and as the
// real entry point in its own process: one command, logs, /metrics, sandbox over loopback, and
// a SIGTERM that drains.
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { testRedisUrl } from "../support/redis.ts";
import { startTestService, type TestService, waitFor } from "../support/service.ts";

const jobCount = (exposition: string) =>
  exposition
    .split("\n")
    .filter((line) => line.startsWith("triage_job_duration_seconds_count"))
    .reduce((sum, line) => sum + Number(line.split(" ").at(-1)), 0);

describe("the all-in-one service", () => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService({ SANDBOX_AUTOMATIONS: "off" });
  });
  afterAll(async () => t?.stop());

  it("triages on its worker thread: the web side's registry counts no job, /metrics shows them", async () => {
    const { id } = await t.createTicket("Charged twice", "I was charged twice for invoice INV-2231.");
    expect((await t.fireWebhook(id)).status).toBe(202);
    await waitFor(async () => (await t.privateNotes(id)).length === 1, 15_000);
    await waitFor(async () => jobCount(await (await fetch(`${t.url}/metrics`)).text()) >= 1, 5_000);

    expect(jobCount(await t.service.metrics.registry.metrics())).toBe(0);
    const readiness = (await (await fetch(`${t.url}/readyz`)).json()) as { checks: { name: string }[] };
    expect(readiness.checks).toContainEqual(expect.objectContaining({ name: "worker", ok: true }));
  });
});

describe("npm start's entry point (src/main.ts) in its own process", () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    // The process group, should the test fail before the process exits by itself.
    if (child?.exitCode === null && child.pid) process.kill(-child.pid, "SIGKILL");
  });

  it("serves, triages through its sandbox, exports worker metrics, and drains on SIGTERM", async () => {
    const prefix = `aio-${randomUUID().slice(0, 8)}`;
    const secret = "all-in-one-webhook-secret";
    child = spawn(process.execPath, ["src/main.ts"], {
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        PATH: process.env.PATH ?? "",
        NODE_ENV: "development",
        HOST: "127.0.0.1",
        PORT: "0",
        REDIS_URL: testRedisUrl(),
        QUEUE_PREFIX: prefix,
        WEBHOOK_SECRET: secret,
        SANDBOX_AUTOMATIONS: "on",
        SANDBOX_DEMO_TICKETS: "off",
        LOG_LEVEL: "info",
      },
    });
    const logs: Record<string, unknown>[] = [];
    createInterface({ input: child.stdout! }).on("line", (line) => {
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // not a log line
      }
    });
    child.stderr!.resume();
    const exited = new Promise<number | null>((resolve) => child!.once("exit", (code) => resolve(code)));

    await waitFor(async () => logs.some((log) => log.msg === "service started"), 20_000);
    const url = String(logs.find((log) => log.msg === "service started")!.url);
    const auth = `Basic ${Buffer.from("sandbox:X").toString("base64")}`;
    const api = (path: string, init: RequestInit = {}) =>
      fetch(`${url}/sandbox/api/v2${path}`, {
        ...init,
        headers: { Authorization: auth, "Content-Type": "application/json" },
      });
    const created = await api("/tickets", {
      method: "POST",
      body: JSON.stringify({
        subject: "Cannot log in",
        description: "The password reset link has expired twice.",
        email: "locked-out@example.com",
      }),
    });
    const { id } = (await created.json()) as { id: number };
    const privateNotes = async () =>
      ((await (await api(`/tickets/${id}/conversations`)).json()) as { private: boolean }[]).filter(
        (c) => c.private,
      ).length;
    await waitFor(async () => (await privateNotes()) === 1, 20_000);

    const metrics = await (await fetch(`${url}/metrics`)).text();
    await waitFor(async () => jobCount(await (await fetch(`${url}/metrics`)).text()) >= 1, 5_000);
    expect(metrics).toContain("nodejs_eventloop_lag_seconds");
    expect(logs.some((log) => log.thread === "worker")).toBe(true);

    // More work, then the signal: whatever is running must finish before the process exits.
    for (const n of [1, 2, 3]) {
      await api("/tickets", {
        method: "POST",
        body: JSON.stringify({
          subject: `Refund ${n}`,
          description: "Charged twice.",
          email: `r${n}@example.com`,
        }),
      });
    }
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(logs.some((log) => log.msg === "shutting down: draining jobs in flight")).toBe(true);
    const redis = new Redis(testRedisUrl());
    try {
      const activeLists = await redis.keys(`${prefix}*:active`);
      const stillActive = await Promise.all(activeLists.map((key) => redis.llen(key)));
      expect(stillActive.reduce((a, b) => a + b, 0)).toBe(0);
    } finally {
      redis.disconnect();
    }
  });
});
