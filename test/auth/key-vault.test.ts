import { afterAll, describe, expect, it } from "vitest";
import { createKeyVault } from "../../src/auth/key-vault.ts";
import { testRedis } from "../support/redis.ts";

describe("the key vault", () => {
  const { redis, prefix, close } = testRedis();
  afterAll(close);
  const secretKey = "vault-test-secret-key-0123456789abcdef";

  it("keeps a person's key encrypted, readable only for that agent and under the same SECRET_KEY", async () => {
    const vault = createKeyVault({ redis, keyPrefix: prefix, secretKey });
    await vault.put(7, "AbCdEfGhIjKlMnOpQrSt");
    expect(await vault.get(7)).toBe("AbCdEfGhIjKlMnOpQrSt");
    const stored = (await redis.get(`${prefix}:vault:7`))!;
    expect(stored).not.toContain("AbCdEfGhIjKlMnOpQrSt");
    expect(stored).not.toContain(Buffer.from("AbCdEfGhIjKlMnOpQrSt").toString("base64url"));

    // Copied onto another agent's entry, the record does not decrypt (the agent id is authenticated).
    await redis.set(`${prefix}:vault:8`, stored);
    expect(await vault.get(8)).toBeUndefined();
    // Under another SECRET_KEY, nor does it.
    const other = createKeyVault({
      redis,
      keyPrefix: prefix,
      secretKey: "another-secret-key-0123456789abcdefgh",
    });
    expect(await other.get(7)).toBeUndefined();
    // Tampered with, nor does it.
    const parts = stored.split(".");
    parts[3] = `${parts[3]!.slice(0, -2)}AA`;
    await redis.set(`${prefix}:vault:9`, parts.join("."));
    expect(await vault.get(9)).toBeUndefined();

    await vault.delete(7);
    expect(await vault.get(7)).toBeUndefined();
  });
});
