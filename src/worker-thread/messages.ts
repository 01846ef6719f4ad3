// What the web process and its worker thread say to each other (all-in-one mode).
import type { MetricObjectWithValues, MetricValue } from "prom-client";
import type { Config } from "../config.ts";

export type MetricsJson = MetricObjectWithValues<MetricValue<string>>[];

/** Where the thread's workers find Freshdesk: the web process's sandbox, reached over loopback HTTP. */
export type AttachedFreshdesk = { freshdeskBaseUrl: string; portalUrl: string };

export type ThreadStart = { config: Config; logLevel: string; attachedTo: AttachedFreshdesk };

export type ToThread = { type: "metrics"; id: number } | { type: "stop" };

export type FromThread =
  | { type: "ready" }
  | { type: "failed"; message: string }
  | { type: "metrics"; id: number; metrics: MetricsJson }
  | { type: "stopped" };
