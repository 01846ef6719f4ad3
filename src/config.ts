import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { z } from "zod";
import { ConfigError } from "./errors.ts";
import { TOOLSETS, type Toolset } from "./mcp/define-tool.ts";
import { PRODUCTS, type Product } from "./product.ts";
import type { Taxonomy } from "./triage/taxonomy.ts";
import { loadTriageConfig } from "./triage/triage-config.ts";

/**
 * The only reader of `process.env`. Everything else receives the frozen `Config` it returns.
 * Every variable is optional: with none set, the service runs on embedded Redis, the embedded
 * Freshdesk sandbox and the local classifier.
 */

export type Scope = "read" | "write" | "admin";
export type McpToken = { name: string; token: string; scopes: readonly Scope[] };
export type TriageMode = "apply" | "suggest" | "dry-run";

export type FreshdeskTarget =
  | { kind: "sandbox"; apiKey: string }
  | { kind: "remote"; baseUrl: string; apiKey: string };

/** FRESHSERVICE_PLAN: picks Freshservice's per-minute limit and its per-endpoint sub-limits. */
export const FRESHSERVICE_PLANS = ["starter", "growth", "pro", "enterprise"] as const;
export type FreshservicePlan = (typeof FRESHSERVICE_PLANS)[number];

export type Config = Readonly<{
  env: "development" | "production" | "test";
  /**
   * The helpdesk this deployment serves: FRESHSERVICE_DOMAIN (or SANDBOX_PRODUCT=freshservice)
   * selects Freshservice; otherwise Freshdesk. One product per deployment.
   */
  product: Product;
  /** Accepted settings the operator should still hear about; the start-up logs each one. */
  warnings: readonly string[];
  host: string;
  port: number;
  /** Public base URL of this service, used in links and in the sandbox's automation target. */
  publicUrl: string | undefined;
  /**
   * How many proxies in front of the service append to X-Forwarded-For (TRUST_PROXY); 0 means
   * the header is ignored and the connection's peer is the client.
   */
  trustProxy: number;
  logLevel: string;
  redis: Readonly<{ url: string | undefined; dataDir: string; queuePrefix: string }>;
  /**
   * The helpdesk account, Freshdesk or Freshservice as `product` says (the FRESHDESK_RATE_*
   * and FRESHDESK_TIMEOUT_MS settings apply to either).
   */
  freshdesk: Readonly<{
    target: FreshdeskTarget;
    /** Fixed per-minute limit; unset means learn it from `X-RateLimit-Total`. */
    rateLimitPerMinute: number | undefined;
    /** Share of the plan's limit this installation may use (0 < share <= 1). */
    rateShare: number;
    /** Length of the rate-limit window; only tests change it, to compress time. */
    rateWindowMs: number;
    timeoutMs: number;
  }>;
  freshservice: Readonly<{ plan: FreshservicePlan }>;
  openai: Readonly<{
    apiKey: string | undefined;
    baseUrl: string | undefined;
    model: string;
    timeoutMs: number;
  }>;
  webhook: Readonly<{ secret: string; secretGenerated: boolean }>;
  /**
   * `token` set: /metrics needs it as a bearer token; unset: /metrics is open. `port`: where a
   * worker-only process serves /metrics (the web process always serves it on PORT).
   */
  metrics: Readonly<{ token: string | undefined; port: number | undefined }>;
  mcp: Readonly<{
    tokens: readonly McpToken[];
    /** True when MCP_TOKENS was unset outside production and one admin token was generated. */
    tokensGenerated: boolean;
    allowedOrigins: readonly string[];
    ratePerMinute: number;
    /** Global switch: only read-only tools, whatever the token's scopes. */
    readOnly: boolean;
    /** Only these toolsets are offered; undefined = all. */
    toolsets: readonly Toolset[] | undefined;
    /**
     * Signs the paging cursors tools hand out. Generated for the run when CURSOR_SECRET is unset,
     * so cursors then last until the next restart and work only on the process that issued them.
     */
    cursorSecret: string;
  }>;
  /** OAuth sign-in for /mcp (src/auth/): people connect with their own Freshdesk API key. */
  oauth: Readonly<{
    /**
     * SECRET_KEY: encrypts people's stored Freshdesk keys. Required in production; unset in
     * development, the service generates one and keeps it in the data folder (under
     * NODE_ENV=test, one generated for the run).
     */
    secretKey: string | undefined;
    /** MCP_ADMIN_AGENTS: agent ids or emails that may grant admin without a Freshdesk admin role. */
    adminAgents: readonly string[];
    accessTokenTtlSeconds: number;
    refreshTokenTtlSeconds: number;
  }>;
  triage: Readonly<{
    mode: TriageMode;
    configPath: string | undefined;
    /** TRIAGE_CONFIG read and checked here, so a bad file stops the start before anything runs. */
    taxonomy: Taxonomy;
    concurrency: number;
    /** A learned field is applied only where held-out history measured at least this precision. */
    targetPrecision: number;
    /** Apply a field no history could measure (a new account, a custom taxonomy); off by default. */
    applyUnmeasured: boolean;
  }>;
  /** Learning from the account's resolved and closed tickets (src/learning/). */
  learning: Readonly<{
    /** How often to learn; undefined = only on demand (`npm run learn`), not at start nor on a timer. */
    intervalMs: number | undefined;
    /** How far back the history reaches. */
    days: number;
    /** Most examples kept and read per run. */
    maxTickets: number;
    /** Share of the plan's per-minute limit learning may use, inside the installation's own share. */
    rateShare: number;
    /** History tickets the language model is calibrated on per run (0: not calibrated, never trusted alone). */
    llmSample: number;
    /** US dollars one run's calibration may spend on the language model. */
    llmBudgetUsd: number;
  }>;
  sandbox: Readonly<{
    apiKey: string;
    plan: string;
    automations: boolean;
    timeScale: number;
    /** The all-in-one start creates a few demo tickets in the sandbox. */
    demoTickets: boolean;
  }>;
}>;

