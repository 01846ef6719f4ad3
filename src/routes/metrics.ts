import { Hono } from "hono";
import type { Metrics } from "../metrics/metrics.ts";
import { requireBearer } from "./auth.ts";

export type MetricsRouteDeps = {
  metrics: Pick<Metrics, "render" | "contentType">;
  /** When set, scrapes need `Authorization: Bearer <token>`; unset, the endpoint is open like most exporters. */
  token?: string | undefined;
};

/** `GET /metrics`: the Prometheus text exposition of the service's registry. */
export function metricsRoutes(deps: MetricsRouteDeps): Hono {
  const routes = new Hono();
  if (deps.token) {
    routes.use("*", requireBearer([{ name: "metrics", token: deps.token, scopes: ["read"] }], "read"));
  }
  routes.get("/", async (c) => {
    const body = await deps.metrics.render();
    return c.body(body, 200, { "Content-Type": deps.metrics.contentType });
  });
  return routes;
}
