// `npm run learn [-- --report FILE.html|FILE.md|FILE.json]`: learns the account's history once,
// now, exactly as the service does at start and every LEARN_INTERVAL (same sync, budget, lock,
// training and promotion), and prints what it learned. With REDIS_URL set, the model lands in the
// registry the service reads; without it, in the Redis of the service running on the data folder
// (REDIS_DATA_DIR), or, with none running, in that folder's Redis for the service's next start.
// With no FRESHDESK_DOMAIN, it learns the running service's sandbox, or a sandbox of its own with
// the same seeded history.
import { writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { extname } from "node:path";
import { parseArgs } from "node:util";
import { serve } from "@hono/node-server";
import { Redis } from "ioredis";
import { type Config, loadConfig } from "../config.ts";
import { AppError } from "../errors.ts";
import {
  createAccountDirectory,
  createFreshdeskClient,
  createRateGovernor,
  freshdeskAccountName,
} from "../freshdesk/index.ts";
import { createFreshserviceDirectory } from "../freshservice/account-directory.ts";
import { createFreshserviceClient } from "../freshservice/index.ts";
import { createFreshserviceSandbox } from "../freshservice-sandbox/app.ts";
import { createLogger } from "../logger.ts";
import { createAuditLog } from "../mcp/audit.ts";
import type { McpServerDeps } from "../mcp/deps.ts";
import { PRODUCT_LABELS, type Product } from "../product.ts";
import { createSandbox } from "../sandbox/app.ts";
import { learnReportHtml } from "./learn-report.ts";
import { summaryLines, summaryMarkdown } from "./learn-summary.ts";
import { dataFolderTarget, nextSandboxBaseUrl, readEmbeddedService } from "./learn-target.ts";
import { createLearner } from "./learner.ts";
import { learnedFieldsFor } from "./types.ts";

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
  let serviceRunning = false;
  if (!redisUrl) {
    const target = await dataFolderTarget(config.redis.dataDir);
    cleanups.push(() => target.stop());
    redisUrl = target.redisUrl;
    serviceRunning = target.serviceRunning;
    say(target.message);
  }
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
  cleanups.push(() => redis.disconnect());
  const prefix = config.redis.queuePrefix;

  let baseUrl: string;
  // The account the model is stored under: the one the service reads.
  let account: string;
  const service = serviceRunning ? await readEmbeddedService(redis, prefix) : undefined;
  if (config.freshdesk.target.kind === "remote") {
    baseUrl = config.freshdesk.target.baseUrl;
    account = freshdeskAccountName(baseUrl);
  } else if (service) {
    // The running service's own sandbox: its tickets, under its account.
    baseUrl = service.freshdeskBaseUrl;
    account = service.account;
    say(`Learning from the running service's sandbox at ${baseUrl}.`);
  } else {
    const sandboxOptions = { apiKey: config.sandbox.apiKey, plan: config.sandbox.plan, history: true };
    const sandbox =
      config.product === "freshservice"
        ? createFreshserviceSandbox(sandboxOptions)
        : createSandbox(sandboxOptions);
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
    account = freshdeskAccountName(baseUrl);
    say(
      config.product === "freshservice"
        ? "FRESHSERVICE_DOMAIN is not set: learning from a Freshservice sandbox with the seeded history."
        : "FRESHDESK_DOMAIN is not set: learning from a sandbox with the seeded history.",
    );
    if (!config.redis.url) {
      // Its history is the one the service's sandbox seeds: stored under the account the
      // service's sandbox will have at HOST:PORT.
      const next = nextSandboxBaseUrl(config.host, config.port);
      if (next) account = freshdeskAccountName(next);
      else
        say(
          "PORT=0: the service's sandbox gets a new address at every start, so it will not see this model.",
        );
    }
  }
  const governor = createRateGovernor({
    redis,
    account,
    share: config.freshdesk.rateShare,
    limitPerWindow: config.freshdesk.rateLimitPerMinute,
    windowMs: config.freshdesk.rateWindowMs,
    keyPrefix: prefix,
    logger,
  });
  const clientOptions = {
    baseUrl,
    apiKey: config.freshdesk.target.apiKey,
    timeoutMs: config.freshdesk.timeoutMs,
    governor,
    logger,
  };
  const shared = {
    audit: createAuditLog({ redis, key: `${prefix}:audit` }),
    logger,
    cursorSecret: config.mcp.cursorSecret,
    portalUrl: baseUrl,
  };
  let mcp: McpServerDeps<Product>;
  if (config.product === "freshservice") {
    const freshservice = createFreshserviceClient(clientOptions);
    mcp = { ...shared, freshservice, directory: createFreshserviceDirectory(freshservice) };
  } else {
    const freshdesk = createFreshdeskClient(clientOptions);
    mcp = { ...shared, freshdesk, directory: createAccountDirectory(freshdesk) };
  }
  const fields = learnedFieldsFor(config.product);
  const learner = await createLearner({
    config,
    redis,
    prefix,
    account,
    freshdeskBaseUrl: baseUrl,
    accountGovernor: governor,
    mcp,
    logger,
  });
  cleanups.push(() => learner.close());

  say(
    `Reading resolved and closed tickets of the last ${config.learning.days} days from ${account}` +
      `${config.product === "freshservice" ? ` (${PRODUCT_LABELS.freshservice}: ${fields.join(", ")})` : ""}…`,
  );
  const outcome = await learner.learn();
  if (!outcome.ran) {
    process.stderr.write(`Not learning now: ${outcome.reason}. Try again when it has finished.\n`);
    return 1;
  }
  say(`\n${summaryLines(outcome.report, outcome.candidate, fields).join("\n")}`);
  const llm = outcome.report.llm;
  if (llm) {
    const { asked, answered, skipped, usd } = llm.spend;
    say(
      `\nLanguage model calibrated on ${answered} of ${asked} sampled tickets` +
        `${skipped > 0 ? ` (${skipped} not asked: LEARN_LLM_BUDGET_USD spent)` : ""}, about US$ ${usd.toFixed(4)}.`,
    );
    for (const [field, counts] of Object.entries(llm.calibration)) {
      if (!counts) continue;
      const share = (c: { n: number; correct: number }) => (c.n > 0 ? `${c.correct}/${c.n} right` : "never");
      say(
        `  ${field}: agreeing with the learned model ${share(counts.agree)}, disagreeing ${share(counts.disagree)}, alone ${share(counts.alone)}`,
      );
    }
  }
  if (values.report && reportFormat) {
    const { report, candidate } = outcome;
    const text =
      reportFormat === "html"
        ? learnReportHtml(report, candidate, outcome.heldOut, {
            targetPrecision: config.triage.targetPrecision,
            applyUnmeasured: config.triage.applyUnmeasured,
            fields,
          })
        : reportFormat === "md"
          ? summaryMarkdown(report, candidate, fields)
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
