// Which tickets an agent may see, by its ticket_scope (reference §8.3): 1 Global sees every
// ticket, 2 Group the tickets of its groups and those assigned to it, 3 Restricted only those
// assigned to it. Lists and search leave the others out; a view or a write answers 403.
import type { FdTicket } from "../seed/types.ts";
import type { SandboxStore } from "../store.ts";

export const TICKET_SCOPE = { global: 1, group: 2, restricted: 3 } as const;

export function canSeeTicket(
  store: SandboxStore,
  agentId: number,
  ticket: Pick<FdTicket, "group_id" | "responder_id">,
): boolean {
  const agent = store.agents.get(agentId);
  if (!agent) return false;
  if (ticket.responder_id === agentId) return true;
  if (agent.ticket_scope === TICKET_SCOPE.restricted) return false;
  if (agent.ticket_scope === TICKET_SCOPE.group) {
    return ticket.group_id !== null && agent.group_ids.includes(ticket.group_id);
  }
  return true;
}
