// The zero-config start (`npm start`, src/main.ts) learns the sandbox's seeded history at start;
// its demo tickets wait for the first model, so the billing one is routed with the measured
// precision in its note, and the activity page shows the model.
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline";
import { afterEach, describe, expect, it } from "vitest";
import { testRedisUrl } from "../support/redis.ts";
import { waitFor } from "../support/service.ts";

describe("the zero-config start", () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child?.exitCode === null && child.pid) process.kill(-child.pid, "SIGKILL");
  });

  it("learns the seeded history, then routes its billing demo ticket with the measured precision", async () => {
    const token = "zero-config-admin-token";
    child = spawn(process.execPath, ["src/main.ts"], {
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        PATH: process.env.PATH ?? "",
        NODE_ENV: "development",
        HOST: "127.0.0.1",
        PORT: "0",
        REDIS_URL: testRedisUrl(),
        QUEUE_PREFIX: `zc-${randomUUID().slice(0, 8)}`,
        MCP_TOKENS: `admin:${token}:read,write,admin`,
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

    await waitFor(
      async () => logs.some((log) => log.msg === "demo tickets created in the sandbox"),
      90_000,
      200,
    );
    const learned = logs.findIndex((log) => log.msg === "learned a new model from the account's history");
    const demo = logs.findIndex((log) => log.msg === "demo tickets created in the sandbox");
    expect(learned).toBeGreaterThanOrEqual(0);
    expect(learned).toBeLessThan(demo);

    const url = String(logs.find((log) => log.msg === "service started")!.url);
    const [billingTicket] = logs[demo]!.tickets as number[];
    const auth = { Authorization: `Basic ${Buffer.from("sandbox:X").toString("base64")}` };
    const notes = async () =>
      (
        (await (
          await fetch(`${url}/sandbox/api/v2/tickets/${billingTicket}/conversations`, { headers: auth })
        ).json()) as Array<{
          private: boolean;
          body_text: string;
        }>
      ).filter((c) => c.private);
    await waitFor(async () => (await notes()).length > 0, 20_000);
    const ticket = (await (
      await fetch(`${url}/sandbox/api/v2/tickets/${billingTicket}`, { headers: auth })
    ).json()) as {
      group_id: number | null;
    };
    const groups = (await (await fetch(`${url}/sandbox/api/v2/groups`, { headers: auth })).json()) as Array<{
      id: number;
      name: string;
    }>;
    expect(groups.find((g) => g.id === ticket.group_id)?.name).toBe("Billing");
    expect((await notes())[0]!.body_text).toMatch(/group none → Billing \(measured precision \d+%\)/);

    const quality = (await (
      await fetch(`${url}/admin/quality`, { headers: { Authorization: `Bearer ${token}` } })
    ).json()) as { model: { version: number } | null };
    expect(quality.model?.version).toBeGreaterThanOrEqual(1);

    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  }, 150_000);
});
