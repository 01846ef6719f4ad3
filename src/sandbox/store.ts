// The simulated account's in-memory state: records by id, id allocation and the clock.

import { ConversationMap } from "./conversation-map.ts";
import type {
  FdAgent,
  FdBusinessHours,
  FdCannedResponse,
  FdCannedResponseFolder,
  FdCompany,
  FdContact,
  FdConversation,
  FdGroup,
  FdRole,
  FdSatisfactionRating,
  FdSlaPolicy,
  FdSolutionArticle,
  FdSolutionCategory,
  FdSolutionFolder,
  FdTicket,
  FdTicketField,
  FdTicketStats,
  FdTimeEntry,
  SeedData,
} from "./seed/types.ts";
import { deriveStats } from "./ticket-stats.ts";
import { wireTime } from "./wire-time.ts";

/** A ticket as stored: the wire object without `deleted`, plus what only includes reveal. */
export type TicketRecord = {
  ticket: Omit<FdTicket, "deleted">;
  deleted: boolean;
  stats: FdTicketStats;
};

/** A bulk action's job (reference §5.6.1), done by the time it is created. */
export type BulkJob = {
  id: string;
  action: string;
  created_at: string;
  succeeded: number[];
  failed: { id: number; errors: { field: string; message: string; code: string }[] }[];
};

/** Bytes of an uploaded attachment, served back at its `attachment_url`. */
export type StoredFile = { bytes: Uint8Array; contentType: string; name: string };

export class SandboxStore {
  readonly files = new Map<number, StoredFile>();
  readonly tickets = new Map<number, TicketRecord>();
  readonly conversations = new ConversationMap();
  readonly contacts = new Map<number, FdContact>();
  readonly companies = new Map<number, FdCompany>();
  readonly agents = new Map<number, FdAgent>();
  readonly groups = new Map<number, FdGroup>();
  readonly roles = new Map<number, FdRole>();
  readonly timeEntries = new Map<number, FdTimeEntry>();
  readonly satisfactionRatings = new Map<number, FdSatisfactionRating>();
  /** Agent ids watching each ticket (by display id). */
  readonly watchers = new Map<number, Set<number>>();
  readonly jobs = new Map<string, BulkJob>();
  /** Each agent's own API key → the agent's id; see agent-keys.ts. */
  readonly agentKeys = new Map<string, number>();
  readonly solutionCategories = new Map<number, FdSolutionCategory>();
  readonly solutionFolders = new Map<number, FdSolutionFolder>();
  readonly solutionArticles = new Map<number, FdSolutionArticle>();
  readonly cannedResponseFolders = new Map<number, FdCannedResponseFolder>();
  readonly cannedResponses = new Map<number, FdCannedResponse>();
  readonly ticketFields: FdTicketField[];
  readonly slaPolicies: FdSlaPolicy[];
  readonly businessHours: FdBusinessHours[];
  readonly currentAgentId: number;
  readonly now: () => number;
  #lastTicketId = 0;
  #lastId = 0;

  constructor(seed: SeedData, now: () => number) {
    this.now = now;
    this.ticketFields = seed.ticketFields.map((field) => structuredClone(field));
    this.slaPolicies = seed.slaPolicies.map((policy) => structuredClone(policy));
    this.businessHours = seed.businessHours.map((hours) => structuredClone(hours));
    this.currentAgentId = seed.currentAgentId;
    fill(this.agents, seed.agents);
    fill(this.groups, seed.groups);
    fill(this.roles, seed.roles);
    fill(this.timeEntries, seed.timeEntries);
    fill(this.satisfactionRatings, seed.satisfactionRatings);
    fill(this.contacts, seed.contacts);
    fill(this.companies, seed.companies);
    fill(this.conversations, seed.conversations);
    fill(this.solutionCategories, seed.solutionCategories);
    fill(this.solutionFolders, seed.solutionFolders);
    fill(this.solutionArticles, seed.solutionArticles);
    fill(this.cannedResponseFolders, seed.cannedResponseFolders);
    fill(this.cannedResponses, seed.cannedResponses);
    for (const seeded of seed.tickets) {
      const { deleted, ...ticket } = structuredClone(seeded);
      const record: TicketRecord = { ticket, deleted: deleted === true, stats: emptyStats() };
      record.stats = deriveStats(record.ticket, this.conversationsOf(ticket.id), this.isAgent);
      this.tickets.set(ticket.id, record);
      this.#lastTicketId = Math.max(this.#lastTicketId, ticket.id);
    }
    for (const map of this.#idMaps()) {
      for (const id of map.keys()) this.#lastId = Math.max(this.#lastId, id);
    }
    for (const field of this.ticketFields) this.#lastId = Math.max(this.#lastId, field.id);
  }

