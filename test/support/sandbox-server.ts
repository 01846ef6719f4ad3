import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createSandbox, type Sandbox, type SandboxOptions } from "../../src/sandbox/app.ts";

export type SandboxServer = {
  sandbox: Sandbox;
  /** e.g. `http://127.0.0.1:PORT`; the API is at `${baseUrl}/api/v2`. */
  baseUrl: string;
  apiKey: string;
  close(): Promise<void>;
};

/** The Freshdesk simulator over real HTTP on a random loopback port. */
export async function startSandboxServer(options: Partial<SandboxOptions> = {}): Promise<SandboxServer> {
  const apiKey = options.apiKey ?? "sandbox-test-key";
  const sandbox = createSandbox({ ...options, apiKey });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: sandbox.app.fetch, port: 0, hostname: "127.0.0.1" }, () =>
      resolve(started),
    );
  });
  const { port } = server.address() as AddressInfo;
  return {
    sandbox,
    baseUrl: `http://127.0.0.1:${port}`,
    apiKey,
    close: async () => {
      await sandbox.close();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
