import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { inject } from "vitest";

/** The suite's shared redis-server (see global-setup.ts). */
export function testRedisUrl(): string {
  return inject("redisUrl");
}

/**
 * A connection plus a key prefix unique to the caller, so test files running in parallel on
 * the shared server never see each other's keys.
 */
export function testRedis(): { redis: Redis; prefix: string; close(): Promise<void> } {
  const redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null, lazyConnect: false });
  const prefix = `t-${randomUUID().slice(0, 8)}`;
  return { redis, prefix, close: async () => void (await redis.quit()) };
}
