import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import {
  createFreshserviceSandbox,
  type FreshserviceSandboxOptions,
} from "../../src/freshservice-sandbox/app.ts";
import type { Sandbox } from "../../src/sandbox/app.ts";

export type FreshserviceSandboxServer = {
  sandbox: Sandbox;
  /** e.g. `http://127.0.0.1:PORT/sandbox`; the API is at `${baseUrl}/api/v2`. */
  baseUrl: string;
  apiKey: string;
  close(): Promise<void>;
};

/** The Freshservice simulator over real HTTP on a random loopback port, under `prefix` if given. */
export async function startFreshserviceSandboxServer(
  options: Partial<FreshserviceSandboxOptions> & { prefix?: string } = {},
): Promise<FreshserviceSandboxServer> {
  const { prefix = "", ...rest } = options;
  const apiKey = rest.apiKey ?? "fs-sandbox-test-key";
  const sandbox = createFreshserviceSandbox({ ...rest, apiKey });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: sandbox.app.fetch, port: 0, hostname: "127.0.0.1" }, () =>
      resolve(started),
    );
  });
  const { port } = server.address() as AddressInfo;
  return {
    sandbox,
    baseUrl: `http://127.0.0.1:${port}${prefix}`,
    apiKey,
    close: async () => {
      await sandbox.close();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
