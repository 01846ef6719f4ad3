// Time entries (reference §5.5, §8.5): a ticket's entries, the account's, and logging time.
import { readBody } from "../http/body.ts";
import { actorOf, apiUrl, type RouteDeps } from "../http/context.ts";
import { type FieldError, fieldError, throwIfAny } from "../http/errors.ts";
import { checkFields, type FieldSpecs, parseTimestamp } from "../http/fields.ts";
import {
  PAGING_PARAMS,
  pageOf,
  parsePaging,
  positiveIntParam,
  queryOf,
  unknownParams,
} from "../http/query.ts";
import type { ApiRoutes } from "../http/route-table.ts";
import type { FdTimeEntry } from "../seed/types.ts";
import { canSeeTicket } from "../tickets/access.ts";
import { wireTime } from "../wire-time.ts";
import { ticketOr404 } from "./tickets.ts";

const CREATE_SPECS: FieldSpecs = {
  agent_id: { kind: "positiveInteger" },
  billable: { kind: "boolean" },
  executed_at: { kind: "timestamp" },
  note: { kind: "string" },
  start_time: { kind: "timestamp" },
  time_spent: { kind: "string" },
  timer_running: { kind: "boolean" },
};
const LIST_PARAMS = [
  "company_id",
  "agent_id",
  "executed_after",
  "executed_before",
  "billable",
  ...PAGING_PARAMS,
];
const HH_MM = /^\d{2}:[0-5]\d$/;

const newestFirst = (a: FdTimeEntry, b: FdTimeEntry) =>
  b.executed_at.localeCompare(a.executed_at) || b.id - a.id;

export function renderTimeEntry(e: FdTimeEntry): Record<string, unknown> {
  return { ...e };
}

export function timeEntryRoutes(api: ApiRoutes, deps: RouteDeps): void {
  const { store } = deps;

  api.get("/tickets/:id{[0-9]+}/time_entries", (c) => {
    const query = queryOf(c);
    const errors = unknownParams(query, PAGING_PARAMS);
    const paging = parsePaging(query, errors);
    throwIfAny(errors);
    const record = ticketOr404(store, c);
    const rows = [...store.timeEntries.values()]
      .filter((e) => e.ticket_id === record.ticket.id)
      .sort(newestFirst);
    return c.json(pageOf(c, rows, paging).map(renderTimeEntry));
  });

  api.get("/time_entries", (c) => {
    const query = queryOf(c);
    const errors = unknownParams(query, LIST_PARAMS);
    const companyId = positiveIntParam(query, "company_id", errors);
    const agentId = positiveIntParam(query, "agent_id", errors);
    const after = timestampParam(query.executed_after, "executed_after", errors);
    const before = timestampParam(query.executed_before, "executed_before", errors);
    if (query.billable !== undefined && query.billable !== "true" && query.billable !== "false") {
      errors.push(fieldError("billable", "datatype_mismatch", "It should be a/an Boolean"));
    }
    const paging = parsePaging(query, errors);
    throwIfAny(errors);
    const actor = actorOf(c);
    const rows = [...store.timeEntries.values()]
      .filter((e) => {
        const ticket = store.tickets.get(e.ticket_id)?.ticket;
        return ticket !== undefined && canSeeTicket(store, actor, ticket);
      })
      .filter((e) => companyId === undefined || e.company_id === companyId)
      .filter((e) => agentId === undefined || e.agent_id === agentId)
      .filter((e) => after === undefined || Date.parse(e.executed_at) >= after)
      .filter((e) => before === undefined || Date.parse(e.executed_at) <= before)
      .filter((e) => query.billable === undefined || String(e.billable) === query.billable)
      .sort(newestFirst);
    return c.json(pageOf(c, rows, paging).map(renderTimeEntry));
  });

  api.post("/tickets/:id{[0-9]+}/time_entries", async (c) => {
    const { fields: body } = await readBody(c);
    const errors = checkFields(body, CREATE_SPECS);
    if (typeof body.time_spent === "string" && !HH_MM.test(body.time_spent)) {
      errors.push(fieldError("time_spent", "invalid_value", "It should be in the 'hh:mm' format"));
    }
    if (typeof body.agent_id === "number" && !store.agents.has(body.agent_id)) {
      errors.push(fieldError("agent_id", "invalid_value", "There is no agent matching the given agent_id"));
    }
    throwIfAny(errors);
    const record = ticketOr404(store, c);
    const now = store.stamp();
    const entry: FdTimeEntry = {
      billable: (body.billable as boolean | undefined) ?? true,
      note: (body.note as string | undefined) ?? "",
      id: store.nextId(),
      // Without a time spent, Freshdesk starts a timer.
      timer_running: (body.timer_running as boolean | undefined) ?? body.time_spent === undefined,
      agent_id: (body.agent_id as number | undefined) ?? actorOf(c),
      ticket_id: record.ticket.id,
      company_id: record.ticket.company_id,
      time_spent: (body.time_spent as string | undefined) ?? "00:00",
      executed_at: normalize(body.executed_at) ?? now,
      start_time: normalize(body.start_time) ?? now,
      created_at: now,
      updated_at: now,
    };
    store.timeEntries.set(entry.id, entry);
    c.header("Location", apiUrl(c, `/time_entries/${entry.id}`));
    return c.json(renderTimeEntry(entry), 201);
  });
}

function timestampParam(raw: string | undefined, name: string, errors: FieldError[]): number | undefined {
  if (raw === undefined) return undefined;
  const ms = parseTimestamp(raw);
  if (ms === undefined)
    errors.push(fieldError(name, "invalid_value", "It should be in the 'valid date' format"));
  return ms;
}

function normalize(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const ms = parseTimestamp(value);
  return ms === undefined ? undefined : wireTime(ms);
}
