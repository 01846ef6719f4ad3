import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { QueueEvents } from "bullmq";
import type { Hono } from "hono";
import type { Redis } from "ioredis";
import { createTriageWorkerRuntime, type TriageWorkerRuntime } from "../workers/runtime.ts";
import { type AccountCheck, checkAccount, missingGroupsWarning } from "./account-check.ts";
import { createApp } from "./app.ts";
import { authorizationRoutes } from "./auth/authorization.ts";
import { createKeyVault } from "./auth/key-vault.ts";
import { oauthMetadataRoutes } from "./auth/oauth-metadata.ts";
import { resolveSecretKey } from "./auth/secret-key.ts";
import { createTokenStore } from "./auth/token-store.ts";
import type { Config } from "./config.ts";
import { type EmbeddedRedis, startEmbeddedRedis } from "./embedded/redis-server.ts";
import { ConfigError } from "./errors.ts";
import { createRateGovernor, freshdeskAccountName } from "./freshdesk/index.ts";
import { createExamplesStore } from "./learning/examples-store.ts";
import { createLearnScheduler } from "./learning/learn-scheduler.ts";
import { type EmbeddedServiceRecord, embeddedServiceKey } from "./learning/learn-target.ts";
import { createLearner } from "./learning/learner.ts";
import { createModelRegistry } from "./learning/model-registry.ts";
import { createOverrideStore } from "./learning/overrides.ts";
import { createQualityReader, type QualityReport } from "./learning/quality.ts";
import { learnedFieldsFor } from "./learning/types.ts";
import type { Logger } from "./logger.ts";
import { createAuditLog } from "./mcp/audit.ts";
import type { McpServerDeps, SharedServerDeps } from "./mcp/deps.ts";
import { withWorkerThreadMetrics } from "./metrics/combined.ts";
import { createMetrics, type Metrics } from "./metrics/metrics.ts";
import { startMetricsServer } from "./metrics/metrics-server.ts";
import { PRODUCT_LABELS, type Product } from "./product.ts";
import { helpdeskRateLimits, productWiring } from "./products/index.ts";
import { accountKeyPrefix } from "./queue/account-keys.ts";
import { forgetSandboxHistory } from "./queue/forget-sandbox-history.ts";
import { createIntake } from "./queue/intake.ts";
import { createRedisConnection } from "./queue/redis-connection.ts";
import { createTriageQueue, enqueueTriage } from "./queue/triage-queue.ts";
import { createTriageResultStore, type TriageResultStore } from "./queue/triage-results.ts";
import { createTriageService } from "./queue/triage-service.ts";
import { activityRoutes, ticketLinksFor } from "./routes/activity.ts";
import { adminRoutes } from "./routes/admin.ts";
import { adminQueueRoutes, QUEUE_DASHBOARD_PATH } from "./routes/admin-queues.ts";
import { clientAddress } from "./routes/client-address.ts";
import { docsRoutes } from "./routes/docs.ts";
import type { ReadinessCheck } from "./routes/health.ts";
import { loginRoutes } from "./routes/login.ts";
import { mcpRoutes } from "./routes/mcp.ts";
import { metricsRoutes } from "./routes/metrics.ts";
import { oauthAdminRoutes } from "./routes/oauth-admin.ts";
import { createPageAuth } from "./routes/page-auth.ts";
import { createFailedSignInLimiter, createRateLimiter } from "./routes/rate-limit.ts";
import { ticketRoutes } from "./routes/tickets.ts";
import { webhookRoutes } from "./routes/webhooks.ts";
import type { Sandbox } from "./sandbox/app.ts";
import type { AttachedFreshdesk } from "./worker-thread/messages.ts";
import { startWorkerThread, type WorkerThread } from "./worker-thread/start.ts";

/**
 * The composition root: builds every part from the config and wires them together. `web`
 * serves HTTP (webhooks, operator API, /mcp, the sandbox when no Freshdesk is configured);
 * `worker` runs the triage workers. `npm start` runs both in one process.
 */
export type ServiceRoles = { web: boolean; worker: boolean };

export type ServiceOptions = {
  /**
   * With both roles: run the workers on a worker thread (the default), so their work never
   * delays the web event loop, or in the web thread itself (`false`; benchmarks compare both).
   */
  workerThread?: boolean;
  /** A worker-only service inside the all-in-one process: use the web side's Freshdesk. */
  attachedTo?: AttachedFreshdesk;
};

