import type { Redis } from "ioredis";
import { startEmbeddedRedis } from "../embedded/redis-server.ts";
import { DataDirInUseError } from "../errors.ts";
import { SANDBOX_MOUNT_PATH } from "../freshdesk/client.ts";

/**
 * Where `npm run learn` learns when REDIS_URL is not set (the zero-config start): into the Redis
 * of the service that owns the data folder (its pid file records its embedded Redis's port), so
 * that service uses the model from its next ticket; with no service running, into the data
 * folder's own Redis, started for the run, which the service uses at its next start.
 */
export type LearnTarget = {
  redisUrl: string;
  /** A service owns the data folder and is running now. */
  serviceRunning: boolean;
  message: string;
  stop(): Promise<void>;
};

export async function dataFolderTarget(dataDir: string): Promise<LearnTarget> {
  try {
    const embedded = await startEmbeddedRedis({ dataDir });
    return {
      redisUrl: embedded.url,
      serviceRunning: false,
      message:
        `No service is running on the data folder ${dataDir}: learning into its Redis, ` +
        "so the service uses this model when it next starts there.",
      stop: () => embedded.stop(),
    };
  } catch (error) {
    if (!(error instanceof DataDirInUseError)) throw error;
    if (!error.port) {
      throw new Error(
        `The service at PID ${error.ownerPid ?? "?"} is still starting on the data folder ${dataDir}; ` +
          "run npm run learn again once it has started.",
      );
    }
    return {
      redisUrl: `redis://127.0.0.1:${error.port}`,
      serviceRunning: true,
      message: `Learning into the Redis of the service running on ${dataDir} (PID ${error.ownerPid ?? "?"}): it uses the new model from its next ticket.`,
      stop: async () => undefined,
    };
  }
}

/** What a service that owns an embedded Redis records there about itself (service.ts writes it). */
export type EmbeddedServiceRecord = { freshdeskBaseUrl: string; account: string };

export function embeddedServiceKey(prefix: string): string {
  return `${prefix}:embedded-service`;
}

export async function readEmbeddedService(
  redis: Redis,
  prefix: string,
): Promise<EmbeddedServiceRecord | undefined> {
  const raw = await redis.get(embeddedServiceKey(prefix));
  if (!raw) return undefined;
  try {
    const record = JSON.parse(raw) as Partial<EmbeddedServiceRecord>;
    return typeof record.freshdeskBaseUrl === "string" && typeof record.account === "string"
      ? { freshdeskBaseUrl: record.freshdeskBaseUrl, account: record.account }
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The embedded sandbox's base URL a service started with HOST and PORT gets (as service.ts
 * builds it), so a model learned while it is not running lands under the account it will use.
 * Undefined for PORT=0: that service's address, and so its sandbox account, changes every start.
 */
export function nextSandboxBaseUrl(host: string, port: number): string | undefined {
  if (port === 0) return undefined;
  const shown = host.includes(":") ? `[${host}]` : host;
  return `http://${shown}:${port}`.replace("0.0.0.0", "127.0.0.1") + SANDBOX_MOUNT_PATH;
}
