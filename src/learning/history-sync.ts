import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { callTool, type ToolArguments } from "../mcp/in-process-client.ts";
import type { TicketOutput } from "../mcp/shapes/ticket.ts";
import type { ExamplesStore, StoredExample } from "./examples-store.ts";
import type { Override } from "./overrides.ts";

/**
 * Reads the account's resolved and closed tickets into labelled examples, through the bundled
 * MCP tools (list_tickets, get_ticket) under the pipeline policy, so learning passes the same
 * policy, error boundary and audit as triage, and spends credits through the client it was
 * given (a learning budget, see learning-budget.ts).
 *
 * Labels are what the ticket carries when it is read, after agents finished with it: the group's
 * name, the type and the priority. A value triage applied that nobody changed is still there, so
 * it counts as confirmed; one an agent changed shows the agent's value. Spam and deleted tickets
 * never enter (the list leaves them out, and a ticket that became spam or deleted since it was
 * read is removed), nor do tickets reopened since.
 *
 * The first run reads newest first from LEARN_DAYS ago, up to LEARN_MAX_TICKETS, so a long
 * history keeps its most recent part. Later runs read oldest first from the high-water mark,
 * restarting each page at the last updated_at seen rather than at a page number, so a ticket
 * updated mid-run moves behind the reader instead of shifting one past it.
 */

export type SyncOptions = {
  client: Client;
  store: ExamplesStore;
  /** LEARN_DAYS */
  days: number;
  /** LEARN_MAX_TICKETS: most resolved or closed tickets read in one run. */
  maxTickets: number;
  /** Corrections agents made to applied values (learning's override log). */
  overrides?: { since(since: Date): Promise<Override[]> } | undefined;
  now?: () => Date;
  signal?: AbortSignal | undefined;
};

export type SyncReport = {
  mode: "full" | "incremental";
  /** The updated_since the run started from. */
  since: string;
  /** Tickets listed (any status). */
  listed: number;
  /** Resolved or closed tickets written as examples. */
  stored: number;
  /** Examples removed: reopened, spam, deleted, or out of the window. */
  removed: number;
  /** Tickets read with get_ticket because an agent corrected a value triage had applied. */
  corrected: number;
  calls: number;
  highWater: string | undefined;
  /** Examples kept after the run. */
  examples: number;
  /** True when the run stopped at LEARN_MAX_TICKETS with more left to read. */
  capped: boolean;
};

const PER_PAGE = 100;
/** Freshdesk refuses pages beyond 300. */
const MAX_PAGE = 300;
const MAX_CORRECTIONS_PER_RUN = 200;
const DAY_MS = 86_400_000;

/**
 * Where a run starts, for either product's sync: incremental from the stored high-water mark, or
 * (first run, or LEARN_DAYS changed) a full read of the window after clearing the examples.
 */
export async function beginSync(options: SyncOptions) {
  const now = options.now?.() ?? new Date();
  const windowStart = new Date(now.getTime() - options.days * DAY_MS);
  const state = await options.store.syncState();
  const incremental = state.highWater !== undefined && state.days === options.days;
  if (!incremental) await options.store.clear();
  const since = incremental ? (state.highWater as string) : iso(windowStart);
  const report: SyncReport = {
    mode: incremental ? "incremental" : "full",
    since,
    listed: 0,
    stored: 0,
    removed: 0,
    corrected: 0,
    calls: 0,
    highWater: state.highWater,
    examples: 0,
    capped: false,
  };
  return { now, windowStart, incremental, since, report, state };
}