  /** Current time as a wire timestamp. */
  stamp(): string {
    return wireTime(this.now());
  }

  /** Tickets get the account's small sequential display ids (skipping the seeded history's block). */
  nextTicketId(): number {
    do this.#lastTicketId += 1;
    while (this.tickets.has(this.#lastTicketId));
    return this.#lastTicketId;
  }

  /**
   * Adds months of resolved tickets and their requesters without moving the display-id
   * sequence: new tickets keep the ids they get without the history.
   */
  addHistory(history: { tickets: readonly FdTicket[]; contacts: readonly FdContact[] }): void {
    fill(this.contacts, history.contacts);
    for (const seeded of history.tickets) {
      const { deleted, ...ticket } = structuredClone(seeded);
      const record: TicketRecord = { ticket, deleted: deleted === true, stats: emptyStats() };
      record.stats = deriveStats(record.ticket, [], this.isAgent);
      this.tickets.set(ticket.id, record);
    }
  }

  /** Everything else gets large integers, like real account-scoped ids; one space avoids clashes. */
  nextId(): number {
    this.#lastId = Math.max(this.#lastId + 1, 43_000_000_000);
    return this.#lastId;
  }

  readonly isAgent = (userId: number): boolean => this.agents.has(userId);

  conversationsOf(ticketId: number): FdConversation[] {
    return this.conversations
      .ofTicket(ticketId)
      .sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id - b.id);
  }

  findContactByEmail(email: string): FdContact | undefined {
    const wanted = email.toLowerCase();
    for (const contact of this.contacts.values()) {
      if (contact.email?.toLowerCase() === wanted) return contact;
      if (contact.other_emails.some((other) => other.toLowerCase() === wanted)) return contact;
    }
    return undefined;
  }

  /** Who is watching a ticket (a live set: adding to it records a watcher). */
  watchersOf(ticketId: number): Set<number> {
    let set = this.watchers.get(ticketId);
    if (!set) {
      set = new Set();
      this.watchers.set(ticketId, set);
    }
    return set;
  }

  /** A user's email, whether the user is an agent or a contact. */
  userEmail(userId: number): string | null {
    return this.agents.get(userId)?.contact.email ?? this.contacts.get(userId)?.email ?? null;
  }

  *#idMaps(): Iterable<Map<number, unknown>> {
    yield this.conversations;
    yield this.contacts;
    yield this.companies;
    yield this.agents;
    yield this.groups;
    yield this.roles;
    yield this.timeEntries;
    yield this.satisfactionRatings;
    yield this.solutionCategories;
    yield this.solutionFolders;
    yield this.solutionArticles;
    yield this.cannedResponseFolders;
    yield this.cannedResponses;
  }
}

function fill<T extends { id: number }>(map: Map<number, T>, items: readonly T[]): void {
  for (const item of items) map.set(item.id, structuredClone(item));
}

export function emptyStats(): FdTicketStats {
  return {
    agent_responded_at: null,
    requester_responded_at: null,
    first_responded_at: null,
    status_updated_at: null,
    reopened_at: null,
    resolved_at: null,
    closed_at: null,
    pending_since: null,
  };
}