const SCOPES = ["read", "write", "admin"] as const;

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const intIn = (min: number, max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === "" ? String(fallback) : v.trim()))
    .pipe(z.coerce.number<string>().int().min(min).max(max));

const numberIn = (min: number, max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === "" ? String(fallback) : v.trim()))
    .pipe(z.coerce.number<string>().min(min).max(max));

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().default("127.0.0.1"),
  PORT: intIn(0, 65535, 3000),
  PUBLIC_URL: optionalString.pipe(z.url().optional()),
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((v) => {
      const value = (v ?? "").trim().toLowerCase();
      if (value === "" || value === "false") return 0;
      return value === "true" ? 1 : /^\d+$/.test(value) ? Number(value) : Number.NaN;
    })
    .pipe(
      z
        .number({ error: "must be false, true (one proxy) or the number of proxies in front of the service" })
        .int()
        .min(0)
        .max(10, "must be at most 10 proxies"),
    ),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  REDIS_URL: optionalString.pipe(z.url({ protocol: /^rediss?$/ }).optional()),
  REDIS_DATA_DIR: z.string().default("./data/redis"),
  QUEUE_PREFIX: z.string().default("triage"),
  FRESHDESK_DOMAIN: optionalString,
  FRESHDESK_API_KEY: optionalString,
  FRESHDESK_RATE_LIMIT: optionalString.pipe(
    z.coerce.number<string | undefined>().int().positive().optional(),
  ),
  FRESHDESK_RATE_SHARE: numberIn(0.01, 1, 0.5),
  FRESHDESK_RATE_WINDOW_MS: intIn(100, 3_600_000, 60_000),
  FRESHDESK_TIMEOUT_MS: intIn(100, 120_000, 15_000),
  FRESHSERVICE_DOMAIN: optionalString,
  FRESHSERVICE_API_KEY: optionalString,
  FRESHSERVICE_PLAN: z.enum(FRESHSERVICE_PLANS).default("starter"),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString.pipe(z.url().optional()),
  OPENAI_MODEL: z.string().default("gpt-4o-mini"),
  OPENAI_TIMEOUT_MS: intIn(100, 20_000, 20_000),
  WEBHOOK_SECRET: optionalString,
  METRICS_TOKEN: optionalString,
  CURSOR_SECRET: optionalString,
  SECRET_KEY: optionalString,
  MCP_ADMIN_AGENTS: z
    .string()
    .default("")
    .transform((v) => v.split(/[\s,]+/).filter(Boolean)),
  OAUTH_ACCESS_TOKEN_TTL: z.string().default("1h"),
  OAUTH_REFRESH_TOKEN_TTL: z.string().default("30d"),
  METRICS_PORT: optionalString.pipe(z.coerce.number<string | undefined>().int().min(0).max(65535).optional()),
  MCP_TOKENS: z.string().default(""),
  MCP_ALLOWED_ORIGINS: z.string().default(""),
  MCP_RATE_LIMIT: intIn(1, 100_000, 120),
  MCP_READ_ONLY: z.enum(["true", "false"]).default("false"),
  MCP_TOOLSETS: z
    .string()
    .default("")
    .transform((v) => v.split(/[\s,]+/).filter(Boolean))
    .pipe(z.array(z.enum(TOOLSETS))),
  TRIAGE_MODE: z.enum(["apply", "suggest", "dry-run"]).default("apply"),
  TRIAGE_CONFIG: optionalString,
  TRIAGE_TARGET_PRECISION: numberIn(0.5, 0.999, 0.9),
  TRIAGE_APPLY_UNMEASURED: z.enum(["true", "false"]).default("false"),
  LEARN_INTERVAL: z
    .string()
    .default("6h")
    .transform((v, ctx) => {
      const ms = parseInterval(v);
      if (ms === null) {
        ctx.addIssue({
          code: "custom",
          message: `"${v}" is not an interval: use e.g. 6h, 30m, 90s, 1d, a number of milliseconds, or off`,
        });
        return z.NEVER;
      }
      return ms;
    }),
  LEARN_DAYS: intIn(1, 3650, 180),
  LEARN_MAX_TICKETS: intIn(50, 100_000, 5000),
  LEARN_RATE_SHARE: numberIn(0.01, 0.9, 0.2),
  // With a language model: how many history tickets each learning run asks it, and what it may spend.
  LEARN_LLM_SAMPLE: intIn(0, 2000, 100),
  LEARN_LLM_BUDGET_USD: numberIn(0, 1000, 0.5),
  // Jobs mostly wait on Freshdesk and Redis; the shared rate budget, not this, bounds the load.
  WORKER_CONCURRENCY: intIn(1, 256, 32),
  SANDBOX_PRODUCT: z.enum(PRODUCTS).default("freshdesk"),
  SANDBOX_API_KEY: z.string().min(1).default("sandbox"),
  SANDBOX_PLAN: z.string().default("demo"),
  SANDBOX_AUTOMATIONS: z.enum(["on", "off"]).default("on"),
  SANDBOX_TIME_SCALE: numberIn(0.000001, 1, 1),
  SANDBOX_DEMO_TICKETS: z.enum(["on", "off"]).default("on"),
});