export type RunningService = {
  /** Base URL of the HTTP server (web role only). */
  url: string | undefined;
  /** The web app (web role only); tests walk its routes. */
  app: Hono | undefined;
  /** Base URL of a worker-only process's metrics server (METRICS_PORT). */
  metricsUrl: string | undefined;
  freshdeskBaseUrl: string;
  /** The Freshdesk account's identity (`freshdeskAccountName`) and its Redis key prefix. */
  account: string;
  accountPrefix: string;
  sandbox: Sandbox | undefined;
  redisUrl: string;
  results: TriageResultStore;
  /** One look at the Freshdesk account (key, reachability, the groups TRIAGE_CONFIG names); memoized. */
  accountCheck(): Promise<AccountCheck>;
  /** The learned model in use and the kept-unchanged shares, as /admin/quality shows them. */
  quality(): Promise<QualityReport>;
  /** This service's own Prometheus registry (its worker thread's figures excluded). */
  metrics: Metrics;
  stop(): Promise<void>;
};

export async function startService(
  config: Config,
  logger: Logger,
  roles: ServiceRoles,
  options: ServiceOptions = {},
): Promise<RunningService> {
  const stops: Array<() => Promise<unknown>> = [];
  const stop = async () => {
    for (const step of stops.reverse()) {
      await step().catch((error: unknown) => logger.warn({ err: error }, "error during shutdown"));
    }
  };
  try {
    return await build(config, logger, roles, options, stops, stop);
  } catch (error) {
    await stop();
    throw error;
  }
}

