import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import {
  createAccountDirectory,
  createFreshdeskClient,
  createRateGovernor,
  type FreshdeskClient,
  freshdeskAccountName,
} from "../../src/freshdesk/index.ts";
import { silentLogger } from "../../src/logger.ts";
import { createAuditLog } from "../../src/mcp/audit.ts";
import type { McpServerDeps } from "../../src/mcp/deps.ts";

/**
 * The Freshdesk client and MCP server dependencies built the way src/service.ts builds them
 * (shared rate governor in Redis, account directory, audit log), for benchmarks that call the
 * client or the in-process MCP client directly.
 */
export function buildMcpDeps(options: {
  freshdeskBaseUrl: string;
  apiKey: string;
  redis: Redis;
  keyPrefix: string;
}): { freshdesk: FreshdeskClient; deps: McpServerDeps } {
  const governor = createRateGovernor({
    redis: options.redis,
    account: freshdeskAccountName(options.freshdeskBaseUrl),
    share: 1,
    keyPrefix: options.keyPrefix,
  });
  const freshdesk = createFreshdeskClient({
    baseUrl: options.freshdeskBaseUrl,
    apiKey: options.apiKey,
    governor,
  });
  const deps: McpServerDeps = {
    freshdesk,
    directory: createAccountDirectory(freshdesk),
    audit: createAuditLog({ redis: options.redis, key: `${options.keyPrefix}:audit` }),
    logger: silentLogger(),
    cursorSecret: randomBytes(32).toString("base64url"),
    portalUrl: options.freshdeskBaseUrl,
  };
  return { freshdesk, deps };
}
