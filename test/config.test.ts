import { describe, expect, it } from "vitest";
import { freshdeskBaseUrl, loadConfig } from "../src/config.ts";
import { ConfigError } from "../src/errors.ts";

describe("loadConfig", () => {
  it("runs with nothing set: sandbox, embedded Redis, a generated webhook secret", () => {
    const config = loadConfig({});
    expect(config.freshdesk.target).toEqual({ kind: "sandbox", apiKey: "sandbox" });
    expect(config.redis.url).toBeUndefined();
    expect(config.webhook.secretGenerated).toBe(true);
    expect(config.webhook.secret.length).toBeGreaterThanOrEqual(24);
    expect(config.host).toBe("127.0.0.1");
    expect(config.port).toBe(3000);
    expect(config.mcp.tokensGenerated).toBe(true);
    expect(config.mcp.tokens).toEqual([
      { name: "local", token: expect.any(String), scopes: ["read", "write", "admin"] },
    ]);
    expect(Object.isFrozen(config.freshdesk)).toBe(true);
  });

  it("accepts a subdomain, a host or a full base URL for FRESHDESK_DOMAIN", () => {
    expect(freshdeskBaseUrl("acme")).toBe("https://acme.freshdesk.com");
    expect(freshdeskBaseUrl("acme.freshdesk.com")).toBe("https://acme.freshdesk.com");
    expect(freshdeskBaseUrl("http://127.0.0.1:4010/")).toBe("http://127.0.0.1:4010");
  });

  it("parses MCP tokens with scopes", () => {
    const config = loadConfig({ MCP_TOKENS: "claude:abc12345:read ops:def45678:read,write,admin" });
    expect(config.mcp.tokens).toEqual([
      { name: "claude", token: "abc12345", scopes: ["read"] },
      { name: "ops", token: "def45678", scopes: ["read", "write", "admin"] },
    ]);
  });

  it("names every problem at once", () => {
    try {
      loadConfig({
        NODE_ENV: "production",
        FRESHDESK_DOMAIN: "acme",
        MCP_TOKENS: "bad:tok:root",
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join("\n");
      expect(problems).toMatch(/FRESHDESK_API_KEY/);
      expect(problems).toMatch(/WEBHOOK_SECRET is required/);
      expect(problems).toMatch(/MCP_TOKENS/);
    }
  });

  it("rejects malformed values with the variable's name", () => {
    expect(() => loadConfig({ PORT: "http" })).toThrow(/PORT/);
    expect(() => loadConfig({ TRIAGE_MODE: "yolo" })).toThrow(/TRIAGE_MODE/);
    expect(() => loadConfig({ REDIS_URL: "http://x" })).toThrow(/REDIS_URL/);
    expect(() => loadConfig({ MCP_TOOLSETS: "tickets,shell" })).toThrow(/MCP_TOOLSETS/);
    expect(loadConfig({ MCP_TOOLSETS: "tickets, solutions", MCP_READ_ONLY: "true" }).mcp).toMatchObject({
      toolsets: ["tickets", "solutions"],
      readOnly: true,
    });
  });

  it("takes CURSOR_SECRET for signing MCP cursors, or generates one for the run", () => {
    expect(loadConfig({ CURSOR_SECRET: "a-cursor-secret-0123" }).mcp.cursorSecret).toBe(
      "a-cursor-secret-0123",
    );
    const generated = loadConfig({}).mcp.cursorSecret;
    expect(generated.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({}).mcp.cursorSecret).not.toBe(generated);
    expect(() => loadConfig({ CURSOR_SECRET: "short" })).toThrow(
      /CURSOR_SECRET must be at least 16 characters/,
    );
  });

  it("learns every 6 h from 180 days and at most 5,000 tickets by default, applying only measured fields", () => {
    const config = loadConfig({});
    expect(config.learning).toEqual({
      intervalMs: 6 * 3_600_000,
      days: 180,
      maxTickets: 5000,
      rateShare: 0.2,
    });
    expect(config.triage).toMatchObject({ targetPrecision: 0.9, applyUnmeasured: false });
  });

  it("accepts learning intervals as 6h, 30m, 1d, milliseconds or off", () => {
    const interval = (value: string) => loadConfig({ LEARN_INTERVAL: value }).learning.intervalMs;
    expect(interval("30m")).toBe(1_800_000);
    expect(interval("1d")).toBe(86_400_000);
    expect(interval("90s")).toBe(90_000);
    expect(interval("120000")).toBe(120_000);
    expect(interval(" 2h ")).toBe(7_200_000);
    expect(interval("off")).toBeUndefined();
    expect(interval("0")).toBeUndefined();
  });

  it("names the learning variable that is wrong", () => {
    expect(() => loadConfig({ LEARN_INTERVAL: "soon" })).toThrow(/LEARN_INTERVAL: "soon" is not an interval/);
    expect(() => loadConfig({ LEARN_INTERVAL: "5s" })).toThrow(/LEARN_INTERVAL/);
    expect(() => loadConfig({ LEARN_DAYS: "half a year" })).toThrow(/LEARN_DAYS/);
    expect(() => loadConfig({ LEARN_DAYS: "0" })).toThrow(/LEARN_DAYS/);
    expect(() => loadConfig({ LEARN_MAX_TICKETS: "-5" })).toThrow(/LEARN_MAX_TICKETS/);
    expect(() => loadConfig({ LEARN_RATE_SHARE: "2" })).toThrow(/LEARN_RATE_SHARE/);
    expect(() => loadConfig({ TRIAGE_TARGET_PRECISION: "1.5" })).toThrow(/TRIAGE_TARGET_PRECISION/);
    expect(() => loadConfig({ TRIAGE_APPLY_UNMEASURED: "yes" })).toThrow(/TRIAGE_APPLY_UNMEASURED/);
    expect(() => loadConfig({ LEARN_RATE_SHARE: "0.5", FRESHDESK_RATE_SHARE: "0.4" })).toThrow(
      /LEARN_RATE_SHARE \(0.5\) must be below FRESHDESK_RATE_SHARE \(0.4\)/,
    );
    const set = loadConfig({
      LEARN_DAYS: "30",
      LEARN_MAX_TICKETS: "800",
      LEARN_RATE_SHARE: "0.1",
      TRIAGE_TARGET_PRECISION: "0.95",
      TRIAGE_APPLY_UNMEASURED: "true",
    });
    expect(set.learning).toMatchObject({ days: 30, maxTickets: 800, rateShare: 0.1 });
    expect(set.triage).toMatchObject({ targetPrecision: 0.95, applyUnmeasured: true });
  });
});
