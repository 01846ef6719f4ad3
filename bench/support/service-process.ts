// The service as it runs in production, in its own process: `--web`, `--worker` or both
// (all-in-one, like `npm start`, its workers on a worker thread; `--in-process-worker` keeps them
// on the web event loop instead, for comparison), configured only through its environment. `--bare` also serves,
// in the same process, a baseline route that reads the body and answers 202 without Redis.
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/logger.ts";
import { startService } from "../../src/service.ts";
import { announceReady, answerRequests, exitWithParent } from "./child-ipc.ts";
import { runDirectSequence } from "./direct-sequence.ts";
import { recordSandboxCalls } from "./sandbox-calls.ts";

const { values } = parseArgs({
  options: {
    web: { type: "boolean", default: false },
    worker: { type: "boolean", default: false },
    bare: { type: "boolean", default: false },
    "in-process-worker": { type: "boolean", default: false },
    // Logs each sandbox API call's arrival from the start (see sandbox-calls.ts).
    "sandbox-calls": { type: "boolean", default: false },
  },
});
const sandboxCalls = values["sandbox-calls"] ? recordSandboxCalls() : undefined;
const config = loadConfig(process.env);
const service = await startService(
  config,
  createLogger(config.logLevel),
  { web: values.web === true, worker: values.worker === true },
  { workerThread: values["in-process-worker"] !== true },
);
const bareUrl = values.bare ? await serveBareRoute() : undefined;

exitWithParent();
answerRequests({
  sandboxStats: () => service.sandbox?.stats(),
  resetSandboxStats: () => service.sandbox?.resetStats(),
  sandboxCalls: (message) => sandboxCalls?.since(Number(message.from ?? 0)) ?? [],
  // The embedded sandbox's automations pointed at this service's webhook, as SANDBOX_AUTOMATIONS=on does, or off.
  setAutomations: (message) =>
    service.sandbox?.automations.setTarget(
      message.on === true && service.url
        ? {
            targetUrl: `${service.url.replace("0.0.0.0", "127.0.0.1")}/webhooks/${config.product}`,
            auth: { type: "header", name: "X-Webhook-Token", value: config.webhook.secret },
          }
        : undefined,
    ),
  quality: () => service.quality(),
  directSequence: (message) =>
    runDirectSequence({
      baseUrl: service.freshdeskBaseUrl,
      apiKey: config.freshdesk.target.apiKey,
      ticketIds: message.ticketIds as number[],
      concurrency: message.concurrency as number,
    }),
  stop: async () => {
    await service.stop();
    setImmediate(() => process.exit(0));
  },
});
announceReady({ url: service.url, bareUrl, freshdeskBaseUrl: service.freshdeskBaseUrl, pid: process.pid });

async function serveBareRoute(): Promise<string> {
  const app = new Hono();
  app.post("/webhooks/freshdesk", async (c) => {
    await c.req.text();
    return c.json({ jobId: "bare", ticketId: 0, deduplicated: false }, 202);
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((resolve) => server.once("listening", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