const INTERVAL_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const MIN_INTERVAL_MS = 60_000;

/**
 * "6h", "30m", "90s", "1d", "1500ms" or plain milliseconds; "off" (or 0) = never on a timer.
 * Null when malformed or shorter than a minute (a shorter period would spend the budget on re-reading).
 */
export function parseInterval(text: string): number | undefined | null {
  const value = text.trim().toLowerCase();
  if (value === "off" || value === "0" || value === "never") return undefined;
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/.exec(value);
  if (!match) return null;
  const ms = Math.round(Number(match[1]) * INTERVAL_UNITS[match[2] ?? "ms"]!);
  return ms >= MIN_INTERVAL_MS ? ms : null;
}

const HOSTNAME = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;
const DOMAIN_FORMS = "acme, acme.freshdesk.com or https://acme.freshdesk.com (or your custom https domain)";
const FRESHSERVICE_DOMAIN_FORMS = "acme, acme.freshservice.com or https://acme.freshservice.com";

/**
 * FRESHDESK_DOMAIN as the account's base URL: `acme`, `acme.freshdesk.com`, `https://acme.freshdesk.com`,
 * a custom domain, or an http(s) URL of a sandbox (the service's own is at `/sandbox`). A trailing
 * `/api/v2` (what the standalone sandbox prints) is dropped with a warning; any other path (a ticket
 * page's address) is refused, since the client appends `/api/v2` to what is given.
 */
