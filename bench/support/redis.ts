import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { startEmbeddedRedis } from "../../src/embedded/redis-server.ts";

export type BenchRedis = { url: string; client: Redis; stop(): Promise<void> };

/**
 * A private redis-server per benchmark, started the way the service's zero-config default starts
 * it (AOF everysec, noeviction), in a temporary data directory removed afterwards.
 */
export async function startBenchRedis(): Promise<BenchRedis> {
  const dataDir = mkdtempSync(join(tmpdir(), "triage-bench-redis-"));
  const embedded = await startEmbeddedRedis({ dataDir });
  const client = new Redis(embedded.url, { maxRetriesPerRequest: null });
  return {
    url: embedded.url,
    client,
    async stop() {
      client.disconnect();
      await embedded.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** `used_memory` from INFO memory, in bytes. */
export async function usedMemory(client: Redis): Promise<number> {
  const info = await client.info("memory");
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? Number.NaN);
}
