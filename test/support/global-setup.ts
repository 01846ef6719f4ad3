import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { type EmbeddedRedis, startEmbeddedRedis } from "../../src/embedded/redis-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

let redis: EmbeddedRedis | undefined;
let dataDir: string | undefined;

/** One real redis-server for the whole run, started the same way the service starts its own. */
export async function setup(project: TestProject): Promise<void> {
  dataDir = mkdtempSync(join(tmpdir(), "triage-test-redis-"));
  redis = await startEmbeddedRedis({ dataDir });
  project.provide("redisUrl", redis.url);
}

export async function teardown(): Promise<void> {
  await redis?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
