// The Freshservice v2 simulator as a mountable Hono app (reference: shared/reference/freshservice-api.md).
// Same plumbing as the Freshdesk sandbox (src/sandbox/http): an outer app finds `/api/v2` or
// `/_sandbox` in the path, so the sandbox works under any prefix, and the inner app sees paths
// from `/api/v2` on. Returns the same `Sandbox` type, so the composition root wires either.
import { Hono, type MiddlewareHandler } from "hono";
import type { Logger } from "../logger.ts";
import { silentLogger } from "../logger.ts";
import { agentApiKey } from "../sandbox/agent-keys.ts";
import type { Sandbox } from "../sandbox/app.ts";
import type { AutomationConfig } from "../sandbox/automations.ts";
import { basicAuth, usernameOf } from "../sandbox/http/auth.ts";
import type { SandboxEnv } from "../sandbox/http/context.ts";
import { wireErrorHandler, wireNotFound } from "../sandbox/http/error-boundary.ts";
import { CodedWireError } from "../sandbox/http/errors.ts";
import { RateLimiter } from "../sandbox/http/rate-limit.ts";
import { rateLimit } from "../sandbox/http/rate-limit-middleware.ts";
import { requestChecks } from "../sandbox/http/request-checks.ts";
import { requestContext } from "../sandbox/http/request-context.ts";
import { apiRoutes, RouteTable } from "../sandbox/http/route-table.ts";
import { StatsRecorder } from "../sandbox/http/stats.ts";
import { createWorkflowAutomator } from "./automator.ts";
import { freshserviceBucketOf, freshserviceCreditCost } from "./http/credits.ts";
import type { FsRouteDeps } from "./http/deps.ts";
import { parseFreshservicePlan } from "./plans.ts";
import { registerFreshserviceResourceRoutes } from "./routes/index.ts";
import { sandboxAgentRoutes } from "./routes/sandbox-agents.ts";
import { registerTicketRoutes } from "./routes/ticket-routes.ts";
import { buildFreshserviceHistory } from "./seed/history.ts";
import { buildFreshserviceSeed } from "./seed/index.ts";
import type { FreshserviceSeed } from "./seed/types.ts";
import { FreshserviceStore } from "./store.ts";
import { indexFormFields } from "./tickets/form-fields.ts";

export type FreshserviceSandboxOptions = {
  /** The accepted Basic-auth username (the password is ignored, §1). */
  apiKey: string;
  /** "demo" (default), "starter", "growth", "pro", "enterprise", "unlimited", "<n>" or "<n>/<windowMs>". */
  plan?: string;
  /** Default time scale for retry delays of a rule pointed at later (tests compress them). */
  timeScale?: number;
  /** Clock, ms since epoch (default Date.now). */
  now?: () => number;
  /** Load the seeded service desk (default true). Without it the account keeps its people, groups,
   *  departments, form, SLA policies and business hours but has no tickets, KB, catalog or assets. */
  seed?: boolean;
  /** Also load the resolved, labelled history tickets to learn from (default false). */
  history?: boolean;
  logger?: Logger;
  /** The Workflow Automator's Web Request target; undefined = off until `automations.setTarget()`. */
  automations?: AutomationConfig;
};

/** What the 429 says [open: the body is not documented]; Freshdesk's shape. */
const RATE_LIMIT_MESSAGE = "You have exceeded the limit of requests per minute";
const MOUNT = /^(.*?)(\/api\/v2(?:\/.*)?|\/_sandbox(?:\/.*)?)$/;

export function createFreshserviceSandbox(options: FreshserviceSandboxOptions): Sandbox {
  const now = options.now ?? Date.now;
  const logger = options.logger ?? silentLogger();
  const plan = parseFreshservicePlan(options.plan);
  const seed = buildFreshserviceSeed(now());
  const store = new FreshserviceStore(options.seed === false ? accountOnly(seed) : seed, now);
  if (options.history === true && options.seed !== false) {
    const history = buildFreshserviceHistory(now());
    store.addTickets(history.tickets, history.requesters);
  }
  for (const agentId of store.agents.keys())
    store.agentKeys.set(agentApiKey(options.apiKey, agentId), agentId);

  const automator = createWorkflowAutomator({ now, logger, timeScale: options.timeScale });
  automator.setTarget(options.automations);
  // Every creation and every update that changed a field fires, whoever's key made it (§12):
  // the triage's own updates echo back, as in the real product.
  store.onTicketEvent((ticket, event) => automator.ticketChanged({ id: ticket.id }, event));

  const stats = new StatsRecorder(now);
  const deps: FsRouteDeps = { store, form: indexFormFields(store.ticketFormFields) };
  const inner = new Hono<SandboxEnv>();
  const table = new RouteTable(inner);
  inner.use(
    "*",
    requestContext(table, stats, {
      apiVersionHeader: "X-Freshservice-Api-Version",
      creditCost: freshserviceCreditCost,
    }),
  );
  // Before auth: invalid calls count against the account's limit too (§10).
  // The X-RateLimit-* headers come on every response, 429s included (§10).
  inner.use(
    "/api/v2/*",
    rateLimit(new RateLimiter(plan, now), RATE_LIMIT_MESSAGE, freshserviceBucketOf, {
      headersOnRefusal: true,
    }),
  );
  inner.use("*", passwordLoginRefused);
  inner.use("*", basicAuth(options.apiKey, store));
  inner.use("/api/v2/*", requestChecks);
  const api = apiRoutes(table);
  registerTicketRoutes(api, deps);
  registerFreshserviceResourceRoutes(api, deps);
  inner.get("/_sandbox/stats", (c) => c.json(stats.snapshot()));
  inner.post("/_sandbox/stats/reset", (c) => {
    stats.reset();
    return c.body(null, 204);
  });
  sandboxAgentRoutes(inner, store, options.apiKey);
  inner.notFound(wireNotFound(table, "json"));
  inner.onError(wireErrorHandler("json", logger));

  const app = new Hono();
  app.all("*", (c) => {
    const url = new URL(c.req.url);
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
    automations: automator,
    close: async () => automator.close(),
  };
}

/**
 * Email + password Basic auth was removed on 31 May 2023 and answers
 * `unsupported_authentication_type` (§1, §9); the status is [inferred] 401.
 */
const passwordLoginRefused: MiddlewareHandler<SandboxEnv> = async (c, next) => {
  const username = usernameOf(c.req.header("authorization"));
  if (username?.includes("@")) {
    throw new CodedWireError(
      401,
      "unsupported_authentication_type",
      "Username and password authentication is no longer supported. Use your API key instead.",
    );
  }
  await next();
};

/** The account's people and configuration without tickets, KB, canned responses, catalog or assets. */
function accountOnly(seed: FreshserviceSeed): FreshserviceSeed {
  return {
    ...seed,
    tickets: [],
    conversations: [],
    ticketAssets: new Map(),
    solutionCategories: [],
    solutionFolders: [],
    solutionArticles: [],
    cannedResponseFolders: [],
    cannedResponses: [],
    serviceCategories: [],
    serviceItems: [],
    assets: [],
    changes: [],
    problems: [],
  };
}