export async function syncHistory(options: SyncOptions): Promise<SyncReport> {
  const { client, store } = options;
  const { now, windowStart, incremental, since, report, state } = await beginSync(options);

  // Every field an agent corrected within the window, by ticket: such a ticket is an example
  // (with those fields as labels) even while it is still open.
  const corrections = await correctedFields(options.overrides, windowStart);
  const seen = new Set<number>();

  const list = async (args: ToolArguments<"list_tickets">) => {
    options.signal?.throwIfAborted();
    report.calls++;
    return callTool(client, "list_tickets", args);
  };

  /** Stores the resolved and closed tickets of a page, removes the ones that no longer are. */
  const take = async (items: readonly TicketOutput[]) => {
    report.listed += items.length;
    for (const ticket of items) seen.add(ticket.id);
    const examples = items.map((ticket) => exampleOf(ticket, corrections));
    const keep = examples.filter((example): example is StoredExample => example !== undefined);
    const drop = items.filter((_, index) => examples[index] === undefined).map((ticket) => ticket.id);
    await store.upsert(keep);
    report.stored += keep.length;
    report.removed += await store.remove(drop);
    for (const ticket of items) {
      if (report.highWater === undefined || ticket.updated_at > report.highWater) {
        report.highWater = ticket.updated_at;
      }
    }
  };

  if (incremental) {
    let cursorSince = since;
    let cursor: string | undefined;
    for (;;) {
      const page = await list(
        cursor
          ? { cursor }
          : {
              updated_since: cursorSince,
              order_by: "updated_at",
              order_type: "asc",
              include_description: true,
              per_page: PER_PAGE,
            },
      );
      await take(page.items);
      await store.saveSyncState({ highWater: report.highWater });
      if (!page.next_cursor) break;
      if (report.stored >= options.maxTickets) {
        report.capped = true;
        break;
      }
      const last = page.items.at(-1)?.updated_at;
      // Restart at the last timestamp seen; only a page that is all one second needs the page cursor.
      if (last !== undefined && last !== cursorSince) {
        cursorSince = last;
        cursor = undefined;
      } else {
        cursor = page.next_cursor;
      }
    }
  } else {
    let cursor: string | undefined;
    for (let page = 1; page <= MAX_PAGE; page++) {
      const result = await list(
        cursor
          ? { cursor }
          : {
              updated_since: since,
              order_by: "updated_at",
              order_type: "desc",
              include_description: true,
              per_page: PER_PAGE,
            },
      );
      await take(result.items);
      cursor = result.next_cursor;
      if (!cursor) break;
      if (report.stored >= options.maxTickets) {
        report.capped = true;
        break;
      }
    }
  }

  // Tickets marked spam or deleted since they were read leave the examples.
  for (const filter of ["spam", "deleted"] as const) {
    let cursor: string | undefined;
    for (let page = 1; page <= MAX_PAGE; page++) {
      const result = await list(cursor ? { cursor } : { filter, updated_since: since, per_page: PER_PAGE });
      report.removed += await store.remove(result.items.map((ticket) => ticket.id));
      cursor = result.next_cursor;
      if (!cursor) break;
    }
  }

  report.corrected = await readCorrections(options, state.overridesUntil, corrections, seen, report);
  report.removed += await store.removeOlderThan(windowStart);
  await store.saveSyncState({
    highWater: report.highWater,
    days: options.days,
    lastRunAt: iso(now),
    overridesUntil: iso(now),
  });
  report.examples = await store.count();
  return report;
}

/** Every field an agent corrected since `since`, by ticket. */
export async function correctedFields(
  overrides: SyncOptions["overrides"],
  since: Date,
): Promise<Map<number, Set<Override["field"]>>> {
  const byTicket = new Map<number, Set<Override["field"]>>();
  for (const override of (await overrides?.since(since)) ?? []) {
    const fields = byTicket.get(override.ticketId) ?? new Set();
    fields.add(override.field);
    byTicket.set(override.ticketId, fields);
  }
  return byTicket;
}

/**
 * An agent's correction of an applied value feeds the next training at once: a ticket corrected
 * since the last run that the list did not bring is read with get_ticket.
 */
async function readCorrections(
  options: SyncOptions,
  until: string | undefined,
  corrections: Map<number, Set<Override["field"]>>,
  seen: Set<number>,
  report: SyncReport,
): Promise<number> {
  if (!options.overrides) return 0;
  const fresh = new Set((await options.overrides.since(new Date(until ?? 0))).map((o) => o.ticketId));
  let corrected = 0;
  for (const ticketId of [...fresh].filter((id) => !seen.has(id)).slice(0, MAX_CORRECTIONS_PER_RUN)) {
    options.signal?.throwIfAborted();
    report.calls++;
    const ticket = await callTool(options.client, "get_ticket", { ticket_id: ticketId }).catch(
      () => undefined,
    );
    const example = ticket && exampleOf(ticket, corrections);
    if (!example) continue;
    await options.store.upsert([example]);
    corrected++;
  }
  return corrected + [...fresh].filter((id) => seen.has(id) && corrections.has(id)).length;
}

/**
 * A resolved or closed ticket with all its labels; an open one an agent corrected, with only the
 * corrected fields (the others may still change); nothing for any other ticket.
 */
function exampleOf(
  ticket: TicketOutput,
  corrections: Map<number, Set<Override["field"]>>,
): StoredExample | undefined {
  const full = toExample(ticket);
  const fields = corrections.get(ticket.id);
  if (full || !fields || ticket.spam || ticket.deleted) return full;
  const example = toExample({ ...ticket, status: 4 });
  if (!example) return undefined;
  for (const field of ["group", "type", "priority"] as const) {
    if (!fields.has(field)) delete example.labels[field];
  }
  return Object.keys(example.labels).length > 0 ? example : undefined;
}

/** A resolved or closed ticket as a labelled example; undefined for any other ticket. */
export function toExample(ticket: TicketOutput): StoredExample | undefined {
  if (ticket.status !== 4 && ticket.status !== 5) return undefined;
  if (ticket.spam || ticket.deleted) return undefined;
  const labels: StoredExample["labels"] = {};
  if (ticket.group_id !== undefined && ticket.group_name) labels.group = ticket.group_name;
  if (ticket.type) labels.type = ticket.type;
  if (ticket.priority >= 1 && ticket.priority <= 4) labels.priority = ticket.priority as 1 | 2 | 3 | 4;
  return {
    id: ticket.id,
    subject: ticket.subject ?? "",
    description: stripCutNotice(ticket.description_text ?? ""),
    createdAt: ticket.created_at,
    updatedAt: ticket.updated_at,
    labels,
  };
}

/** The tool marks a shortened body "… [N more characters cut; …]"; that note is not the customer's text. */
function stripCutNotice(text: string): string {
  return text.replace(/… \[\d+ more characters cut[^\]]*\]$/, "");
}

function iso(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}
