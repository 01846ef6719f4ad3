import { Redis, type RedisOptions } from "ioredis";

/**
 * Two kinds of Redis connection:
 * - `worker`: waits out outages (BullMQ workers need `maxRetriesPerRequest: null`).
 * - `intake`: fails fast. The webhook route must answer 503 quickly when Redis is gone so
 *   Freshdesk retries later, so commands are never parked in an offline queue.
 */
export type ConnectionRole = "worker" | "intake";

export function createRedisConnection(url: string, role: ConnectionRole, name?: string): Redis {
  const options: RedisOptions =
    role === "worker"
      ? { maxRetriesPerRequest: null, enableReadyCheck: true }
      : // Auto-pipelining batches the commands of concurrent webhooks into one write per tick.
        {
          maxRetriesPerRequest: 0,
          enableOfflineQueue: false,
          connectTimeout: 2000,
          enableAutoPipelining: true,
        };
  return new Redis(url, {
    ...options,
    connectionName: name,
    retryStrategy: (attempt) => Math.min(100 * 2 ** Math.min(attempt, 5), 2000),
  });
}
