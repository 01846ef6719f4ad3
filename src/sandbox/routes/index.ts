// Every `/api/v2` route of the simulator, one module per resource.
import type { RouteDeps } from "../http/context.ts";
import type { ApiRoutes } from "../http/route-table.ts";
import { accountRoutes } from "./account.ts";
import { cannedResponseRoutes } from "./canned-responses.ts";
import { companyRoutes } from "./companies.ts";
import { contactRoutes } from "./contacts.ts";
import { conversationRoutes } from "./conversations.ts";
import { satisfactionRatingRoutes } from "./satisfaction-ratings.ts";
import { searchRoutes } from "./search.ts";
import { solutionRoutes } from "./solutions.ts";
import { teamRoutes } from "./team.ts";
import { ticketActionRoutes } from "./ticket-actions.ts";
import { ticketListRoutes } from "./ticket-list.ts";
import { ticketRoutes } from "./tickets.ts";
import { timeEntryRoutes } from "./time-entries.ts";

export function registerApiRoutes(api: ApiRoutes, deps: RouteDeps): void {
  ticketListRoutes(api, deps);
  ticketRoutes(api, deps);
  ticketActionRoutes(api, deps);
  timeEntryRoutes(api, deps);
  satisfactionRatingRoutes(api, deps);
  conversationRoutes(api, deps);
  contactRoutes(api, deps);
  companyRoutes(api, deps);
  teamRoutes(api, deps);
  accountRoutes(api, deps);
  solutionRoutes(api, deps);
  cannedResponseRoutes(api, deps);
  searchRoutes(api, deps);
}
