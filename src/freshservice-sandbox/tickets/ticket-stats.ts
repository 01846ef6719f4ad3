// `include=stats` of a ticket (reference §3). Key list as in the DOC "view a ticket" stats
// sample as best recalled [inferred]; values are kept up to date by status and assignment changes.
import type { FsTicket } from "../seed/types.ts";

export type FsTicketStats = {
  created_at: string;
  updated_at: string;
  ticket_id: number;
  opened_at: string | null;
  group_escalated: boolean;
  inbound_count: number;
  status_updated_at: string | null;
  outbound_count: number;
  pending_since: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  first_assigned_at: string | null;
  assigned_at: string | null;
  agent_responded_at: string | null;
  requester_responded_at: string | null;
  first_responded_at: string | null;
  first_resp_time_in_secs: number | null;
  resolution_time_in_secs: number | null;
};

function seconds(from: string, to: string): number {
  return Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));
}

/** Stats of a ticket as it stands (seeded tickets reached their state at `updated_at`). */
export function deriveTicketStats(t: FsTicket): FsTicketStats {
  const done = t.status === 4 || t.status === 5;
  const assigned = t.responder_id !== null ? t.created_at : null;
  return {
    created_at: t.created_at,
    updated_at: t.updated_at,
    ticket_id: t.id,
    opened_at: t.created_at,
    group_escalated: false,
    inbound_count: 1,
    status_updated_at: t.status === 2 ? null : t.updated_at,
    outbound_count: 0,
    pending_since: t.status === 3 ? t.updated_at : null,
    resolved_at: done ? t.updated_at : null,
    closed_at: t.status === 5 ? t.updated_at : null,
    first_assigned_at: assigned,
    assigned_at: assigned,
    agent_responded_at: null,
    requester_responded_at: null,
    first_responded_at: null,
    first_resp_time_in_secs: null,
    resolution_time_in_secs: done ? seconds(t.created_at, t.updated_at) : null,
  };
}

/** Moves the stats along after an update's `changes`, at wire time `stamp`. */
export function touchStats(
  stats: FsTicketStats | undefined,
  t: FsTicket,
  changes: Record<string, unknown>,
  stamp: string,
): void {
  if (!stats) return;
  stats.updated_at = stamp;
  if ("responder_id" in changes && t.responder_id !== null) {
    stats.first_assigned_at ??= stamp;
    stats.assigned_at = stamp;
  }
  if (!("status" in changes)) return;
  stats.status_updated_at = stamp;
  stats.pending_since = t.status === 3 ? stamp : null;
  if (t.status === 4 || t.status === 5) {
    stats.resolved_at ??= stamp;
    stats.resolution_time_in_secs ??= seconds(t.created_at, stamp);
  } else {
    stats.resolved_at = null;
    stats.resolution_time_in_secs = null;
  }
  stats.closed_at = t.status === 5 ? stamp : null;
}

/** An agent's public reply counts as the first response once. */
export function recordAgentResponse(
  stats: FsTicketStats | undefined,
  createdAt: string,
  stamp: string,
): void {
  if (!stats) return;
  stats.outbound_count += 1;
  stats.agent_responded_at = stamp;
  if (stats.first_responded_at === null) {
    stats.first_responded_at = stamp;
    stats.first_resp_time_in_secs = seconds(createdAt, stamp);
  }
}
