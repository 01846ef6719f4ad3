import { Hono } from "hono";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { annotateRequestLog } from "../../src/routes/request-logging.ts";

type Line = Record<string, unknown>;

function appWithCapturedLogs() {
  const lines: Line[] = [];
  const logger = pino({ level: "debug" }, { write: (line: string) => lines.push(JSON.parse(line)) });
  const inner = new Hono();
  inner.post("/echo", async (c) => {
    annotateRequestLog(c, { ticketId: 7 });
    return c.json({ length: (await c.req.text()).length });
  });
  inner.get("/explode", () => {
    throw new Error("an unexpected bug");
  });
  const app = createApp({
    config: loadConfig({ NODE_ENV: "test" }),
    logger,
    mounts: [{ path: "/things", app: inner }],
  });
  return { app, lines };
}

describe("request logging", () => {
  it("writes one info line per request with its id, and never the body, query or headers", async () => {
    const { app, lines } = appWithCapturedLogs();
    const response = await app.request("/things/echo?secret=query-value", {
      method: "POST",
      headers: { "X-Request-Id": "req-1", Authorization: "Bearer very-secret-token" },
      body: "ticket body with private words",
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe("req-1");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: "request",
      requestId: "req-1",
      method: "POST",
      path: "/things/echo",
      status: 200,
      ticketId: 7,
    });
    expect(typeof lines[0]!.durationMs).toBe("number");
    const text = JSON.stringify(lines);
    for (const leaked of ["very-secret-token", "private words", "query-value"]) {
      expect(text).not.toContain(leaked);
    }
  });

  it("logs health probes at debug", async () => {
    const { app, lines } = appWithCapturedLogs();
    expect((await app.request("/healthz")).status).toBe(200);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 20, path: "/healthz", status: 200 });
  });

  it("logs the embedded sandbox's traffic at debug", async () => {
    const { app, lines } = appWithCapturedLogs();
    await app.request("/sandbox/api/v2/tickets");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 20, path: "/sandbox/api/v2/tickets" });
  });

  it("ties an unhandled error to the request that hit it", async () => {
    const { app, lines } = appWithCapturedLogs();
    const response = await app.request("/things/explode", { headers: { "X-Request-Id": "req-boom" } });
    expect(response.status).toBe(500);
    expect(response.headers.get("x-request-id")).toBe("req-boom");
    const error = lines.find((line) => line.msg === "unhandled error");
    expect(error).toMatchObject({ level: 50, requestId: "req-boom" });
    expect(lines.find((line) => line.msg === "request")).toMatchObject({
      requestId: "req-boom",
      status: 500,
    });
  });
});
