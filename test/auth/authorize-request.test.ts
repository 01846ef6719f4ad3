import { describe, expect, it } from "vitest";
import {
  canonicalResource,
  parseScopes,
  RedirectableError,
  redirectUriMatches,
  redirectUriProblem,
} from "../../src/auth/authorize-request.ts";

describe("authorization request checks", () => {
  const base = "https://triage.example.com";

  it("matches redirect URIs exactly, except the port of a loopback one", () => {
    expect(
      redirectUriMatches(
        "https://claude.ai/api/mcp/auth_callback",
        "https://claude.ai/api/mcp/auth_callback",
      ),
    ).toBe(true);
    expect(
      redirectUriMatches(
        "https://claude.ai/api/mcp/auth_callback/",
        "https://claude.ai/api/mcp/auth_callback",
      ),
    ).toBe(false);
    expect(
      redirectUriMatches(
        "https://claude.ai:444/api/mcp/auth_callback",
        "https://claude.ai/api/mcp/auth_callback",
      ),
    ).toBe(false);
    expect(redirectUriMatches("http://127.0.0.1:51234/callback", "http://127.0.0.1:6274/callback")).toBe(
      true,
    );
    expect(redirectUriMatches("http://localhost:51234/callback", "http://localhost/callback")).toBe(true);
    expect(redirectUriMatches("http://127.0.0.1:51234/other", "http://127.0.0.1:6274/callback")).toBe(false);
    expect(redirectUriMatches("http://localhost:6274/callback", "http://127.0.0.1:6274/callback")).toBe(
      false,
    );
    expect(redirectUriMatches("http://evil.example:6274/callback", "http://evil.example:80/callback")).toBe(
      false,
    );
  });

  it("registers https, loopback http and native-app schemes; nothing that runs script or leaks", () => {
    for (const ok of [
      "https://chatgpt.com/connector/oauth/abc",
      "http://127.0.0.1:6274/oauth/callback",
      "claude://claude.ai/mcp-auth-callback/sdk",
      "vscode://x/cb",
    ]) {
      expect(redirectUriProblem(ok), ok).toBeUndefined();
    }
    for (const bad of [
      "http://evil.example/cb",
      "javascript:alert(1)",
      "data:text/html,hi",
      "https://a@evil.example/cb",
      "https://x.example/#f",
      "not a url",
    ]) {
      expect(redirectUriProblem(bad), bad).toBeDefined();
    }
  });

  it("reads the resource as this service's /mcp URL, and refuses others with invalid_target", () => {
    const ours = `${base}/mcp`;
    for (const same of [undefined, "", ours, `${ours}/`, base, `${base}/`])
      expect(canonicalResource(same, base)).toBe(ours);
    for (const other of [
      "https://other.example/mcp",
      `${base}/admin`,
      "http://triage.example.com/mcp",
      `${ours}#x`,
      "https://triage.example.com:8443/mcp",
      `${base}/mcp%2F..`,
    ]) {
      expect(() => canonicalResource(other, base), other).toThrow(RedirectableError);
    }
  });

  it("reads scopes as levels, defaulting to read and write", () => {
    expect(parseScopes(undefined)).toEqual(["read", "write"]);
    expect(parseScopes("admin read")).toEqual(["read", "admin"]);
    expect(() => parseScopes("read offline_access")).toThrow(/Unknown scope "offline_access"/);
  });
});
