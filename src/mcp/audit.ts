import type { Redis } from "ioredis";

/**
 * An append-only record of every write made through the tool server, by any client: who,
 * which tool, a summary of the arguments (never bodies), the outcome and the time. Kept in a
 * Redis stream trimmed to roughly `maxLength` entries.
 */

export type AuditOutcome = "ok" | "error" | "refused";

export type AuditEntry = {
  id: string;
  at: string;
  caller: string;
  tool: string;
  args: Record<string, unknown>;
  outcome: AuditOutcome;
  /** Error code when the outcome is not ok. */
  code?: string;
};

export type AuditRecord = Omit<AuditEntry, "id" | "at">;

export type AuditLog = {
  record(entry: AuditRecord): Promise<void>;
  /** Newest first. */
  recent(count: number): Promise<AuditEntry[]>;
};

export function createAuditLog(options: { redis: Redis; key: string; maxLength?: number }): AuditLog {
  const { redis, key } = options;
  const maxLength = options.maxLength ?? 10_000;
  return {
    async record(entry) {
      const fields = ["at", new Date().toISOString(), "caller", entry.caller, "tool", entry.tool];
      fields.push("args", JSON.stringify(entry.args), "outcome", entry.outcome);
      if (entry.code) fields.push("code", entry.code);
      await redis.xadd(key, "MAXLEN", "~", String(maxLength), "*", ...fields);
    },
    async recent(count) {
      const rows = await redis.xrevrange(key, "+", "-", "COUNT", count);
      return rows.map(([id, fields]) => toEntry(id, fields));
    },
  };
}

function toEntry(id: string, fields: string[]): AuditEntry {
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) map.set(fields[i]!, fields[i + 1]!);
  const code = map.get("code");
  return {
    id,
    at: map.get("at") ?? "",
    caller: map.get("caller") ?? "",
    tool: map.get("tool") ?? "",
    args: JSON.parse(map.get("args") ?? "{}") as Record<string, unknown>,
    outcome: (map.get("outcome") ?? "error") as AuditOutcome,
    ...(code ? { code } : {}),
  };
}

/** Free-text fields whose content stays out of the audit log; only their length is kept. */
const BODY_FIELDS = new Set(["body", "description", "content", "content_html", "title", "subject", "note"]);

/** A compact, body-free summary of tool arguments for the audit log. */
export function summarizeArguments(args: Record<string, unknown>): Record<string, unknown> {
  const summary: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) {
    if (value === undefined) continue;
    if (typeof value === "string" && BODY_FIELDS.has(key)) summary[key] = `<${value.length} characters>`;
    else if (typeof value === "string") summary[key] = value.length > 80 ? `${value.slice(0, 80)}…` : value;
    else if (Array.isArray(value)) summary[key] = value.length > 10 ? `<${value.length} items>` : value;
    else if (value && typeof value === "object")
      summary[key] = `<object with ${Object.keys(value).length} keys>`;
    else summary[key] = value;
  }
  return summary;
}
