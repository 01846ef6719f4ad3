import { describe, expect, it } from "vitest";
import { loadConfig, parseFreshdeskDomain } from "../src/config.ts";
import { ConfigError } from "../src/errors.ts";

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  return [];
}

describe("product selection", () => {
  it("serves Freshdesk with nothing set, and the Freshservice sandbox with SANDBOX_PRODUCT", () => {
    expect(loadConfig({}).product).toBe("freshdesk");
    const config = loadConfig({ SANDBOX_PRODUCT: "freshservice" });
    expect(config.product).toBe("freshservice");
    expect(config.freshdesk.target).toEqual({ kind: "sandbox", apiKey: "sandbox" });
    expect(config.freshservice.plan).toBe("starter");
  });

  it("selects Freshservice from FRESHSERVICE_DOMAIN and completes a bare account name", () => {
    const config = loadConfig({
      FRESHSERVICE_DOMAIN: "acme",
      FRESHSERVICE_API_KEY: "key",
      FRESHSERVICE_PLAN: "pro",
    });
    expect(config.product).toBe("freshservice");
    expect(config.freshdesk.target).toEqual({
      kind: "remote",
      baseUrl: "https://acme.freshservice.com",
      apiKey: "key",
    });
    expect(config.freshservice.plan).toBe("pro");
  });

  it("refuses both products at once, a lone half, a custom domain and an unknown plan, by name", () => {
    expect(
      problemsOf({
        FRESHDESK_DOMAIN: "acme",
        FRESHDESK_API_KEY: "k",
        FRESHSERVICE_DOMAIN: "acme",
        FRESHSERVICE_API_KEY: "k",
      }).join("\n"),
    ).toMatch(/FRESHDESK_DOMAIN and FRESHSERVICE_DOMAIN are both set/);
    expect(problemsOf({ FRESHSERVICE_DOMAIN: "acme" }).join("\n")).toMatch(
      /FRESHSERVICE_DOMAIN and FRESHSERVICE_API_KEY must be set together/,
    );
    expect(
      problemsOf({ FRESHSERVICE_DOMAIN: "https://helpdesk.acme.com", FRESHSERVICE_API_KEY: "k" }).join("\n"),
    ).toMatch(/FRESHSERVICE_DOMAIN: "https:\/\/helpdesk.acme.com" is not a freshservice.com address/);
    expect(problemsOf({ FRESHSERVICE_PLAN: "gold" }).join("\n")).toMatch(/FRESHSERVICE_PLAN/);
    expect(
      problemsOf({ FRESHDESK_DOMAIN: "acme", FRESHDESK_API_KEY: "k", SANDBOX_PRODUCT: "freshservice" }).join(
        "\n",
      ),
    ).toMatch(/SANDBOX_PRODUCT=freshservice only applies without a real account/);
  });

  it("accepts a local sandbox address over plain http for Freshservice", () => {
    expect(parseFreshdeskDomain("http://127.0.0.1:4010/sandbox", "freshservice")).toEqual({
      baseUrl: "http://127.0.0.1:4010/sandbox",
    });
    expect(parseFreshdeskDomain("acme.freshservice.com/api/v2", "freshservice")).toMatchObject({
      baseUrl: "https://acme.freshservice.com",
      warning: expect.stringMatching(/^FRESHSERVICE_DOMAIN ends in \/api\/v2/),
    });
  });
});
