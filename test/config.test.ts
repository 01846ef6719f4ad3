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
      llmSample: 100,
      llmBudgetUsd: 0.5,
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

  it("reads the language model's calibration sample and budget", () => {
    expect(loadConfig({}).learning).toMatchObject({ llmSample: 100, llmBudgetUsd: 0.5 });
    expect(loadConfig({ LEARN_LLM_SAMPLE: "0", LEARN_LLM_BUDGET_USD: "2" }).learning).toMatchObject({
      llmSample: 0,
      llmBudgetUsd: 2,
    });
    expect(() => loadConfig({ LEARN_LLM_SAMPLE: "many" })).toThrow(/LEARN_LLM_SAMPLE/);
    expect(() => loadConfig({ LEARN_LLM_BUDGET_USD: "-1" })).toThrow(/LEARN_LLM_BUDGET_USD/);
  });
});

describe("FRESHDESK_DOMAIN", () => {
  const baseUrl = (domain: string) =>
    loadConfig({ FRESHDESK_DOMAIN: domain, FRESHDESK_API_KEY: "key" }).freshdesk.target;
  const problems = (domain: string) => {
    try {
      loadConfig({ FRESHDESK_DOMAIN: domain, FRESHDESK_API_KEY: "key" });
    } catch (error) {
      if (error instanceof ConfigError) return error.problems.join("\n");
    }
    throw new Error(`"${domain}" was accepted`);
  };

  it("accepts a subdomain, a host, an https URL and a custom https domain", () => {
    for (const domain of [
      "acme",
      "acme.freshdesk.com",
      "https://acme.freshdesk.com",
      "https://acme.freshdesk.com/",
    ]) {
      expect(baseUrl(domain)).toMatchObject({ baseUrl: "https://acme.freshdesk.com" });
    }
    expect(baseUrl("https://support.acme.com")).toMatchObject({ baseUrl: "https://support.acme.com" });
    expect(baseUrl("support.acme.com")).toMatchObject({ baseUrl: "https://support.acme.com" });
    expect(baseUrl("http://127.0.0.1:3000/sandbox")).toMatchObject({
      baseUrl: "http://127.0.0.1:3000/sandbox",
    });
    expect(loadConfig({ FRESHDESK_DOMAIN: "acme", FRESHDESK_API_KEY: "key" }).warnings).toEqual([]);
  });

  it("refuses a value that is not a domain, and a page's address, naming the variable", () => {
    expect(problems("acme freshdesk")).toMatch(
      /^FRESHDESK_DOMAIN: "acme freshdesk" is not a domain name; use acme/,
    );
    expect(problems("https://acme.freshdesk.com/a/tickets/5")).toMatch(
      /^FRESHDESK_DOMAIN: "https:\/\/acme.freshdesk.com\/a\/tickets\/5" has the path \/a\/tickets\/5/,
    );
    expect(problems("acme.freshdesk.com/a/tickets/5")).toMatch(/FRESHDESK_DOMAIN: .* has the path/);
    expect(problems("https://acme.freshdesk.com/a/tickets/5?tab=notes")).toMatch(/FRESHDESK_DOMAIN: .*query/);
    expect(problems("ftp://acme.freshdesk.com")).toMatch(/FRESHDESK_DOMAIN: .*ftp:\/\//);
    expect(problems("https://me:secret@acme.freshdesk.com")).toMatch(/FRESHDESK_DOMAIN: .*FRESHDESK_API_KEY/);
    expect(() => freshdeskBaseUrl("acme freshdesk")).toThrow(ConfigError);
  });

  it("accepts a trailing /api/v2, as the standalone sandbox prints it, with a warning", () => {
    const config = loadConfig({ FRESHDESK_DOMAIN: "http://127.0.0.1:3001/api/v2/", FRESHDESK_API_KEY: "k" });
    expect(config.freshdesk.target).toMatchObject({ baseUrl: "http://127.0.0.1:3001" });
    expect(config.warnings).toEqual([
      expect.stringMatching(/^FRESHDESK_DOMAIN ends in \/api\/v2.*http:\/\/127\.0\.0\.1:3001$/),
    ]);
    expect(baseUrl("https://acme.freshdesk.com/api/v2")).toMatchObject({
      baseUrl: "https://acme.freshdesk.com",
    });
  });
});

describe("MCP_TOKENS", () => {
  const problems = (tokens: string) => {
    try {
      loadConfig({ MCP_TOKENS: tokens });
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
    }
    throw new Error(`"${tokens}" was accepted`);
  };

  it("names the bad entry and the allowed scopes, never the token", () => {
    const [unknownScope] = problems("claude:abcdefgh1:read ops:s3cret-token:read,root");
    expect(unknownScope).toBe(
      'MCP_TOKENS: entry 2 ("ops") has the unknown scope "root"; scopes are a comma-separated list of read, write, admin',
    );
    const [missing] = problems("ops:s3cret-token");
    expect(missing).toMatch(
      /^MCP_TOKENS: entry 1 \("ops"\) must be name:token:scopes \(scopes are .*read, write, admin\)/,
    );
    const [bare] = problems("s3cret-token-pasted-alone");
    expect(bare).toMatch(/^MCP_TOKENS: entry 1 must be name:token:scopes/);
    for (const problem of [unknownScope, missing, bare]) expect(problem).not.toContain("s3cret");
  });

  it("refuses the same token twice", () => {
    expect(problems("claude:same-token-1:read ops:same-token-1:admin")).toEqual([
      'MCP_TOKENS: entry 2 ("ops") has the same token as entry 1 ("claude"); each token must be different',
    ]);
  });

  it("warns in production that nobody can sign in without tokens", () => {
    const production = {
      NODE_ENV: "production",
      WEBHOOK_SECRET: "a-webhook-secret-of-some-length",
      REDIS_URL: "redis://127.0.0.1:6379",
      SECRET_KEY: "a-secret-key-of-at-least-32-characters",
    };
    const config = loadConfig(production);
    expect(config.mcp.tokens).toEqual([]);
    expect(config.warnings).toEqual([expect.stringMatching(/^MCP_TOKENS is not set: .*nobody can sign in/)]);
    expect(loadConfig({ ...production, MCP_TOKENS: "ops:long-enough-token:admin" }).warnings).toEqual([]);
  });
});

describe("TRIAGE_CONFIG", () => {
  it("is read and checked with the rest of the configuration", () => {
    expect(() => loadConfig({ TRIAGE_CONFIG: "/nonexistent/triage.json" })).toThrow(
      /TRIAGE_CONFIG: cannot read \/nonexistent\/triage.json \(ENOENT\)/,
    );
    expect(loadConfig({}).triage.taxonomy.categories.length).toBeGreaterThan(0);
  });
});
