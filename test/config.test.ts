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
});