export function parseFreshdeskDomain(
  raw: string,
  product: Product = "freshdesk",
): { baseUrl: string; warning?: string } | { problem: string } {
  const value = raw.trim();
  const variable = product === "freshservice" ? "FRESHSERVICE_DOMAIN" : "FRESHDESK_DOMAIN";
  const forms = product === "freshservice" ? FRESHSERVICE_DOMAIN_FORMS : DOMAIN_FORMS;
  const suffix = product === "freshservice" ? "freshservice.com" : "freshdesk.com";
  const refuse = (why: string) => ({ problem: `${variable}: "${value}" ${why}; use ${forms}` });
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== "https" && scheme !== "http") {
    return refuse(`has the scheme ${scheme}://, not https://`);
  }
  const url = URL.parse(scheme ? value : `https://${value}`);
  const hostname = url?.hostname.replace(/^\[(.*)\]$/, "$1") ?? "";
  if (!url || !(HOSTNAME.test(hostname) || (url.hostname.startsWith("[") && hostname.includes(":")))) {
    return refuse("is not a domain name");
  }
  if (url.username || url.password)
    return refuse(
      `holds a user name or password (the API key goes in ${variable.replace("DOMAIN", "API_KEY")})`,
    );
  if (url.search || url.hash) return refuse("holds a query or fragment: it looks like a page's address");
  if (!scheme && !hostname.includes(".")) url.hostname = `${hostname}.${suffix}`;
  // Freshservice's API answers only on *.freshservice.com: custom CNAMEs do not work (reference
  // §1). Plain http is a local sandbox's address.
  if (product === "freshservice" && url.protocol === "https:" && !url.hostname.endsWith(`.${suffix}`)) {
    return refuse("is not a freshservice.com address (the API does not answer on custom domains)");
  }
  let path = url.pathname.replace(/\/+$/, "");
  let warning: string | undefined;
  if (/\/api\/v2$/i.test(path)) {
    path = path.slice(0, -"/api/v2".length);
    warning = `${variable} ends in /api/v2, which the service adds itself; using ${url.origin}${path}`;
  }
  if (path !== "" && path !== "/sandbox") {
    return refuse(`has the path ${url.pathname}: it looks like a page's address, not the account's`);
  }
  return { baseUrl: `${url.origin}${path}`, ...(warning ? { warning } : {}) };
}

/** The base URL for a FRESHDESK_DOMAIN value (see parseFreshdeskDomain); throws ConfigError when refused. */
export function freshdeskBaseUrl(domain: string): string {
  const parsed = parseFreshdeskDomain(domain);
  if ("problem" in parsed) throw new ConfigError([parsed.problem]);
  return parsed.baseUrl;
}