async function build(
  config: Config,
  logger: Logger,
  roles: ServiceRoles,
  options: ServiceOptions,
  stops: Array<() => Promise<unknown>>,
  stop: () => Promise<void>,
): Promise<RunningService> {
  let embedded: EmbeddedRedis | undefined;
  if (!config.redis.url) {
    embedded = await startEmbeddedRedis({ dataDir: config.redis.dataDir });
    stops.push(() => embedded!.stop());
    logger.info({ dataDir: config.redis.dataDir, url: embedded.url }, "embedded redis-server started");
  }
  const redisUrl = config.redis.url ?? embedded!.url;
  const prefix = config.redis.queuePrefix;
  const shared = track(stops, createRedisConnection(redisUrl, "worker", "shared"));
  // Freshdesk or Freshservice: the parts that differ (client, sandbox, tools, webhook body).
  const wiring = productWiring(config.product);
  const siteName = `${PRODUCT_LABELS[config.product]} triage`;

  // The HTTP server starts first so the sandbox's URL (and so Freshdesk's base URL) is known.
  let handler: Hono | undefined;
  let url: string | undefined;
  let sandbox: Sandbox | undefined;
  if (roles.web) {
    const server = serve({
      fetch: (request, env) => (handler ? handler.fetch(request, env) : new Response(null, { status: 503 })),
      port: config.port,
      hostname: config.host,
    });
    await new Promise<void>((resolve, reject) => {
      server.once("listening", resolve);
      server.once("error", reject);
    });
    const { port } = server.address() as AddressInfo;
    url = `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${port}`;
    stops.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  }

  let freshdeskBaseUrl: string;
  let portalUrl: string;
  if (options.attachedTo) {
    ({ freshdeskBaseUrl, portalUrl } = options.attachedTo);
  } else if (config.freshdesk.target.kind === "sandbox") {
    if (!url) {
      throw new ConfigError([
        "A worker-only process needs a Freshdesk: set FRESHDESK_DOMAIN and FRESHDESK_API_KEY, or point FRESHDESK_DOMAIN at the web process's sandbox (e.g. http://127.0.0.1:3000/sandbox with FRESHDESK_API_KEY=sandbox).",
      ]);
    }
    sandbox = wiring.createSandbox({
      apiKey: config.sandbox.apiKey,
      plan: config.sandbox.plan,
      timeScale: config.sandbox.timeScale,
      logger: logger.child({ component: "sandbox" }),
    });
    stops.push(() => sandbox!.close());
    freshdeskBaseUrl = `${url.replace("0.0.0.0", "127.0.0.1")}/sandbox`;
    portalUrl = `${config.publicUrl ?? url}/sandbox`;
  } else {
    freshdeskBaseUrl = config.freshdesk.target.baseUrl;
    portalUrl = config.freshdesk.target.baseUrl;
  }

  // Everything keyed by ticket id lives under the account's own prefix (see account-keys.ts).
  const account = freshdeskAccountName(freshdeskBaseUrl);
  const accountPrefix = accountKeyPrefix(prefix, account);
  if (embedded) {
    // `npm run learn` without REDIS_URL finds this service through the data folder's pid file,
    // and reads here which account (which sandbox address) to learn into this Redis.
    const record: EmbeddedServiceRecord = { freshdeskBaseUrl, account };
    await shared.set(embeddedServiceKey(prefix), JSON.stringify(record));
  }
  const results = createTriageResultStore(shared, accountPrefix);
  const queueConnection = track(stops, createRedisConnection(redisUrl, "intake", "queue"));
  const queue = createTriageQueue(queueConnection, accountPrefix);
  stops.push(() => queue.close());
  if (sandbox) await forgetSandboxHistory(shared, queue, accountPrefix);

  const embeddedSandbox = config.freshdesk.target.kind === "sandbox";
  const governor = createRateGovernor({
    redis: shared,
    account,
    share: config.freshdesk.rateShare,
    ...helpdeskRateLimits(config, embeddedSandbox),
    windowMs: config.freshdesk.rateWindowMs,
    keyPrefix: prefix,
    logger,
  });
  // The account's learning: the model in use, its labelled examples and agents' overrides.
  const learning = {
    models: createModelRegistry({ redis: shared, prefix, account, fields: learnedFieldsFor(config.product) }),
    examples: createExamplesStore({
      redis: shared,
      prefix,
      account,
      maxExamples: config.learning.maxTickets,
    }),
    overrides: createOverrideStore({
      redis: shared,
      prefix,
      account,
      fields: learnedFieldsFor(config.product),
    }),
  };
  const quality = createQualityReader({
    fields: learnedFieldsFor(config.product),
    models: learning.models,
    overrides: learning.overrides,
    targetPrecision: config.triage.targetPrecision,
    applyUnmeasured: config.triage.applyUnmeasured,
  });
  const metrics = createMetrics({
    queueCounts: () => queue.getJobCounts(),
    rateBudget: () => governor.snapshot(),
    quality,
  });
  const sharedMcp: SharedServerDeps = {
    audit: createAuditLog({ redis: shared, key: `${prefix}:audit` }),
    logger: logger.child({ component: "mcp" }),
    cursorSecret: config.mcp.cursorSecret,
    portalUrl,
  };
  const mcpDeps: McpServerDeps<Product> = wiring.serverDeps(
    {
      baseUrl: freshdeskBaseUrl,
      apiKey: config.freshdesk.target.apiKey,
      timeoutMs: config.freshdesk.timeoutMs,
      governor,
      logger: logger.child({ component: config.product }),
      onResponse: metrics.freshdeskCall,
    },
    sharedMcp,
  );
  const readiness: ReadinessCheck[] = [
    { name: "redis", check: async () => void (await shared.ping()) },
    // Cached account data: a probe costs Freshdesk credits at most once per cache period.
    { name: config.product, check: async () => void (await mcpDeps.directory.groups()) },
    {
      name: "triage-config",
      check: async () => {
        const warning = missingGroupsWarning(await wiring.missingGroups(mcpDeps, config.triage.taxonomy));
        return warning ? [warning] : [];
      },
    },
  ];
  let accountChecked: Promise<AccountCheck> | undefined;
  const accountCheck = () => {
    accountChecked ??= checkAccount({
      groups: () => mcpDeps.directory.groups(),
      missingGroups: () => wiring.missingGroups(mcpDeps, config.triage.taxonomy),
      product: config.product,
      baseUrl: sandbox ? `${freshdeskBaseUrl} (the embedded sandbox)` : freshdeskBaseUrl,
      timeoutMs: 10_000,
    });
    return accountChecked;
  };

  const inThread = roles.web && roles.worker && options.workerThread !== false;
  let workerThread: WorkerThread | undefined;
  let worker: TriageWorkerRuntime | undefined;
  if (roles.worker && !inThread) {
    worker = await createTriageWorkerRuntime({
      config,
      logger: logger.child({ component: "worker" }),
      redisUrl,
      accountPrefix,
      mcp: mcpDeps,
      results,
      redis: shared,
      portalUrl,
      metrics,
      learning,
    });
    stops.push(() => worker!.close());
  }

  let metricsUrl: string | undefined;
  if (!roles.web && config.metrics.port !== undefined) {
    const metricsServer = await startMetricsServer({
      host: config.host,
      port: config.metrics.port,
      app: createApp({
        config,
        logger,
        readiness,
        mounts: [{ path: "/metrics", app: metricsRoutes({ metrics, token: config.metrics.token }) }],
      }),
    });
    stops.push(() => metricsServer.close());
    metricsUrl = metricsServer.url;
  }

  if (roles.web) {
    mcpDeps.triage = createTriageService({
      queue,
      results,
      openEvents: () => {
        const events = new QueueEvents(queue.name, {
          connection: track(stops, createRedisConnection(redisUrl, "worker", "queue-events")),
          prefix: accountPrefix,
        });
        stops.push(() => events.close());
        return events;
      },
    });
    const intake = createIntake({ queue, redis: queueConnection, keyPrefix: accountPrefix });
    // One budget of wrong tokens per client address, whichever door they come through.
    const failedSignIns = createFailedSignInLimiter({ redis: shared, keyPrefix: prefix });
    const signInGuard = { limiter: failedSignIns, addressOf: clientAddress(config.trustProxy) };
    const pageAuth = createPageAuth(config.mcp.tokens, config.publicUrl, signInGuard);
    // OAuth sign-in: people connect MCP clients with their own Freshdesk key (src/auth/).
    const vault = createKeyVault({
      redis: shared,
      keyPrefix: accountPrefix,
      secretKey: resolveSecretKey(config.oauth.secretKey, config.redis.dataDir),
    });
    const tokenStore = createTokenStore({
      redis: shared,
      keyPrefix: accountPrefix,
      accessTokenTtlSeconds: config.oauth.accessTokenTtlSeconds,
      refreshTokenTtlSeconds: config.oauth.refreshTokenTtlSeconds,
    });
    const people = wiring.people({
      client: {
        baseUrl: freshdeskBaseUrl,
        timeoutMs: config.freshdesk.timeoutMs,
        governor,
        logger: logger.child({ component: config.product }),
        onResponse: metrics.freshdeskCall,
      },
      store: tokenStore,
      vault,
      logger: logger.child({ component: "oauth" }),
    });
    handler = createApp({
      config,
      logger,
      readiness,
      mounts: [
        ...(sandbox ? [{ path: "/sandbox", app: sandbox.app }] : []),
        {
          path: "/webhooks",
          app: webhookRoutes({
            secret: config.webhook.secret,
            intake,
            onOutcome: metrics.webhook,
            path: wiring.webhookPath,
            parse: wiring.parseWebhook,
          }),
        },
        {
          path: "/metrics",
          app: metricsRoutes({
            metrics: inThread
              ? withWorkerThreadMetrics(metrics, async () => workerThread?.metrics() ?? [])
              : metrics,
            token: config.metrics.token,
          }),
        },
        {
          path: "/tickets",
          app: ticketRoutes({
            tokens: config.mcp.tokens,
            results,
            enqueue: (job) => enqueueTriage(queue, job),
            failedSignIns: signInGuard,
          }),
        },
        {
          path: "/mcp",
          app: mcpRoutes({
            config,
            redis: shared,
            keyPrefix: prefix,
            server: mcpDeps,
            failedSignIns,
            oauth: {
              store: tokenStore,
              vault,
              serverFor: (person) => people.serverFor(mcpDeps, person.grant.agentId, person.apiKey),
            },
            readOnly: config.mcp.readOnly,
            ...(config.mcp.toolsets ? { toolsets: config.mcp.toolsets } : {}),
          }),
        },
        {
          path: "/admin/oauth",
          app: oauthAdminRoutes({
            tokens: config.mcp.tokens,
            store: tokenStore,
            vault,
            failedSignIns: signInGuard,
          }),
        },
        // Before /admin, whose bearer-only guard would otherwise refuse the dashboard's session.
        { path: QUEUE_DASHBOARD_PATH, app: adminQueueRoutes({ auth: pageAuth, queues: [queue] }) },
        {
          path: "/admin",
          app: adminRoutes({
            tokens: config.mcp.tokens,
            audit: mcpDeps.audit,
            failedSignIns: signInGuard,
            quality,
          }),
        },
        { path: "/", app: oauthMetadataRoutes({ publicUrl: config.publicUrl, product: config.product }) },
        {
          path: "/",
          app: authorizationRoutes({
            store: tokenStore,
            vault,
            redis: shared,
            keyPrefix: accountPrefix,
            publicUrl: config.publicUrl,
            adminAgents: config.oauth.adminAgents,
            product: config.product,
            keyCheck: people.keyCheck,
            failedSignIns,
            registrations: createRateLimiter({
              redis: shared,
              keyPrefix: `${prefix}:oauth-registrations`,
              perMinute: 30,
              what: "client registrations from this address",
            }),
            addressOf: signInGuard.addressOf,
            logger: logger.child({ component: "oauth" }),
          }),
        },
        {
          path: "/",
          app: docsRoutes({
            serverUrl: config.publicUrl,
            includeSandbox: sandbox !== undefined,
            product: config.product,
          }),
        },
        {
          path: "/",
          app: loginRoutes(pageAuth, failedSignIns, signInGuard.addressOf, siteName),
        },
        {
          path: "/",
          app: activityRoutes({
            auth: pageAuth,
            results,
            enqueue: (job) => enqueueTriage(queue, job),
            tickets: ticketLinksFor(config.freshdesk.target, config.product),
            site: siteName,
            quality,
          }),
        },
      ],
    });
    if (sandbox && config.sandbox.automations) {
      sandbox.automations.setTarget({
        targetUrl: `${freshdeskBaseUrl.replace(/\/sandbox$/, "")}/webhooks/${wiring.webhookPath}`,
        auth: { type: "header", name: "X-Webhook-Token", value: config.webhook.secret },
      });
    }
  }

  if (inThread) {
    // After the web app is serving: the thread's workers reach the sandbox through it. Stopped
    // first on shutdown (stops run in reverse), so jobs in flight drain while the sandbox serves.
    workerThread = await startWorkerThread({
      config: { ...config, redis: { ...config.redis, url: redisUrl } },
      attachedTo: { freshdeskBaseUrl, portalUrl },
      logger,
    });
    stops.push(() => workerThread!.close());
    readiness.push({ name: "worker", check: () => workerThread!.check() });
  }

  if (worker) {
    // After the web app is serving (the sandbox lives there), so the first ticket is not slowed
    // down by loading groups, agents and the knowledge base. Not awaited: start-up (and so a
    // SIGTERM's drain) never waits on Freshdesk, and a failure is not fatal since the first job
    // loads the same data through the same single-flight cache.
    worker.warmUp().catch((error: unknown) => logger.warn({ err: error }, "could not preload account data"));
  }

  if (worker) {
    // Learning from the account's resolved tickets: at start and every LEARN_INTERVAL, in the
    // background under its own share of the Freshdesk budget; start-up and triage never wait for it.
    const learner = await createLearner({
      config,
      redis: shared,
      prefix,
      account,
      freshdeskBaseUrl,
      accountGovernor: governor,
      mcp: mcpDeps,
      logger: logger.child({ component: "learning" }),
      onResponse: metrics.freshdeskCall,
    });
    const scheduler = createLearnScheduler({
      learn: (signal) => learner.learn(signal),
      intervalMs: config.learning.intervalMs,
      lastRun: () => learner.lastRun(),
      logger: logger.child({ component: "learning" }),
    });
    scheduler.start();
    stops.push(async () => {
      await scheduler.stop();
      await learner.close();
    });
  }

  return {
    url,
    app: handler,
    metricsUrl,
    freshdeskBaseUrl,
    account,
    accountPrefix,
    sandbox,
    redisUrl,
    results,
    accountCheck,
    quality,
    metrics,
    stop,
  };
}

function track(stops: Array<() => Promise<unknown>>, connection: Redis): Redis {
  connection.on("error", () => {
    // ioredis reconnects by itself; callers see failures on their own commands.
  });
  stops.push(async () => connection.disconnect());
  return connection;
}
