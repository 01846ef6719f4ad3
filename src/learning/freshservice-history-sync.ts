import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { z } from "zod";
import { ERROR_META_KEY, errorFromToolResult } from "../mcp/tool-error.ts";
import type { StoredExample } from "./examples-store.ts";
import { beginSync, correctedFields, type SyncOptions, type SyncReport } from "./history-sync.ts";
import type { Labels } from "./types.ts";

/**
 * Reads a Freshservice account's resolved and closed tickets into labelled examples, through the
 * bundled Freshservice MCP tool `filter_tickets` under the pipeline policy, with the learning
 * budget's client behind it (see learner.ts), as the Freshdesk sync does with list_tickets.
 *
 * Labels are what the ticket carries when read: category › sub_category › item_category,
 * urgency, impact, priority, the group's name and the type. Spam and deleted tickets never enter.
 * A ticket still open whose applied value an agent corrected enters with the corrected fields
 * only, when a run reads it (the incremental query reads every status); unlike the Freshdesk
 * sync, corrected tickets the query did not bring are not fetched one by one.
 *
 * The filter language cannot sort (results come newest created first) and takes dates to the
 * day [DOC reference §4], so:
 * - the first run asks `(status:4 OR status:5) AND updated_at:>'<LEARN_DAYS ago>'`, up to
 *   LEARN_MAX_TICKETS, newest created first;
 * - later runs ask `updated_at:>'<day of the high-water mark>'` with every status, so a ticket
 *   reopened since it was read leaves the examples; the high-water day is read again (`:>` is
 *   "on or after"), which the upsert makes harmless and which also catches updates the filter
 *   index showed late ("a few minutes" of lag [DOC]).
 * Whether /tickets/filter stops at some page is not documented [open]: when the tool gives no
 * further page while the total says there are more, the query is asked again for tickets created
 * on or before the day of the oldest one read.
 */

