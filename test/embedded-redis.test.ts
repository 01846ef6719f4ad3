import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedRedis } from "../src/embedded/redis-server.ts";
import { MissingDependencyError } from "../src/errors.ts";

describe("embedded redis-server", () => {
  const dir = mkdtempSync(join(tmpdir(), "embedded-redis-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("starts with AOF everysec and noeviction, answers, and stops", async () => {
    const server = await startEmbeddedRedis({ dataDir: dir });
    const client = new Redis(server.url);
    expect(await client.ping()).toBe("PONG");
    expect(await client.config("GET", "appendonly")).toEqual(["appendonly", "yes"]);
    expect(await client.config("GET", "appendfsync")).toEqual(["appendfsync", "everysec"]);
    expect(await client.config("GET", "maxmemory-policy")).toEqual(["maxmemory-policy", "noeviction"]);
    await client.set("k", "v");
    client.disconnect();
    await server.stop();

    const again = await startEmbeddedRedis({ dataDir: dir });
    const second = new Redis(again.url);
    expect(await second.get("k")).toBe("v");
    second.disconnect();
    await again.stop();
  });

  it("explains how to install redis-server when the binary is missing", async () => {
    const attempt = startEmbeddedRedis({ dataDir: dir, binary: "/nonexistent/redis-server" });
    await expect(attempt).rejects.toBeInstanceOf(MissingDependencyError);
    await expect(attempt).rejects.toThrow(/apt-get install -y redis-server.*REDIS_URL/s);
  });
});
