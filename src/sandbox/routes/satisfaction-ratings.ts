// Satisfaction ratings (reference §5.5, §8.7): a ticket's ratings and the account's, read-only.
import { actorOf, type RouteDeps } from "../http/context.ts";
import { fieldError, throwIfAny } from "../http/errors.ts";
import { parseTimestamp } from "../http/fields.ts";
import {
  PAGING_PARAMS,
  pageOf,
  parsePaging,
  positiveIntParam,
  queryOf,
  unknownParams,
} from "../http/query.ts";
import type { ApiRoutes } from "../http/route-table.ts";
import type { FdSatisfactionRating } from "../seed/types.ts";
import { canSeeTicket } from "../tickets/access.ts";
import { ticketOr404 } from "./tickets.ts";

const newestFirst = (a: FdSatisfactionRating, b: FdSatisfactionRating) =>
  b.created_at.localeCompare(a.created_at) || b.id - a.id;

function renderRating(r: FdSatisfactionRating): Record<string, unknown> {
  return { ...r, ratings: { ...r.ratings } };
}

export function satisfactionRatingRoutes(api: ApiRoutes, deps: RouteDeps): void {
  const { store } = deps;

  api.get("/tickets/:id{[0-9]+}/satisfaction_ratings", (c) => {
    const query = queryOf(c);
    const errors = unknownParams(query, PAGING_PARAMS);
    const paging = parsePaging(query, errors);
    throwIfAny(errors);
    const record = ticketOr404(store, c);
    const rows = [...store.satisfactionRatings.values()]
      .filter((r) => r.ticket_id === record.ticket.id)
      .sort(newestFirst);
    return c.json(pageOf(c, rows, paging).map(renderRating));
  });

  api.get("/surveys/satisfaction_ratings", (c) => {
    const query = queryOf(c);
    const errors = unknownParams(query, ["created_since", "user_id", ...PAGING_PARAMS]);
    const userId = positiveIntParam(query, "user_id", errors);
    const since = query.created_since === undefined ? undefined : parseTimestamp(query.created_since);
    if (query.created_since !== undefined && since === undefined) {
      errors.push(fieldError("created_since", "invalid_value", "It should be in the 'valid date' format"));
    }
    const paging = parsePaging(query, errors);
    throwIfAny(errors);
    const actor = actorOf(c);
    const rows = [...store.satisfactionRatings.values()]
      .filter((r) => {
        const ticket = store.tickets.get(r.ticket_id)?.ticket;
        return ticket !== undefined && canSeeTicket(store, actor, ticket);
      })
      .filter((r) => userId === undefined || r.user_id === userId)
      .filter((r) => since === undefined || Date.parse(r.created_at) >= since)
      .sort(newestFirst);
    return c.json(pageOf(c, rows, paging).map(renderRating));
  });
}
