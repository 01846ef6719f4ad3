// The Freshdesk v2 simulator as a mountable Hono app (reference: shared/reference/freshdesk-api.md).
// An outer app finds `/api/v2` or `/_sandbox` in the path, so the sandbox works under any prefix,
// and hands the request to the inner app, which sees paths from `/api/v2` on.
import { Hono } from "hono";
import type { Logger } from "../logger.ts";
import { silentLogger } from "../logger.ts";
import { accountFields } from "./account-fields.ts";
import { agentApiKey } from "./agent-keys.ts";
import {
  type AutomationConfig,
  type AutomationControl,
  type AutomationEmitter,
  createAutomationEmitter,
} from "./automations.ts";
import { basicAuth, hasApiKey } from "./http/auth.ts";
import type { RouteDeps, SandboxEnv } from "./http/context.ts";
import { type NotFoundContentType, wireErrorHandler, wireNotFound } from "./http/error-boundary.ts";
import { RateLimiter } from "./http/rate-limit.ts";
import { DEFAULT_RATE_LIMIT_MESSAGE, rateLimit } from "./http/rate-limit-middleware.ts";
import { requestChecks } from "./http/request-checks.ts";
import { requestContext } from "./http/request-context.ts";
import { apiRoutes, RouteTable } from "./http/route-table.ts";
import { type SandboxStats, StatsRecorder } from "./http/stats.ts";
import { parsePlan } from "./plans.ts";
import { portalRoutes } from "./portal.ts";
import { registerApiRoutes } from "./routes/index.ts";
import { sandboxAdminRoutes } from "./routes/sandbox-admin.ts";
import { buildHistory } from "./seed/history.ts";
import { buildSeed } from "./seed/index.ts";
import type { SeedData } from "./seed/types.ts";
import { SandboxStore } from "./store.ts";

export type { SandboxStats } from "./http/stats.ts";

export type SandboxOptions = {
  /** The accepted Basic-auth username (the password is ignored). */
  apiKey: string;
  /** "demo" (default), "trial", "growth", "pro", "enterprise", "free", "unlimited", "<n>" or "<n>/<windowMs>". */
  plan?: string;
  /** Label of the empty 404 body (reference §2.3): "none" (default) = not JSON, so npm
   *  freshdesk-api reports a FreshdeskError 404; "json" = application/json. */
  notFoundContentType?: NotFoundContentType;
  /** The automation rule's webhook; undefined = emulator off until `automations.setTarget()`. */
  automations?: AutomationConfig;
  /** Default time scale for webhook retry delays (tests compress them). */
  timeScale?: number;
  /** Clock, ms since epoch (default Date.now). */
  now?: () => number;
  /** Load the seeded helpdesk (default true). Without it the account keeps its agents, groups,
   *  ticket fields, SLA policies and business hours but has no tickets, customers or articles. */
  seed?: boolean;
  /** Also load months of resolved, labelled tickets (seed/history.ts) to learn from (default false). */
  history?: boolean;
  /** Body message of the rate-limit 429. */
  rateLimitMessage?: string;
  logger?: Logger;
};

export type Sandbox = {
  app: Hono;
  stats(): SandboxStats;
  resetStats(): void;
  /** The same surface for every simulated product (its emulator fires by itself). */
  automations: AutomationControl;
  close(): Promise<void>;
};

const MOUNT = /^(.*?)(\/api\/v2(?:\/.*)?|\/_sandbox(?:\/.*)?)$/;
const PORTAL = /^(.*?)(\/a\/tickets\/[^/]+|\/support\/solutions\/articles\/[^/]+)$/;

export function createSandbox(options: SandboxOptions): Sandbox {
  const now = options.now ?? Date.now;
  const logger = options.logger ?? silentLogger();
  const notFound = options.notFoundContentType ?? "none";
  const plan = parsePlan(options.plan);
  const seed = buildSeed(now());
  const store = new SandboxStore(options.seed === false ? accountOnly(seed) : seed, now);
  if (options.history === true && options.seed !== false) store.addHistory(buildHistory(now()));
  for (const agentId of store.agents.keys())
    store.agentKeys.set(agentApiKey(options.apiKey, agentId), agentId);
  const stats = new StatsRecorder(now);
  const automations = withDefaultTimeScale(
    createAutomationEmitter(undefined, { now, logger }),
    options.timeScale,
  );
  automations.setTarget(options.automations);
  const deps: RouteDeps = { store, fields: accountFields(store.ticketFields), automations };

  const inner = new Hono<SandboxEnv>();
  const table = new RouteTable(inner);
  inner.use("*", requestContext(table, stats));
  inner.use(
    "/api/v2/*",
    rateLimit(new RateLimiter(plan, now), options.rateLimitMessage ?? DEFAULT_RATE_LIMIT_MESSAGE),
  );
  inner.use("*", basicAuth(options.apiKey, store));
  inner.use("/api/v2/*", requestChecks);
  registerApiRoutes(apiRoutes(table), deps);
  sandboxAdminRoutes(inner, stats, store, (authorization) => hasApiKey(authorization, options.apiKey));
  inner.notFound(wireNotFound(table, notFound));
  inner.onError(wireErrorHandler(notFound, logger));

  const portal = portalRoutes(store, options.apiKey);
  const app = new Hono();
  app.all("*", (c) => {
    const url = new URL(c.req.url);
    const page = PORTAL.exec(url.pathname);
    if (page && c.req.method === "GET") {
      return portal.fetch(new Request(new URL(`${page[2]}${url.search}`, url.origin), c.req.raw));
    }
    const mount = MOUNT.exec(url.pathname);
    if (!mount) return new Response(null, { status: 404 });
    const innerUrl = new URL(`${mount[2]}${url.search}`, url.origin);
    return inner.fetch(new Request(innerUrl, c.req.raw), {
      externalOrigin: url.origin,
      externalPrefix: mount[1] ?? "",
    });
  });

  return {
    app,
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    automations,
    close: async () => automations.close(),
  };
}

/** The account's configuration without its tickets, customers, articles or canned responses. */
function accountOnly(seed: SeedData): SeedData {
  return {
    ...seed,
    contacts: [],
    companies: [],
    tickets: [],
    conversations: [],
    solutionCategories: [],
    solutionFolders: [],
    solutionArticles: [],
    cannedResponseFolders: [],
    cannedResponses: [],
    timeEntries: [],
    satisfactionRatings: [],
  };
}

/** Rules pointed at later (`setTarget`) inherit the sandbox's time scale unless they set one. */
function withDefaultTimeScale(emitter: AutomationEmitter, timeScale: number | undefined): AutomationEmitter {
  if (timeScale === undefined) return emitter;
  return {
    ticketChanged: (view, event) => emitter.ticketChanged(view, event),
    setTarget: (config) => emitter.setTarget(config && { timeScale, ...config }),
    deliveries: () => emitter.deliveries(),
    idle: () => emitter.idle(),
    close: () => emitter.close(),
  };
}
