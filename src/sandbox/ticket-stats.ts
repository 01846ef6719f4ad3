// The `stats` embed of a ticket (reference §5.3): when agents and requesters last responded and
// when the status last moved. Seeded tickets get stats derived from their conversations.
import type { FdConversation, FdTicket, FdTicketStats } from "./seed/types.ts";

const PENDING = 3;
const RESOLVED = 4;
const CLOSED = 5;

function isAgentReply(conversation: FdConversation, isAgent: (userId: number) => boolean): boolean {
  return !conversation.incoming && !conversation.private && isAgent(conversation.user_id);
}

export function deriveStats(
  ticket: Pick<FdTicket, "status" | "created_at" | "updated_at">,
  conversations: readonly FdConversation[],
  isAgent: (userId: number) => boolean,
): FdTicketStats {
  const agentReplies = conversations.filter((c) => isAgentReply(c, isAgent)).map((c) => c.created_at);
  const customerReplies = conversations.filter((c) => c.incoming).map((c) => c.created_at);
  const statusMoved = ticket.status === 2 ? ticket.created_at : ticket.updated_at;
  return {
    agent_responded_at: agentReplies.at(-1) ?? null,
    requester_responded_at: customerReplies.at(-1) ?? null,
    first_responded_at: agentReplies[0] ?? null,
    status_updated_at: statusMoved,
    reopened_at: null,
    // Freshdesk reports these from updated_at when the status implies them and no event is recorded.
    resolved_at: ticket.status === RESOLVED || ticket.status === CLOSED ? ticket.updated_at : null,
    closed_at: ticket.status === CLOSED ? ticket.updated_at : null,
    pending_since: ticket.status === PENDING ? ticket.updated_at : null,
  };
}

export function recordStatusChange(stats: FdTicketStats, from: number, to: number, at: string): void {
  stats.status_updated_at = at;
  if (to === RESOLVED) stats.resolved_at = at;
  if (to === CLOSED) {
    stats.closed_at = at;
    stats.resolved_at ??= at;
  }
  stats.pending_since = to === PENDING ? at : null;
  if ((from === RESOLVED || from === CLOSED) && to !== RESOLVED && to !== CLOSED) {
    stats.reopened_at = at;
    stats.resolved_at = null;
    stats.closed_at = null;
  }
}

export function recordConversation(
  stats: FdTicketStats,
  conversation: FdConversation,
  isAgent: (userId: number) => boolean,
): void {
  if (conversation.incoming) stats.requester_responded_at = conversation.created_at;
  if (isAgentReply(conversation, isAgent)) {
    stats.agent_responded_at = conversation.created_at;
    stats.first_responded_at ??= conversation.created_at;
  }
}
