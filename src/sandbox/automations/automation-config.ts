// Checks a rule's configuration and fills in Freshdesk's defaults (reference §9.3, §9.7).
import { z } from "zod";
import { ConfigError } from "../../errors.ts";
import type { AutomationAuth, AutomationConfig } from "./types.ts";

const MINUTE = 60_000;

export type ResolvedAutomationConfig = {
  targetUrl: string;
  auth: AutomationAuth | undefined;
  events: ReadonlySet<"created" | "updated">;
  encoding: "json" | "form";
  timeoutMs: number;
  /** Already multiplied by the time scale. */
  retryDelaysMs: readonly number[];
};

const nonEmpty = z.string().min(1, "must not be empty");
const headerName = z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, "must be a valid HTTP header name");

const configSchema = z.object({
  targetUrl: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }),
  auth: z
    .discriminatedUnion("type", [
      z.object({ type: z.literal("basic"), username: nonEmpty, password: z.string() }),
      z.object({ type: z.literal("api_key"), key: nonEmpty }),
      z.object({ type: z.literal("header"), name: headerName, value: z.string() }),
    ])
    .optional(),
  events: z
    .array(z.enum(["created", "updated"]))
    .min(1, "must name at least one event")
    .default(["created", "updated"]),
  encoding: z.enum(["json", "form"]).default("json"),
  timeoutMs: z.number().int().positive().default(15_000),
  retryDelaysMs: z.array(z.number().nonnegative()).default([5 * MINUTE, 30 * MINUTE, 60 * MINUTE]),
  timeScale: z.number().positive().default(1),
});

export function resolveAutomationConfig(config: AutomationConfig): ResolvedAutomationConfig {
  const parsed = configSchema.safeParse(config);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `automation ${issue.path.join(".") || "config"}: ${issue.message}`),
    );
  }
  const { targetUrl, auth, events, encoding, timeoutMs, retryDelaysMs, timeScale } = parsed.data;
  return {
    targetUrl,
    auth,
    events: new Set(events),
    encoding,
    timeoutMs,
    retryDelaysMs: retryDelaysMs.map((delay) => Math.round(delay * timeScale)),
  };
}
