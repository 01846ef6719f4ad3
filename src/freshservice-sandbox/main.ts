// Standalone Freshservice sandbox:
// `node src/freshservice-sandbox/main.ts --port N [--host H] [--plan P] [--key K] [--no-history]`.
// Serves the simulator at the root, so `http://HOST:PORT/api/v2/tickets` works.
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { serve } from "@hono/node-server";
import type { Sandbox } from "../sandbox/app.ts";
import { createFreshserviceSandbox } from "./app.ts";

// Plain stdout/stderr: this is a command-line program, not a service that logs.
const say = (line: string) => process.stdout.write(`${line}\n`);
const fail = (line: string) => process.stderr.write(`${line}\n`);

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "3002" },
    host: { type: "string", default: "127.0.0.1" },
    plan: { type: "string", default: "demo" },
    key: { type: "string", default: "sandbox" },
    "no-history": { type: "boolean", default: false },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  fail(`--port must be a number from 0 to 65535, got "${values.port}"`);
  process.exit(2);
}

let sandbox: Sandbox;
try {
  sandbox = createFreshserviceSandbox({
    apiKey: values.key,
    plan: values.plan,
    history: !values["no-history"],
  });
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
  process.exit(2);
}

const server = serve({ fetch: sandbox.app.fetch, port, hostname: values.host }, (info: AddressInfo) => {
  const base = `http://${info.address.includes(":") ? `[${info.address}]` : info.address}:${info.port}`;
  say(`Freshservice sandbox listening on ${base}/api/v2 (rate plan "${values.plan}")`);
  say(`API key: "${values.key}" as the Basic-auth username (any password), e.g.`);
  say(`  curl -u ${values.key}:X '${base}/api/v2/tickets/filter?query="status:2"'`);
  say(`Request counters: ${base}/_sandbox/stats`);
  say(`Each agent's own API key (to sign in as them): curl -u ${values.key}:X ${base}/_sandbox/agents`);
});

function shutdown(): void {
  server.close();
  void sandbox.close().then(() => process.exit(0));
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
