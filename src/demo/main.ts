// `npm run demo`: creates a handful of realistic tickets in the sandbox and prints how each was
// triaged and how long it took. Uses the service at --url (default: this machine's PORT, as `npm start`
// listens) when one is running there, otherwise starts its own with embedded defaults for the duration.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../config.ts";
import { waitForFirstModel } from "../learning/quality.ts";
import { silentLogger } from "../logger.ts";
import { startService } from "../service.ts";
import { createDemoTickets } from "./demo-tickets.ts";
import { waitForTriage } from "./triage-watch.ts";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: `http://127.0.0.1:${process.env.PORT || 3000}` },
    key: { type: "string", default: "sandbox" },
  },
});

async function isRunning(url: string, key: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/sandbox/api/v2/groups`, {
      headers: { Authorization: `Basic ${Buffer.from(`${key}:X`).toString("base64")}` },
      signal: AbortSignal.timeout(1000),
    });
    return res.ok;
  } catch {
    return false;
  }
}

let url = values.url.replace(/\/+$/, "");
let stop: (() => Promise<void>) | undefined;
if (!(await isRunning(url, values.key))) {
  console.log(`No sandbox-backed service answers at ${url}; starting one for this demo…`);
  const dataDir = mkdtempSync(join(tmpdir(), "triage-demo-"));
  const config = loadConfig({
    PORT: "0",
    REDIS_DATA_DIR: join(dataDir, "redis"),
    SANDBOX_API_KEY: values.key,
  });
  const service = await startService(config, silentLogger(), { web: true, worker: true });
  url = service.url!;
  // Triage applies what the account's history measured: let it learn the sandbox's first.
  console.log("Learning from the sandbox's resolved tickets first (a few seconds)…");
  await waitForFirstModel(service.quality, { timeoutMs: 60_000 });
  stop = async () => {
    await service.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

const apiBase = `${url}/sandbox/api/v2`;
try {
  const tickets = await createDemoTickets(apiBase, values.key);
  console.log(`Created ${tickets.length} tickets in the sandbox; waiting for triage…\n`);
  const rows = await Promise.all(tickets.map((ticket) => waitForTriage(apiBase, values.key, ticket)));
  console.log("| # | subject | category | priority | group | type | latency |");
  console.log("|---|---|---|---|---|---|---|");
  for (const row of rows) {
    console.log(
      `| ${row.id} | ${row.subject.slice(0, 48)} | ${row.category} | ${row.priority} | ${row.group} | ${row.type} | ${row.latency} |`,
    );
  }
  console.log(
    `\nEach ticket has one private note explaining the decision: ${apiBase}/tickets/<id>/conversations`,
  );
} finally {
  await stop?.();
}