/** What this sync reads of a filter_tickets item (the tool's output has more). */
const filterItem = z
  .object({
    id: z.number(),
    subject: z.string().optional(),
    description_text: z.string().optional(),
    type: z.string().optional(),
    status: z.number(),
    priority: z.number().optional(),
    urgency: z.number().optional(),
    impact: z.number().optional(),
    category: z.string().optional(),
    sub_category: z.string().optional(),
    item_category: z.string().optional(),
    group_id: z.number().optional(),
    group_name: z.string().optional(),
    spam: z.boolean().optional(),
    deleted: z.boolean().optional(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .loose();
type FilterItem = z.output<typeof filterItem>;

const filterResult = z
  .object({ total: z.number(), items: z.array(filterItem), next_cursor: z.string().optional() })
  .loose();
const groupsResult = z
  .object({ items: z.array(z.object({ id: z.number(), name: z.string().optional() }).loose()) })
  .loose();

/** Restarts of the query at an older creation day, should the filter stop paging. */
const MAX_RESTARTS = 50;

export async function syncFreshserviceHistory(options: SyncOptions): Promise<SyncReport> {
  const { client, store } = options;
  const { now, windowStart, incremental, since, report } = await beginSync(options);
  const base = incremental
    ? `updated_at:>'${day(since)}'`
    : `(status:4 OR status:5) AND updated_at:>'${day(since)}'`;

  const corrections = await correctedFields(options.overrides, windowStart);
  let groupNames: Map<number, string> | undefined;
  const call = async (name: string, args: Record<string, unknown>): Promise<unknown> => {
    options.signal?.throwIfAborted();
    report.calls++;
    return callToolResult(client, name, args);
  };
  const nameOf = async (groupId: number): Promise<string | undefined> => {
    if (!groupNames) {
      const groups = groupsResult.parse(await call("list_groups", {}));
      groupNames = new Map(groups.items.flatMap((g) => (g.name ? [[g.id, g.name] as const] : [])));
    }
    return groupNames.get(groupId);
  };

  const seen = new Set<number>();
  let createdBefore: string | undefined;
  let oldestCreated: string | undefined;
  for (let restart = 0; restart <= MAX_RESTARTS; restart++) {
    const query = createdBefore ? `${base} AND created_at:<'${createdBefore}'` : base;
    let cursor: string | undefined;
    let read = 0;
    let fresh = 0;
    let total = 0;
    for (;;) {
      const page = filterResult.parse(await call("filter_tickets", cursor ? { cursor } : { query }));
      total = page.total;
      read += page.items.length;
      const items = page.items.filter((item) => !seen.has(item.id));
      for (const item of items) seen.add(item.id);
      fresh += items.length;
      report.listed += items.length;
      const examples = await Promise.all(items.map((item) => exampleOf(item, corrections, nameOf)));
      const keep = examples.filter((example): example is StoredExample => example !== undefined);
      const drop = items.filter((_, i) => examples[i] === undefined).map((item) => item.id);
      await store.upsert(keep);
      report.stored += keep.length;
      report.removed += await store.remove(drop);
      for (const item of page.items) {
        if (report.highWater === undefined || item.updated_at > report.highWater) {
          report.highWater = item.updated_at;
        }
        if (oldestCreated === undefined || item.created_at < oldestCreated) oldestCreated = item.created_at;
      }
      await store.saveSyncState({ highWater: report.highWater });
      cursor = page.next_cursor;
      if (report.stored >= options.maxTickets && (cursor || read < total)) {
        report.capped = true;
        break;
      }
      if (!cursor) break;
    }
    if (report.capped || read >= total) break;
    // The filter stopped paging with matches left: ask again from the oldest creation day read.
    const next = oldestCreated ? day(oldestCreated) : undefined;
    if (fresh === 0 || next === undefined || next === createdBefore) break;
    createdBefore = next;
  }

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

/**
 * A resolved or closed ticket with all its labels; an open one an agent corrected, with only the
 * corrected fields (the others may still change); nothing for any other ticket.
 */
async function exampleOf(
  ticket: FilterItem,
  corrections: Map<number, Set<string>>,
  groupName: (id: number) => Promise<string | undefined>,
): Promise<StoredExample | undefined> {
  const full = await toFreshserviceExample(ticket, groupName);
  const fields = corrections.get(ticket.id);
  if (full || !fields || ticket.spam || ticket.deleted) return full;
  const example = await toFreshserviceExample({ ...ticket, status: 4 }, groupName);
  if (!example) return undefined;
  for (const field of Object.keys(example.labels)) {
    if (!fields.has(field)) delete example.labels[field];
  }
  return Object.keys(example.labels).length > 0 ? example : undefined;
}

/** A resolved or closed Freshservice ticket as a labelled example; undefined for any other. */
export async function toFreshserviceExample(
  ticket: FilterItem,
  groupName: (id: number) => Promise<string | undefined>,
): Promise<StoredExample | undefined> {
  if (ticket.status !== 4 && ticket.status !== 5) return undefined;
  if (ticket.spam || ticket.deleted) return undefined;
  const labels: Labels = {};
  for (const field of ["category", "sub_category", "item_category", "type"] as const) {
    const value = ticket[field]?.trim();
    if (value) labels[field] = value;
  }
  for (const field of ["urgency", "impact"] as const) {
    const value = ticket[field];
    if (value !== undefined && value >= 1 && value <= 3) labels[field] = value;
  }
  if (ticket.priority !== undefined && ticket.priority >= 1 && ticket.priority <= 4) {
    labels.priority = ticket.priority as 1 | 2 | 3 | 4;
  }
  if (ticket.group_id !== undefined) {
    const name = ticket.group_name ?? (await groupName(ticket.group_id));
    if (name) labels.group = name;
  }
  return {
    id: ticket.id,
    subject: ticket.subject ?? "",
    description: stripCutNotice(ticket.description_text ?? ""),
    createdAt: ticket.created_at,
    updatedAt: ticket.updated_at,
    labels,
  };
}

/**
 * The structured result of a tool of any product's tool set, or the typed error its isError
 * result stands for (as `callTool` does for the Freshdesk tools).
 */
async function callToolResult(client: Client, name: string, args: Record<string, unknown>): Promise<unknown> {
  const result = await client.callTool({ name, arguments: args }, undefined, { timeout: 15 * 60_000 });
  if (result.isError) {
    const content = Array.isArray(result.content) ? result.content : [];
    const text = content
      .map((block: { type: string; text?: string }) => (block.type === "text" ? (block.text ?? "") : ""))
      .join("\n");
    throw errorFromToolResult(name, text || `${name} failed.`, result._meta?.[ERROR_META_KEY]);
  }
  return result.structuredContent;
}

/** The tool marks a shortened body "… [N more characters cut; …]"; that note is not the requester's text. */
function stripCutNotice(text: string): string {
  return text.replace(/… \[\d+ more characters cut[^\]]*\]$/, "");
}

function day(timestamp: string): string {
  return timestamp.slice(0, 10);
}

function iso(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}
