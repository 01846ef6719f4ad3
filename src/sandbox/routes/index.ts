// Every `/api/v2` route of the simulator, one module per resource.
import type { RouteDeps } from "../http/context.ts";
import type { ApiRoutes } from "../http/route-table.ts";
import { ticketListRoutes } from "./ticket-list.ts";
import { ticketRoutes } from "./tickets.ts";

export function registerApiRoutes(api: ApiRoutes, deps: RouteDeps): void {
  ticketListRoutes(api, deps);
  ticketRoutes(api, deps);
}
