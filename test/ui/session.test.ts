import { describe, expect, it } from "vitest";
import type { McpToken } from "../../src/config.ts";
import { safeNext } from "../../src/routes/page-auth.ts";
import { createSessionSigner, SESSION_TTL_SECONDS } from "../../src/routes/session.ts";

const ops: McpToken = { name: "ops", token: "ops-token-0123456789", scopes: ["read", "write", "admin"] };
const viewer: McpToken = { name: "viewer", token: "viewer-token-0123456789", scopes: ["read"] };

describe("session signer", () => {
  it("verifies the sessions it issued and names their token", () => {
    const signer = createSessionSigner([ops, viewer]);
    expect(signer.verify(signer.issue(ops))).toBe(ops);
    expect(signer.verify(signer.issue(viewer))).toBe(viewer);
  });

  it("never puts the token itself in the cookie", () => {
    const value = createSessionSigner([ops]).issue(ops);
    expect(value).not.toContain(ops.token);
    expect(value).not.toContain(Buffer.from(ops.token).toString("base64url"));
  });

  it("refuses a session whose name was swapped for a more powerful token's", () => {
    const signer = createSessionSigner([ops, viewer]);
    const [, expires, signature] = signer.issue(viewer).split(".");
    const forged = `${Buffer.from("ops").toString("base64url")}.${expires}.${signature}`;
    expect(signer.verify(forged)).toBeUndefined();
  });

  it("refuses a session whose expiry was pushed out", () => {
    const signer = createSessionSigner([ops]);
    const [name, expires, signature] = signer.issue(ops).split(".");
    expect(signer.verify(`${name}.${Number(expires) + 3600}.${signature}`)).toBeUndefined();
  });

  it("expires sessions after the TTL", () => {
    let now = Date.parse("2025-03-01T10:00:00Z");
    const signer = createSessionSigner([ops], () => now);
    const value = signer.issue(ops);
    now += (SESSION_TTL_SECONDS - 1) * 1000;
    expect(signer.verify(value)).toBe(ops);
    now += 2000;
    expect(signer.verify(value)).toBeUndefined();
  });

  it("ends sessions when their token is rotated or removed", () => {
    const value = createSessionSigner([ops]).issue(ops);
    const rotated: McpToken = { ...ops, token: "ops-token-rotated-99" };
    expect(createSessionSigner([rotated]).verify(value)).toBeUndefined();
    expect(createSessionSigner([viewer]).verify(value)).toBeUndefined();
  });

  it("reads scopes from the current tokens, not from the cookie", () => {
    const value = createSessionSigner([ops]).issue(ops);
    const demoted: McpToken = { ...ops, scopes: ["read"] };
    expect(createSessionSigner([demoted]).verify(value)?.scopes).toEqual(["read"]);
  });

  it("refuses garbage without throwing", () => {
    const signer = createSessionSigner([ops]);
    for (const value of [undefined, "", "x", "a.b.c", "b3Bz.99999999999.short", `b3Bz.1.${"A".repeat(43)}`]) {
      expect(signer.verify(value)).toBeUndefined();
    }
  });
});

describe("safeNext", () => {
  it("keeps local paths", () => {
    expect(safeNext("/admin/queues")).toBe("/admin/queues");
    expect(safeNext("/?queued=3")).toBe("/?queued=3");
  });

  it("sends everything else home", () => {
    for (const raw of [
      undefined,
      "",
      "https://evil.example/",
      "//evil.example/",
      "/\\evil.example",
      "/a\r\nSet-Cookie: x=1",
      "admin",
    ]) {
      expect(safeNext(raw)).toBe("/");
    }
  });
});
