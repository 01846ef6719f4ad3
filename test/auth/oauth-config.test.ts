import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { resolveSecretKey, SECRET_KEY_FILE } from "../../src/auth/secret-key.ts";
import { loadConfig } from "../../src/config.ts";
import { ConfigError } from "../../src/errors.ts";

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
}

describe("OAuth configuration", () => {
  const production = {
    NODE_ENV: "production",
    WEBHOOK_SECRET: "a-webhook-secret-of-some-length",
    REDIS_URL: "redis://127.0.0.1:6379",
  };

  it("requires SECRET_KEY in production, of at least 32 characters", () => {
    expect(problems(production)).toEqual([expect.stringMatching(/^SECRET_KEY is required in production/)]);
    expect(problems({ ...production, SECRET_KEY: "short" })).toEqual([
      "SECRET_KEY must be at least 32 characters",
    ]);
    const config = loadConfig({ ...production, SECRET_KEY: "k".repeat(32) });
    expect(config.oauth.secretKey).toBe("k".repeat(32));
    expect(loadConfig({}).oauth.secretKey).toBeUndefined();
    // Test runs never write a key file into the data folder: they get a key of their own.
    expect(loadConfig({ NODE_ENV: "test" }).oauth.secretKey?.length).toBeGreaterThanOrEqual(32);
  });

  it("reads MCP_ADMIN_AGENTS as agent ids or emails", () => {
    expect(loadConfig({ MCP_ADMIN_AGENTS: "42, maria@example.com" }).oauth.adminAgents).toEqual([
      "42",
      "maria@example.com",
    ]);
    expect(problems({ MCP_ADMIN_AGENTS: "maria" })).toEqual([
      'MCP_ADMIN_AGENTS: "maria" is neither an agent id nor an email address',
    ]);
  });

  it("expires access tokens after an hour unless told otherwise, never after more than a day", () => {
    expect(loadConfig({}).oauth).toMatchObject({
      accessTokenTtlSeconds: 3600,
      refreshTokenTtlSeconds: 30 * 86_400,
    });
    expect(loadConfig({ OAUTH_ACCESS_TOKEN_TTL: "15m" }).oauth.accessTokenTtlSeconds).toBe(900);
    expect(problems({ OAUTH_ACCESS_TOKEN_TTL: "2d" })).toEqual([
      'OAUTH_ACCESS_TOKEN_TTL: "2d" must be a duration from 1m to 1d, e.g. 1h or 30d',
    ]);
    expect(problems({ OAUTH_REFRESH_TOKEN_TTL: "soon" })[0]).toMatch(/^OAUTH_REFRESH_TOKEN_TTL/);
  });
});

describe("the generated SECRET_KEY", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("is created once in the data folder, private to the user, and kept across starts", () => {
    const dir = mkdtempSync(join(tmpdir(), "secret-key-"));
    dirs.push(dir);
    const first = resolveSecretKey(undefined, join(dir, "data"));
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(resolveSecretKey(undefined, join(dir, "data"))).toBe(first);
    const path = join(dir, "data", SECRET_KEY_FILE);
    expect(readFileSync(path, "utf8").trim()).toBe(first);
    expect(statSync(path).mode & 0o077).toBe(0);
    expect(resolveSecretKey("configured-secret-key-of-32-characters", join(dir, "other"))).toBe(
      "configured-secret-key-of-32-characters",
    );
  });
});
