// `GET /tickets` (reference §3, §8) and `GET /tickets/filter` (§4).
import { actorOf } from "../../sandbox/http/context.ts";
import { type FieldError, fieldError, oneOf, throwIfAny } from "../../sandbox/http/errors.ts";
import { isEmail, parseTimestamp } from "../../sandbox/http/fields.ts";
import { parseInclude } from "../../sandbox/http/include.ts";
import { pageOf, parsePaging, positiveIntParam, queryOf, unknownParams } from "../../sandbox/http/query.ts";
import type { ApiRoutes } from "../../sandbox/http/route-table.ts";
import { defaultWindowStart } from "../../sandbox/routes/ticket-list.ts";
import { parseWireTime } from "../../sandbox/wire-time.ts";
import type { FsRouteDeps } from "../http/deps.ts";
import type { FsTicket } from "../seed/types.ts";
import type { FreshserviceStore } from "../store.ts";
import {
  checkFilterTree,
  FilterQueryError,
  matchesFilter,
  parseFilterQuery,
} from "../tickets/filter-query.ts";
import { renderTicket, userEmbed } from "../tickets/render.ts";

const LIST_PARAMS = [
  "filter",
  "requester_id",
  "email",
  "updated_since",
  "type",
  "workspace_id",
  "order_type",
  "include",
  "page",
  "per_page",
];
const FILTERS = ["new_and_my_open", "watching", "spam", "deleted"];
const LIST_INCLUDES = [
  "stats",
  "requester",
  "requested_for",
  "onboarding_context",
  "offboarding_context",
] as const;
/** The filter endpoint's fixed page size (§4). */
const FILTER_PAGE_SIZE = 30;
// [open] The ticket filter's page cap is not documented (requester, agent and asset filters stop
// at page 40, §4); the sandbox sets none, so a full history sync is never cut short here.

/** `workspace_id` of a list: absent = the primary workspace, 0 = all (§3). */
function workspaceOf(
  query: Record<string, string>,
  store: FreshserviceStore,
  errors: FieldError[],
): number | undefined {
  const raw = query.workspace_id;
  if (raw === undefined) return store.workspaceId;
  if (raw === "0") return undefined;
  return positiveIntParam(query, "workspace_id", errors) ?? store.workspaceId;
}

export function ticketListRoutes(api: ApiRoutes, deps: FsRouteDeps): void {
  const { store } = deps;

  api.get("/tickets", (c) => {
    const query = queryOf(c);
    const errors: FieldError[] = unknownParams(query, LIST_PARAMS);
    if (query.filter !== undefined && !FILTERS.includes(query.filter)) {
      errors.push(fieldError("filter", "invalid_value", oneOf(FILTERS)));
    }
    const orderType = query.order_type ?? "desc";
    if (orderType !== "asc" && orderType !== "desc") {
      errors.push(fieldError("order_type", "invalid_value", oneOf(["asc", "desc"])));
    }
    if (query.email !== undefined && !isEmail(query.email)) {
      errors.push(fieldError("email", "invalid_value", "It should be in the 'valid email address' format"));
    }
    const types = deps.form.types;
    if (query.type !== undefined && !types.includes(query.type)) {
      errors.push(fieldError("type", "invalid_value", oneOf(types)));
    }
    const since = query.updated_since === undefined ? undefined : parseTimestamp(query.updated_since);
    if (query.updated_since !== undefined && since === undefined) {
      errors.push(fieldError("updated_since", "invalid_value", "It should be in the 'valid date' format"));
    }
    const requesterId = positiveIntParam(query, "requester_id", errors);
    const workspace = workspaceOf(query, store, errors);
    const include = parseInclude(query.include, LIST_INCLUDES, errors);
    const paging = parsePaging(query, errors);
    throwIfAny(errors);

    const email = query.email?.toLowerCase();
    const actor = actorOf(c);
    // [inferred, as in Freshdesk] any narrowing filter lifts the 30-day window.
    const narrowed = [query.filter, requesterId, query.email, since].some((value) => value !== undefined);
    const windowStart = narrowed ? undefined : defaultWindowStart(store.now());
    const direction = orderType === "asc" ? 1 : -1;
    const rows = [...store.tickets.values()]
      .filter((t) => {
        if (query.filter === "deleted" ? !t.deleted : t.deleted) return false;
        if (query.filter === "spam" ? !t.spam : t.spam) return false;
        if (
          query.filter === "new_and_my_open" &&
          (t.status !== 2 || (t.responder_id !== null && t.responder_id !== actor))
        )
          return false;
        // Watchers are not modelled: nobody watches anything [inferred].
        if (query.filter === "watching") return false;
        if (workspace !== undefined && t.workspace_id !== workspace) return false;
        if (requesterId !== undefined && t.requester_id !== requesterId) return false;
        if (email !== undefined && store.userEmail(t.requester_id)?.toLowerCase() !== email) return false;
        if (query.type !== undefined && t.type !== query.type) return false;
        if (since !== undefined && (parseWireTime(t.updated_at) ?? 0) < since) return false;
        if (windowStart !== undefined && (parseWireTime(t.created_at) ?? 0) < windowStart) return false;
        return true;
      })
      .sort((a, b) => direction * (a.created_at.localeCompare(b.created_at) || a.id - b.id));
    const page = pageOf(c, rows, paging);
    return c.json({
      tickets: page.map((t) => renderTicket(t, listEmbeds(store, t, include))),
    });
  });

  api.get("/tickets/filter", (c) => {
    const query = queryOf(c);
    const errors: FieldError[] = unknownParams(query, ["query", "page", "workspace_id"]);
    if (query.query === undefined)
      errors.push(fieldError("query", "missing_field", "Mandatory attribute missing"));
    const page = positiveIntParam(query, "page", errors) ?? 1;
    const workspace = workspaceOf(query, store, errors);
    let tree: ReturnType<typeof parseFilterQuery> | undefined;
    if (query.query !== undefined) {
      try {
        tree = parseFilterQuery(query.query);
        checkFilterTree(tree, deps.form.custom);
      } catch (error) {
        if (!(error instanceof FilterQueryError)) throw error;
        errors.push(fieldError("query", "invalid_value", error.message));
      }
    }
    throwIfAny(errors);
    const context = { emailOf: (userId: number) => store.userEmail(userId) };
    const matching = [...store.tickets.values()]
      .filter((t) => !t.deleted && !t.spam)
      .filter((t) => workspace === undefined || t.workspace_id === workspace)
      .filter((t) => tree !== undefined && matchesFilter(tree, t, context))
      // Filter results cannot be sorted: newest first (§4).
      .sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id);
    const start = (page - 1) * FILTER_PAGE_SIZE;
    return c.json({
      tickets: matching.slice(start, start + FILTER_PAGE_SIZE).map((t) => renderTicket(t)),
      total: matching.length,
    });
  });
}

function listEmbeds(
  store: FreshserviceStore,
  t: FsTicket,
  include: Set<(typeof LIST_INCLUDES)[number]>,
): Record<string, unknown> {
  const embeds: Record<string, unknown> = {};
  for (const name of include) {
    if (name === "stats") embeds.stats = store.ticketStats.get(t.id) ?? null;
    if (name === "requester") embeds.requester = userEmbed(store, t.requester_id);
    if (name === "requested_for") embeds.requested_for = userEmbed(store, t.requested_for_id);
    if (name === "onboarding_context" || name === "offboarding_context") embeds[name] = null;
  }
  return embeds;
}
