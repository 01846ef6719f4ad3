import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import type { Redis } from "ioredis";

/**
 * Each signed-in person's Freshdesk API key, AES-256-GCM encrypted at rest. The AES key is
 * derived from SECRET_KEY (HKDF-SHA-256); the agent id is the additional authenticated data, so
 * a record copied onto another person's entry fails to decrypt instead of lending them a key.
 * Keyed by agent id: signing in again with a new key replaces the old one for every client.
 */
export type KeyVault = {
  put(agentId: number, apiKey: string): Promise<void>;
  /** The key, or undefined when none is stored (or it no longer decrypts). */
  get(agentId: number): Promise<string | undefined>;
  delete(agentId: number): Promise<void>;
  /** Seals a value under the same key, bound to `aad`, for state kept briefly elsewhere. */
  seal(aad: string, plaintext: string): string;
  open(aad: string, sealed: string): string | undefined;
};

const VERSION = "v1";

export function createKeyVault(options: { redis: Redis; keyPrefix: string; secretKey: string }): KeyVault {
  const { redis, keyPrefix } = options;
  const key = Buffer.from(
    hkdfSync("sha256", options.secretKey, "freshdesk-triage", "freshdesk-api-key-vault", 32),
  );
  const keyOf = (agentId: number) => `${keyPrefix}:vault:${agentId}`;
  return {
    async put(agentId, apiKey) {
      await redis.set(keyOf(agentId), encrypt(key, String(agentId), apiKey));
    },
    async get(agentId) {
      const sealed = await redis.get(keyOf(agentId));
      return sealed ? decrypt(key, String(agentId), sealed) : undefined;
    },
    async delete(agentId) {
      await redis.del(keyOf(agentId));
    },
    seal: (aad, plaintext) => encrypt(key, aad, plaintext),
    open: (aad, sealed) => decrypt(key, aad, sealed),
  };
}

export function encrypt(key: Buffer, aad: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

/** Undefined when the record was tampered with, moved to another agent, or sealed under another SECRET_KEY. */
export function decrypt(key: Buffer, aad: string, sealed: string): string | undefined {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || body === undefined) return undefined;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    return undefined;
  }
}
