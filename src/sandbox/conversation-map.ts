import type { FdConversation } from "./seed/types.ts";

/**
 * Conversations by id that also know each ticket's own: listing one ticket's conversations (every
 * ticket view, note lookup and webhook) must not scan the whole account, which holds a long
 * seeded history and grows with every note. A Map, so every writer keeps using set/delete.
 */
export class ConversationMap extends Map<number, FdConversation> {
  readonly #byTicket = new Map<number, Map<number, FdConversation>>();

  override set(id: number, conversation: FdConversation): this {
    this.#unindex(id);
    super.set(id, conversation);
    const own = this.#byTicket.get(conversation.ticket_id) ?? new Map<number, FdConversation>();
    this.#byTicket.set(conversation.ticket_id, own);
    own.set(id, conversation);
    return this;
  }

  override delete(id: number): boolean {
    this.#unindex(id);
    return super.delete(id);
  }

  override clear(): void {
    this.#byTicket.clear();
    super.clear();
  }

  /** The ticket's conversations, in no particular order. */
  ofTicket(ticketId: number): FdConversation[] {
    return [...(this.#byTicket.get(ticketId)?.values() ?? [])];
  }

  #unindex(id: number): void {
    const previous = super.get(id);
    if (previous) this.#byTicket.get(previous.ticket_id)?.delete(id);
  }
}
