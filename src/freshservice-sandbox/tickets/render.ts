// Tickets and conversations as the API writes them (reference §2, §3): every key present, blank
// ones `null`; tags only when `include=tags` asked for them (a plain GET leaves them out, §2).
import type { FsConversation, FsTicket } from "../seed/types.ts";
import type { FreshserviceStore } from "../store.ts";

export type WireTicket = Record<string, unknown>;

/** The ticket without `tags`, then the embeds in the order they were asked for. */
export function renderTicket(t: FsTicket, embeds: Record<string, unknown> = {}): WireTicket {
  const { tags: _tags, ...rest } = t;
  return { ...structuredClone(rest), ...embeds };
}

/** `requester` / `requested_for` embeds: who, with the contact details [inferred from Freshdesk's shape]. */
export function userEmbed(store: FreshserviceStore, userId: number | null): Record<string, unknown> | null {
  if (userId === null) return null;
  const requester = store.requesters.get(userId);
  if (requester) {
    return {
      id: requester.id,
      name: store.userName(requester.id),
      email: requester.primary_email,
      mobile: requester.mobile_phone_number,
      phone: requester.work_phone_number,
    };
  }
  const agent = store.agents.get(userId);
  if (!agent) return null;
  return {
    id: agent.id,
    name: store.userName(agent.id),
    email: agent.email,
    mobile: agent.mobile_phone_number,
    phone: agent.work_phone_number,
  };
}

/** A note or reply as `{"conversation": …}` returns it (§3). */
export function renderConversation(conversation: FsConversation): Record<string, unknown> {
  return structuredClone(conversation);
}
