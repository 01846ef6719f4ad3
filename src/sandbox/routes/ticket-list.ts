// `GET /tickets` (reference §4.2, §5.6): filters, the one-month default window, ordering,
// includes and pagination capped at page 300.
import { actorOf, type RouteDeps } from "../http/context.ts";
import { type FieldError, fieldError, oneOf, throwIfAny } from "../http/errors.ts";
import { isEmail, parseTimestamp } from "../http/fields.ts";
import { parseInclude } from "../http/include.ts";
import { pageOf, parsePaging, positiveIntParam, queryOf, unknownParams } from "../http/query.ts";
import type { ApiRoutes } from "../http/route-table.ts";
import { renderTicket, type TicketEmbeds } from "../render/ticket.ts";
import type { SandboxStore, TicketRecord } from "../store.ts";
import { canSeeTicket } from "../tickets/access.ts";
import { parseWireTime } from "../wire-time.ts";

const LIST_PARAMS = [
  "filter",
  "requester_id",
  "email",
  "company_id",
  "updated_since",
  "order_by",
  "order_type",
  "include",
  "page",
  "per_page",
];
const FILTERS = ["new_and_my_open", "watching", "spam", "deleted"];
const ORDER_BY = ["created_at", "due_by", "updated_at", "status", "priority"] as const;
const LIST_INCLUDES = ["requester", "stats", "company", "description"] as const;
const MAX_PAGE = 300;

type Criteria = {
  /** The agent asking: its scope limits what it sees, and "my" and "watching" mean it. */
  actorId: number;
  filter: string | undefined;
  requesterIds: Set<number> | undefined;
  companyId: number | undefined;
  since: number | undefined;
};

/** Start of today (UTC) minus one calendar month: the default window of the list. */
export function defaultWindowStart(nowMs: number): number {
  const start = new Date(nowMs);
  start.setUTCHours(0, 0, 0, 0);
  start.setUTCMonth(start.getUTCMonth() - 1);
  return start.getTime();
}

function matches(record: TicketRecord, criteria: Criteria, store: SandboxStore): boolean {
  const t = record.ticket;
  if (!canSeeTicket(store, criteria.actorId, t)) return false;
  if (criteria.filter === "deleted") {
    if (!record.deleted) return false;
  } else if (record.deleted) return false;
  if (criteria.filter === "spam") {
    if (!t.spam) return false;
  } else if (t.spam) return false;
  if (criteria.filter === "watching" && !store.watchers.get(t.id)?.has(criteria.actorId)) return false;
  if (criteria.filter === "new_and_my_open") {
    if (t.status !== 2 || (t.responder_id !== null && t.responder_id !== criteria.actorId)) return false;
  }
  if (criteria.requesterIds && !criteria.requesterIds.has(t.requester_id)) return false;
  if (criteria.companyId !== undefined && t.company_id !== criteria.companyId) return false;
  if (criteria.since !== undefined && (parseWireTime(t.updated_at) ?? 0) < criteria.since) return false;
  return true;
}

export function ticketListRoutes(api: ApiRoutes, deps: RouteDeps): void {
  const { store } = deps;
  api.get("/tickets", (c) => {
    const query = queryOf(c);
    const errors: FieldError[] = unknownParams(query, LIST_PARAMS);
    if (query.filter !== undefined && !FILTERS.includes(query.filter)) {
      errors.push(fieldError("filter", "invalid_value", oneOf(FILTERS)));
    }
    const orderBy = query.order_by ?? "created_at";
    if (!(ORDER_BY as readonly string[]).includes(orderBy)) {
      errors.push(fieldError("order_by", "invalid_value", oneOf(ORDER_BY)));
    }
    const orderType = query.order_type ?? "desc";
    if (orderType !== "asc" && orderType !== "desc") {
      errors.push(fieldError("order_type", "invalid_value", oneOf(["asc", "desc"])));
    }
    if (query.email !== undefined && !isEmail(query.email)) {
      errors.push(fieldError("email", "invalid_value", "It should be in the 'valid email address' format"));
    }
    const since = query.updated_since === undefined ? undefined : parseTimestamp(query.updated_since);
    if (query.updated_since !== undefined && since === undefined) {
      errors.push(fieldError("updated_since", "invalid_value", "It should be in the 'valid date' format"));
    }
    const requesterId = positiveIntParam(query, "requester_id", errors);
    const companyId = positiveIntParam(query, "company_id", errors);
    const include = parseInclude(query.include, LIST_INCLUDES, errors);
    const paging = parsePaging(query, errors);
    if (paging.page > MAX_PAGE) {
      errors.push(
        fieldError(
          "page",
          "invalid_value",
          "You cannot access tickets beyond the 300th page. Please provide a smaller page number.",
        ),
      );
    }
    // An address nobody has is refused rather than answered with an empty list (reference §5.6).
    const contact = query.email !== undefined ? requesterByEmail(store, query.email) : undefined;
    if (query.email !== undefined && !contact && !errors.some((error) => error.field === "email")) {
      errors.push(fieldError("email", "invalid_value", "There is no contact matching the given email"));
    }
    throwIfAny(errors);

    let requesterIds: Set<number> | undefined;
    if (requesterId !== undefined) requesterIds = new Set([requesterId]);
    if (contact) {
      requesterIds = new Set(!requesterIds || requesterIds.has(contact.id) ? [contact.id] : []);
    }
    const narrowed = [query.filter, requesterId, query.email, companyId, since].some((v) => v !== undefined);
    const criteria: Criteria = { actorId: actorOf(c), filter: query.filter, requesterIds, companyId, since };
    const windowStart = narrowed ? undefined : defaultWindowStart(store.now());
    const key = orderBy as (typeof ORDER_BY)[number];
    const direction = orderType === "asc" ? 1 : -1;
    const rows = [...store.tickets.values()]
      .filter((record) => matches(record, criteria, store))
      .filter(
        (record) =>
          windowStart === undefined || (parseWireTime(record.ticket.created_at) ?? 0) >= windowStart,
      )
      .sort((a, b) => direction * (compare(a.ticket[key], b.ticket[key]) || a.ticket.id - b.ticket.id));

    const page = pageOf(c, rows, paging);
    return c.json(
      page.map((record) => {
        const t = record.ticket;
        const embeds: TicketEmbeds = {};
        if (include.has("requester")) embeds.requester = store.contacts.get(t.requester_id);
        if (include.has("stats")) embeds.stats = record.stats;
        if (include.has("company"))
          embeds.company = t.company_id === null ? null : store.companies.get(t.company_id);
        return renderTicket(record, "list", { description: include.has("description"), embeds });
      }),
    );
  });
}

/** Agents are users too, and can request tickets. */
function requesterByEmail(store: SandboxStore, email: string): { id: number } | undefined {
  const wanted = email.toLowerCase();
  return (
    store.findContactByEmail(email) ??
    [...store.agents.values()].find((agent) => agent.contact.email?.toLowerCase() === wanted)
  );
}

function compare(a: string | number, b: string | number): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b));
}
