import type { Redis } from "ioredis";
import type { OverrideStore } from "../../src/learning/overrides.ts";
import { FRESHSERVICE_LEARNED_FIELDS, type LearnedField } from "../../src/learning/types.ts";
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
    async recordOverrides(overrides: OverrideStore, run, ticket, at) {
      const fields = (run as typeof run & { fields?: Record<string, FsFieldRecord> }).fields ?? {};
      const now = currentValues(ticket as FsTicketSnapshot);
      // Learning labels a group by its name, so overrides name it too.
      const groupName = async (id: string | number | null) =>
        typeof id === "number"
          ? ((await deps.account.get()).groups.find((g) => g.id === id)?.name ?? id)
          : id;
      const closed = ticket.status === 4 || ticket.status === 5;
      for (const field of FRESHSERVICE_OVERRIDE_FIELDS) {
        const record = fields[field];
        if (record?.status !== "applied" || !(run.applied ?? []).includes(field)) continue;
        const to = now[field];
        if (String(to ?? "").toLowerCase() === String(record.to ?? "").toLowerCase()) continue;
        await overrides.record({
          // The override store is keyed by field name; Freshservice's fields are its own.
          field: field as LearnedField,
          ticketId: ticket.id,
          from: field === "group" ? await groupName(record.to) : record.to,
          to: field === "group" ? await groupName(to ?? null) : (to ?? null),
          at: at.toISOString(),
          appliedAt: run.at,
          seen: closed ? "close" : "update",
        });
      }
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
