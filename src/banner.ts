import { type AccountCheck, missingGroupsWarning } from "./account-check.ts";
import type { Config } from "./config.ts";
import { PRODUCT_LABELS } from "./product.ts";
import type { RunningService } from "./service.ts";

/**
 * The human-readable start-up summary `npm start` prints: where everything is and how to use it,
 * and, first, anything that keeps it from working (the start-up look at Freshdesk, `check`).
 */
export function banner(service: RunningService, config: Config, check?: AccountCheck): string {
  const url = service.url ?? "(no web server)";
  const label = PRODUCT_LABELS[config.product];
  // Freshservice's Workflow Automator sends a Web Request; Freshdesk's automation rule a webhook.
  const automation =
    config.product === "freshservice" ? "Workflow Automator's Web Request" : "automation rule";
  const problems: string[] = [];
  if (check && !check.ok) problems.push(`  Problem: ${check.problem}`, `  Fix: ${check.fix}`);
  const warnings = [
    ...config.warnings,
    ...(check?.ok ? [missingGroupsWarning(check.missingGroups)].filter((w) => w !== undefined) : []),
  ].map((warning) => `  Warning: ${warning}`);
  const lines = [
    "",
    problems.length > 0
      ? `${label} triage started at ${url}, but it cannot work with ${label}: no ticket will be triaged.`
      : `${label} triage is running at ${url}`,
    ...problems,
    ...warnings,
    `  Activity page: ${url}/  (sign in with a token from MCP_TOKENS${config.mcp.tokensGenerated ? ", e.g. the admin token below" : ""})`,
    `  Queue dashboard: ${url}/admin/queues (admin) · API description: ${url}/docs`,
  ];
  if (service.sandbox) {
    lines.push(
      `  ${label} sandbox: ${url}/sandbox/api/v2  (Basic auth: API key "${config.sandbox.apiKey}", any password)`,
      `    try: curl -u ${config.sandbox.apiKey}:X ${url}/sandbox/api/v2/tickets`,
      `  The sandbox's ${automation} sends its webhooks to ${url}/webhooks/${config.product}${config.sandbox.automations ? "" : " (off: SANDBOX_AUTOMATIONS=off)"}`,
    );
    if (config.sandbox.automations && config.sandbox.demoTickets) {
      lines.push(
        "  Demo: a few new tickets are being created in the sandbox and triaged now (SANDBOX_DEMO_TICKETS=off to skip).",
      );
    }
  } else {
    lines.push(`  ${label}: ${service.freshdeskBaseUrl}`);
  }
  lines.push(
    `  Redis: ${service.redisUrl}${config.redis.url ? "" : ` (embedded, data in ${config.redis.dataDir})`}`,
  );
  lines.push(
    `  Classifier: ${config.openai.apiKey ? `OpenAI-compatible model ${config.openai.model}` : "built-in local classifier"}`,
  );
  lines.push(`  Triage mode: ${config.triage.mode}`);
  if (config.webhook.secretGenerated) {
    lines.push(
      `  Webhook secret (generated for this run; set WEBHOOK_SECRET to keep one): ${config.webhook.secret}`,
    );
  }
  if (config.mcp.tokensGenerated) {
    const token = config.mcp.tokens[0]?.token ?? "";
    lines.push(
      `  Admin token (generated for this run; set MCP_TOKENS to keep one): ${token}`,
      `    MCP endpoint: ${url}/mcp  (header: Authorization: Bearer ${token})`,
      `    a ticket's triage: curl -H "Authorization: Bearer ${token}" ${url}/tickets/<ticket id>/triage`,
    );
  }
  lines.push("", "Press Ctrl+C to stop.", "");
  return lines.join("\n");
}

/** Printed once the demo tickets exist, so the example names tickets that are being triaged. */
export function demoTicketsLine(
  service: RunningService,
  config: Config,
  tickets: ReadonlyArray<{ id: number }>,
): string {
  const first = tickets[0];
  if (!first || !service.url) return "";
  const ids = tickets.map((t) => t.id).join(", ");
  const token = config.mcp.tokensGenerated ? (config.mcp.tokens[0]?.token ?? "") : "<read token>";
  return `Demo tickets ${ids} created in the sandbox; see how one was triaged:\n  curl -H "Authorization: Bearer ${token}" ${service.url}/tickets/${first.id}/triage\n\n`;
}
