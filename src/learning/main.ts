// `npm run learn [-- --report FILE.html|FILE.md|FILE.json]`: learns the account's history once,
// now, exactly as the service does at start and every LEARN_INTERVAL (same sync, budget, lock,
// training and promotion), and prints what it learned. With REDIS_URL set, the model lands in the
// registry the service reads; without it, in a temporary Redis (the figures still hold). With no
// FRESHDESK_DOMAIN, it learns from a sandbox of its own with the seeded history.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { parseArgs } from "node:util";
import { serve } from "@hono/node-server";
import { Redis } from "ioredis";
import { type Config, loadConfig } from "../config.ts";
import { startEmbeddedRedis } from "../embedded/redis-server.ts";
import { AppError } from "../errors.ts";
import {
  createAccountDirectory,
  createFreshdeskClient,
  createRateGovernor,
  freshdeskAccountName,
} from "../freshdesk/index.ts";
import { createLogger } from "../logger.ts";
import { createAuditLog } from "../mcp/audit.ts";
import { createSandbox } from "../sandbox/app.ts";
import { learnReportHtml } from "./learn-report.ts";
import { summaryLines, summaryMarkdown } from "./learn-summary.ts";
import { createLearner } from "./learner.ts";

const say = (text: string) => process.stdout.write(`${text}\n`);
const cleanups: Array<() => Promise<unknown> | unknown> = [];

async function main(): Promise<number> {
  let values: { report?: string | undefined };
  try {
    ({ values } = parseArgs({ options: { report: { type: "string" } } }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\nUsage: npm run learn [-- --report FILE.html]\n`);
    return 2;
  }
  const reportFormat = values.report ? formatOf(values.report) : undefined;
  if (values.report && !reportFormat) {
    process.stderr.write(`--report: "${values.report}" must end in .html, .md or .json\n`);
    return 2;
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  const logger = createLogger(process.env.LOG_LEVEL ? config.logLevel : "warn", { component: "learn" });

  let redisUrl = config.redis.url;
  if (!redisUrl) {
    const dataDir = mkdtempSync(join(tmpdir(), "triage-learn-"));
    const embedded = await startEmbeddedRedis({ dataDir, appendOnly: false });
    cleanups.push(
      () => embedded.stop(),
      () => rmSync(dataDir, { recursive: true, force: true }),
    );
    redisUrl = embedded.url;
    say("REDIS_URL is not set: learning into a temporary Redis; the service will not see this model.");
  }
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
  cleanups.push(() => redis.disconnect());

  let baseUrl: string;
  if (config.freshdesk.target.kind === "remote") {
    baseUrl = config.freshdesk.target.baseUrl;
  } else {
    const sandbox = createSandbox({
      apiKey: config.sandbox.apiKey,
      plan: config.sandbox.plan,
      history: true,
    });
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const started = serve({ fetch: sandbox.app.fetch, port: 0, hostname: "127.0.0.1" }, () =>
        resolve(started),
      );
    });
    cleanups.push(
      () => new Promise((resolve) => server.close(resolve)),
      () => sandbox.close(),
    );
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sandbox`;
    say("FRESHDESK_DOMAIN is not set: learning from a sandbox with the seeded history.");
  }

  const account = freshdeskAccountName(baseUrl);
  const prefix = config.redis.queuePrefix;
  const governor = createRateGovernor({
    redis,
    account,
    share: config.freshdesk.rateShare,
    limitPerWindow: config.freshdesk.rateLimitPerMinute,
    windowMs: config.freshdesk.rateWindowMs,
    keyPrefix: prefix,
    logger,
  });
  const freshdesk = createFreshdeskClient({
    baseUrl,
    apiKey: config.freshdesk.target.apiKey,
    timeoutMs: config.freshdesk.timeoutMs,
    governor,
    logger,
  });
  const learner = await createLearner({
    config,
    redis,
    prefix,
    account,
    freshdeskBaseUrl: baseUrl,
    accountGovernor: governor,
    mcp: {
      freshdesk,
      directory: createAccountDirectory(freshdesk),
      audit: createAuditLog({ redis, key: `${prefix}:audit` }),
      logger,
      cursorSecret: config.mcp.cursorSecret,
      portalUrl: baseUrl,
    },
    logger,
  });
  cleanups.push(() => learner.close());

  say(`Reading resolved and closed tickets of the last ${config.learning.days} days from ${account}…`);
  const outcome = await learner.learn();
  if (!outcome.ran) {
    process.stderr.write(`Not learning now: ${outcome.reason}. Try again when it has finished.\n`);
    return 1;
  }
  say(`\n${summaryLines(outcome.report, outcome.candidate).join("\n")}`);
  if (values.report && reportFormat) {
    const { report, candidate } = outcome;
    const text =
      reportFormat === "html"
        ? learnReportHtml(report, candidate, outcome.heldOut, {
            targetPrecision: config.triage.targetPrecision,
            applyUnmeasured: config.triage.applyUnmeasured,
          })
        : reportFormat === "md"
          ? summaryMarkdown(report, candidate)
          : `${JSON.stringify({ report, thresholds: thresholds(candidate) }, null, 2)}\n`;
    writeFileSync(values.report, text);
    say(`\nReport written to ${values.report}.`);
  }
  // Nothing measured: no field had enough labelled history.
  return Object.keys(outcome.report.promotion.candidate).length > 0 ? 0 : 1;
}

function formatOf(path: string): "html" | "md" | "json" | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === ".html" || ext === ".htm") return "html";
  if (ext === ".md") return "md";
  if (ext === ".json") return "json";
  return undefined;
}

function thresholds(model: import("./types.ts").LearnedModel) {
  return Object.fromEntries(
    Object.entries(model.fields).map(([field, fieldModel]) => [
      field,
      fieldModel?.calibration.threshold ?? null,
    ]),
  );
}

let code = 1;
try {
  code = await main();
} catch (error) {
  const message = error instanceof AppError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`Learning failed: ${message}\n`);
} finally {
  for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => undefined);
}
process.exit(code);
