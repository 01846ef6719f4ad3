import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Hono } from "hono";

export type MetricsServer = { url: string; close(): Promise<void> };

/**
 * A worker-only process has no web server, yet its jobs, model calls and Freshdesk calls are
 * counted in its own registry; this small server lets Prometheus scrape them from each worker.
 */
export async function startMetricsServer(options: {
  app: Hono;
  host: string;
  port: number;
}): Promise<MetricsServer> {
  const server = serve({ fetch: options.app.fetch, port: options.port, hostname: options.host });
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