function parseMcpTokens(raw: string, problems: string[]): McpToken[] {
  const tokens: McpToken[] = [];
  const owners = new Map<string, string>();
  const allowed = `scopes are a comma-separated list of ${SCOPES.join(", ")}`;
  raw
    .split(/\s+/)
    .filter(Boolean)
    .forEach((entry, index) => {
      const [name, token, scopeList, ...rest] = entry.split(":");
      // Entries are named by position and name only: the entry may be a token pasted alone.
      const which = name && entry.includes(":") ? `entry ${index + 1} ("${name}")` : `entry ${index + 1}`;
      const scopes = (scopeList ?? "").split(",").filter(Boolean);
      const badScopes = scopes.filter((s) => !(SCOPES as readonly string[]).includes(s));
      let problem: string | undefined;
      if (!name || !token || scopeList === undefined || rest.length > 0) {
        problem = `${which} must be name:token:scopes (${allowed}), e.g. claude:<token>:read`;
      } else if (badScopes.length > 0) {
        problem = `${which} has the unknown scope${badScopes.length > 1 ? "s" : ""} ${badScopes.map((s) => `"${s}"`).join(", ")}; ${allowed}`;
      } else if (scopes.length === 0) {
        problem = `${which} has no scopes; ${allowed}`;
      } else if (token.length < 8) {
        problem = `${which}: the token is shorter than 8 characters`;
      } else if (owners.has(token)) {
        problem = `${which} has the same token as ${owners.get(token)}; each token must be different`;
      }
      if (problem) {
        problems.push(`MCP_TOKENS: ${problem}`);
        return;
      }
      owners.set(token as string, which);
      tokens.push({ name: name as string, token: token as string, scopes: scopes as Scope[] });
    });
  return tokens;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  const problems: string[] = [];
  const warnings: string[] = [];

  const freshdeskSet = Boolean(e.FRESHDESK_DOMAIN || e.FRESHDESK_API_KEY);
  const freshserviceSet = Boolean(e.FRESHSERVICE_DOMAIN || e.FRESHSERVICE_API_KEY);
  if (freshdeskSet && freshserviceSet) {
    problems.push(
      "FRESHDESK_DOMAIN and FRESHSERVICE_DOMAIN are both set: one deployment serves one product; set one pair of DOMAIN and API_KEY",
    );
  }
  const product: Product = freshserviceSet ? "freshservice" : freshdeskSet ? "freshdesk" : e.SANDBOX_PRODUCT;
  if ((freshdeskSet || freshserviceSet) && env.SANDBOX_PRODUCT && e.SANDBOX_PRODUCT !== product) {
    problems.push(
      `SANDBOX_PRODUCT=${e.SANDBOX_PRODUCT} only applies without a real account; ${product === "freshservice" ? "FRESHSERVICE" : "FRESHDESK"}_DOMAIN selects ${product}`,
    );
  }
  let target: FreshdeskTarget;
  if (freshdeskSet || freshserviceSet) {
    const prefix = freshserviceSet ? "FRESHSERVICE" : "FRESHDESK";
    const rawDomain = freshserviceSet ? e.FRESHSERVICE_DOMAIN : e.FRESHDESK_DOMAIN;
    const apiKey = freshserviceSet ? e.FRESHSERVICE_API_KEY : e.FRESHDESK_API_KEY;
    if (!rawDomain || !apiKey) problems.push(`${prefix}_DOMAIN and ${prefix}_API_KEY must be set together`);
    const domain = rawDomain ? parseFreshdeskDomain(rawDomain, product) : { baseUrl: "" };
    if ("problem" in domain) problems.push(domain.problem);
    else if (domain.warning) warnings.push(domain.warning);
    target = { kind: "remote", baseUrl: "baseUrl" in domain ? domain.baseUrl : "", apiKey: apiKey ?? "" };
  } else {
    target = { kind: "sandbox", apiKey: e.SANDBOX_API_KEY };
  }

  if (e.NODE_ENV === "production" && !e.WEBHOOK_SECRET) {
    problems.push("WEBHOOK_SECRET is required in production (NODE_ENV=production)");
  }
  if (e.NODE_ENV === "production" && !e.REDIS_URL) {
    problems.push("REDIS_URL is required in production (NODE_ENV=production)");
  }
  if (e.NODE_ENV === "production" && !e.SECRET_KEY) {
    problems.push(
      "SECRET_KEY is required in production (NODE_ENV=production): it encrypts the Freshdesk API keys people sign in with; use at least 32 random characters",
    );
  }
  if (e.SECRET_KEY && e.SECRET_KEY.length < 32) {
    problems.push("SECRET_KEY must be at least 32 characters");
  }
  for (const entry of e.MCP_ADMIN_AGENTS) {
    if (!/^\d+$/.test(entry) && !/^[^@\s]+@[^@\s]+$/.test(entry)) {
      problems.push(`MCP_ADMIN_AGENTS: "${entry}" is neither an agent id nor an email address`);
    }
  }
  const accessTtl = tokenLifetime("OAUTH_ACCESS_TOKEN_TTL", e.OAUTH_ACCESS_TOKEN_TTL, 86_400_000, problems);
  const refreshTtl = tokenLifetime(
    "OAUTH_REFRESH_TOKEN_TTL",
    e.OAUTH_REFRESH_TOKEN_TTL,
    365 * 86_400_000,
    problems,
  );
  if (e.CURSOR_SECRET && e.CURSOR_SECRET.length < 16) {
    problems.push("CURSOR_SECRET must be at least 16 characters");
  }
  if (e.LEARN_RATE_SHARE >= e.FRESHDESK_RATE_SHARE) {
    // Learning's calls count inside the installation's share; triage must keep the rest of it.
    problems.push(
      `LEARN_RATE_SHARE (${e.LEARN_RATE_SHARE}) must be below FRESHDESK_RATE_SHARE (${e.FRESHDESK_RATE_SHARE}), so triage always keeps part of the budget`,
    );
  }
  if (e.WEBHOOK_SECRET && e.WEBHOOK_SECRET.length < 16) {
    problems.push("WEBHOOK_SECRET must be at least 16 characters");
  }
  if (e.METRICS_TOKEN && e.METRICS_TOKEN.length < 16) {
    problems.push("METRICS_TOKEN must be at least 16 characters");
  }
  const tokens = parseMcpTokens(e.MCP_TOKENS, problems);
  if (e.NODE_ENV === "production" && tokens.length === 0) {
    warnings.push(
      "MCP_TOKENS is not set: in production no token is generated, so nobody can sign in to the activity page, the operator API or /mcp. Set MCP_TOKENS, e.g. ops:<long random token>:read,write,admin",
    );
  }
  let taxonomy: Taxonomy | undefined;
  try {
    taxonomy = loadTriageConfig(e.TRIAGE_CONFIG);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  if (problems.length > 0 || !taxonomy) throw new ConfigError(problems);
  // Zero-config: one local admin token so the operator API and /mcp work out of the box.
  const tokensGenerated = tokens.length === 0 && e.NODE_ENV !== "production";
  if (tokensGenerated) {
    tokens.push({
      name: "local",
      token: randomBytes(18).toString("base64url"),
      scopes: ["read", "write", "admin"],
    });
  }

  const config: Config = {
    env: e.NODE_ENV,
    product,
    warnings,
    host: e.HOST,
    port: e.PORT,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ""),
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    redis: { url: e.REDIS_URL, dataDir: resolve(e.REDIS_DATA_DIR), queuePrefix: e.QUEUE_PREFIX },
    freshdesk: {
      target,
      rateLimitPerMinute: e.FRESHDESK_RATE_LIMIT,
      rateShare: e.FRESHDESK_RATE_SHARE,
      rateWindowMs: e.FRESHDESK_RATE_WINDOW_MS,
      timeoutMs: e.FRESHDESK_TIMEOUT_MS,
    },
    freshservice: { plan: e.FRESHSERVICE_PLAN },
    openai: {
      apiKey: e.OPENAI_API_KEY,
      baseUrl: e.OPENAI_BASE_URL,
      model: e.OPENAI_MODEL,
      timeoutMs: e.OPENAI_TIMEOUT_MS,
    },
    webhook: {
      secret: e.WEBHOOK_SECRET ?? randomBytes(24).toString("base64url"),
      secretGenerated: !e.WEBHOOK_SECRET,
    },
    metrics: { token: e.METRICS_TOKEN, port: e.METRICS_PORT },
    mcp: {
      tokens,
      tokensGenerated,
      allowedOrigins: e.MCP_ALLOWED_ORIGINS.split(/[\s,]+/).filter(Boolean),
      ratePerMinute: e.MCP_RATE_LIMIT,
      readOnly: e.MCP_READ_ONLY === "true",
      cursorSecret: e.CURSOR_SECRET ?? randomBytes(32).toString("base64url"),
      toolsets: e.MCP_TOOLSETS.length > 0 ? e.MCP_TOOLSETS : undefined,
    },
    oauth: {
      // Tests never write a key file: a run's own key is enough for tokens that live as long as it.
      secretKey: e.SECRET_KEY ?? (e.NODE_ENV === "test" ? randomBytes(32).toString("base64url") : undefined),
      adminAgents: e.MCP_ADMIN_AGENTS,
      accessTokenTtlSeconds: accessTtl / 1000,
      refreshTokenTtlSeconds: refreshTtl / 1000,
    },
    triage: {
      mode: e.TRIAGE_MODE,
      configPath: e.TRIAGE_CONFIG,
      taxonomy,
      concurrency: e.WORKER_CONCURRENCY,
      targetPrecision: e.TRIAGE_TARGET_PRECISION,
      applyUnmeasured: e.TRIAGE_APPLY_UNMEASURED === "true",
    },
    learning: {
      intervalMs: e.LEARN_INTERVAL,
      days: e.LEARN_DAYS,
      maxTickets: e.LEARN_MAX_TICKETS,
      rateShare: e.LEARN_RATE_SHARE,
      llmSample: e.LEARN_LLM_SAMPLE,
      llmBudgetUsd: e.LEARN_LLM_BUDGET_USD,
    },
    sandbox: {
      apiKey: e.SANDBOX_API_KEY,
      plan: e.SANDBOX_PLAN,
      automations: e.SANDBOX_AUTOMATIONS === "on",
      timeScale: e.SANDBOX_TIME_SCALE,
      demoTickets: e.SANDBOX_DEMO_TICKETS === "on",
    },
  };
  return deepFreeze(config);
}

/** A token lifetime like LEARN_INTERVAL ("1h", "30d"), from a minute up to `maxMs`; milliseconds. */
function tokenLifetime(name: string, raw: string, maxMs: number, problems: string[]): number {
  const ms = parseInterval(raw);
  if (ms === null || ms === undefined || ms > maxMs) {
    problems.push(`${name}: "${raw}" must be a duration from 1m to ${maxMs / 86_400_000}d, e.g. 1h or 30d`);
    return 60_000;
  }
  return Math.round(ms / 1000) * 1000;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
