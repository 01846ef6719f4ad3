// Hono environment of the inner sandbox app. The outer wrapper (app.ts) passes where the
// sandbox is mounted, so absolute URLs (Link, Location) point back through any prefix.
import type { Context } from "hono";
import type { AccountFields } from "../account-fields.ts";
import type { AutomationEmitter } from "../automations.ts";
import type { SandboxStore } from "../store.ts";

export type SandboxBindings = {
  /** e.g. `http://127.0.0.1:3000` */
  externalOrigin: string;
  /** The mount prefix in front of `/api/v2`, e.g. `/sandbox` or `""`. */
  externalPrefix: string;
};

export type SandboxVariables = {
  requestId: string;
  /** e.g. `GET /tickets/:id`; set before routing so even rejected requests are attributed. */
  routeKey: string;
  credits: number;
  /** The agent whose API key made the request (the admin key acts as the account admin). */
  actorId: number;
};

export type SandboxEnv = { Bindings: SandboxBindings; Variables: SandboxVariables };
export type SandboxContext = Context<SandboxEnv>;

/** What route modules need besides the request. */
export type RouteDeps = { store: SandboxStore; fields: AccountFields; automations: AutomationEmitter };

/** The agent acting in this request. */
export function actorOf(c: SandboxContext): number {
  return c.get("actorId");
}

/** Absolute URL of an API path such as `/tickets/5`, as the caller sees it. */
export function apiUrl(c: SandboxContext, path: string): string {
  return `${c.env.externalOrigin}${c.env.externalPrefix}/api/v2${path}`;
}

/** The caller-visible absolute URL of the current request. */
export function externalRequestUrl(c: SandboxContext): URL {
  const inner = new URL(c.req.url);
  return new URL(`${c.env.externalOrigin}${c.env.externalPrefix}${inner.pathname}${inner.search}`);
}

/** Where the simulated helpdesk's own pages would live (used in webhook URLs). */
export function helpdeskBase(c: SandboxContext): string {
  return `${c.env.externalOrigin}${c.env.externalPrefix}`;
}
