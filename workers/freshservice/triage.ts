import type { Redis } from "ioredis";
import { type AppliedValues, findOverrides } from "../../src/learning/overrides.ts";
import { FRESHSERVICE_LEARNED_FIELDS } from "../../src/learning/types.ts";
import { readHint } from "../hint-snapshot.ts";
import type { ProductTriage } from "../triage.processor.ts";
import type { FsAccountSnapshotCache } from "./account-snapshot.ts";
import { decideFreshservice, type FsDecideDeps, type FsFieldRecord } from "./decide.ts";
import type { FreshservicePipelineTools } from "./pipeline-tools.ts";
import { type FsTicketSnapshot, fsSnapshotFromHint } from "./snapshot.ts";

/** The Freshservice fields an agent's later change counts as an override of (the override loop). */
export const FRESHSERVICE_OVERRIDE_FIELDS = FRESHSERVICE_LEARNED_FIELDS;

/**
 * Freshservice's side of a triage job, for the shared processor: load (the webhook's hint when it
 * carries the whole new ticket, else one bare read), decide (workers/freshservice/decide.ts) and
 * overrides (what an agent changed of what we applied).
 */
export function createFreshserviceTriage(
  deps: FsDecideDeps & {
    tools: FreshservicePipelineTools;
    account: FsAccountSnapshotCache;
    redis: Redis;
    keyPrefix: string;
  },
): ProductTriage {
  return {
    learnedFields: FRESHSERVICE_OVERRIDE_FIELDS,
    async load(data, mode) {
      if (data.event === "created" && mode === "apply" && !data.force) {
        const hint = await readHint(deps.redis, deps.keyPrefix, data.ticketId);
        const snapshot =
          hint && fsSnapshotFromHint(data.ticketId, hint, await deps.account.get(), data.receivedAt);
        if (snapshot) return { snapshot, markers: [], fromHint: true };
      }
      // The first update event after our own update is that update's echo: the guard sees the
      // ticket as we left it and skips it, without a read.
      if (data.event !== "created" && !data.force) {
        const echo = await deps.tools.takeEcho(data.ticketId);
        if (echo) return { snapshot: echo, markers: [], fromHint: false };
      }
      const loaded = await deps.tools.loadTicket(data.ticketId, data.force === true);
      return { ...loaded, fromHint: false };
    },
    decide: (input) => decideFreshservice(deps, input),
    async recordOverrides(overrides, run, ticket, at) {
      const fields = (run as typeof run & { fields?: Record<string, FsFieldRecord> }).fields ?? {};
      // Learning labels a group by its name, so overrides name it too.
      const groups = (await deps.account.get()).groups;
      const groupName = (id: string | number | null) =>
        typeof id === "number" ? (groups.find((g) => g.id === id)?.name ?? id) : id;
      const applied: AppliedValues = { at: run.at, values: {} };
      for (const field of FRESHSERVICE_OVERRIDE_FIELDS) {
        const record = fields[field];
        if (record?.status !== "applied" || !(run.applied ?? []).includes(field)) continue;
        applied.values[field] = field === "group" ? groupName(record.to) : record.to;
      }
      if (Object.keys(applied.values).length === 0) return;
      const current = currentValues(ticket as FsTicketSnapshot);
      const found = findOverrides(
        applied,
        { ...current, group: groupName(current.group) },
        { ticketId: ticket.id, at, kind: ticket.status === 4 || ticket.status === 5 ? "close" : "update" },
        FRESHSERVICE_OVERRIDE_FIELDS,
      );
      for (const override of found) await overrides.record(override);
    },
  };
}

function currentValues(
  ticket: FsTicketSnapshot,
): Record<(typeof FRESHSERVICE_OVERRIDE_FIELDS)[number], string | number | null> {
  const { fs } = ticket;
  return {
    category: fs.category,
    sub_category: fs.subCategory,
    item_category: fs.itemCategory,
    urgency: fs.urgency,
    impact: fs.impact,
    priority: fs.priority,
    group: fs.groupId,
    type: fs.type,
  };
}
