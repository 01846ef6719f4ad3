// The ticket side of the Freshservice API: tickets, their list and filter, conversations and
// the ticket form. The directory side (people, KB, catalog, assets, ITSM) registers itself apart.
import type { ApiRoutes } from "../../sandbox/http/route-table.ts";
import type { FsRouteDeps } from "../http/deps.ts";
import { conversationRoutes } from "./conversations.ts";
import { ticketFormFieldRoutes } from "./ticket-form-fields.ts";
import { ticketListRoutes } from "./ticket-list.ts";
import { ticketRoutes } from "./tickets.ts";

export function registerTicketRoutes(api: ApiRoutes, deps: FsRouteDeps): void {
  ticketListRoutes(api, deps);
  ticketRoutes(api, deps);
  conversationRoutes(api, deps);
  ticketFormFieldRoutes(api, deps);
}
