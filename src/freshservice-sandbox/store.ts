// The simulated Freshservice account's in-memory state, fed by the seed (seed/index.ts): records by
// id, id allocation, the clock, and the one way tickets are created and updated — the ticket
// routes and the service catalog's place_request both go through `createTicket`, so every new
// ticket gets the same defaults, activity line and Workflow Automator event.
import type { TicketEvent } from "../sandbox/automations.ts";
import { htmlToText } from "../sandbox/html-text.ts";
import { wireTime } from "../sandbox/wire-time.ts";
import type {
  FreshserviceSeed,
  FsActivity,
  FsAgent,
  FsAsset,
  FsAssetType,
  FsBusinessHours,
  FsCannedResponse,
  FsCannedResponseFolder,
  FsChange,
  FsConversation,
  FsCustomFields,
  FsDepartment,
  FsGroup,
  FsLevel,
  FsPriority,
  FsProblem,
  FsRequestedItem,
  FsRequester,
  FsServiceCategory,
  FsServiceItem,
  FsSlaPolicy,
  FsSolutionArticle,
  FsSolutionCategory,
  FsSolutionFolder,
  FsTicket,
  FsTicketFormField,
  FsTicketStatus,
} from "./seed/types.ts";
import { deriveTicketStats, type FsTicketStats, touchStats } from "./tickets/ticket-stats.ts";

/** What a caller supplies to raise a ticket; everything else gets Freshservice's defaults. */
export type NewTicket = {
  subject: string;
  description: string;
  requester_id: number;
  requested_for_id?: number | null;
  /** Default "Incident" [DOC create table]. */
  type?: string;
  status?: FsTicketStatus;
  priority?: FsPriority;
  urgency?: FsLevel;
  impact?: FsLevel;
  /** Default 2, Portal [DOC create table]. */
  source?: number;
  group_id?: number | null;
  responder_id?: number | null;
  /** Default: the requester's first department [inferred]. */
  department_id?: number | null;
  category?: string | null;
  sub_category?: string | null;
  item_category?: string | null;
  due_by?: string;
  fr_due_by?: string;
  email_config_id?: number | null;
  cc_emails?: string[];
  tags?: string[];
  custom_fields?: FsCustomFields;
  /** Default: the primary workspace. */
  workspace_id?: number;
};

/** Field changes of one update, by API name. */
export type TicketChanges = Record<string, { from: unknown; to: unknown }>;

export type TicketListener = (ticket: FsTicket, event: TicketEvent, actorId: number) => void;

/** Ticket fields an update may set (after validation). */
export type TicketPatch = Partial<
  Omit<FsTicket, "id" | "created_at" | "updated_at" | "deleted" | "attachments">
>;

const HOUR_S = 3600;
/** Targets when no SLA policy applies [inferred]: respond in 1 day, resolve in 3. */
const FALLBACK_TARGET = { respond_within: 24 * HOUR_S, resolve_within: 72 * HOUR_S };

export class FreshserviceStore {
  readonly workspaceId: number;
  readonly currentAgentId: number;
  readonly now: () => number;
  readonly tickets = new Map<number, FsTicket>();
  readonly ticketStats = new Map<number, FsTicketStats>();
  readonly activities = new Map<number, FsActivity[]>();
  readonly conversations = new Map<number, FsConversation>();
  readonly #conversationsByTicket = new Map<number, FsConversation[]>();
  /** Ticket id → display ids of its linked assets. */
  readonly ticketAssets = new Map<number, number[]>();
  /** Service request id → its requested items (set by place_request). */
  readonly requestedItems = new Map<number, FsRequestedItem[]>();
  readonly departments = new Map<number, FsDepartment>();
  readonly groups = new Map<number, FsGroup>();
  readonly agents = new Map<number, FsAgent>();
  readonly requesters = new Map<number, FsRequester>();
  /** Each agent's own API key → the agent's id (src/sandbox/agent-keys.ts). */
  readonly agentKeys = new Map<string, number>();
  readonly ticketFormFields: FsTicketFormField[];
  readonly solutionCategories = new Map<number, FsSolutionCategory>();
  readonly solutionFolders = new Map<number, FsSolutionFolder>();
  readonly solutionArticles = new Map<number, FsSolutionArticle>();
  readonly cannedResponseFolders = new Map<number, FsCannedResponseFolder>();
  readonly cannedResponses = new Map<number, FsCannedResponse>();
  readonly serviceCategories = new Map<number, FsServiceCategory>();
  /** Keyed by `display_id`, the id the API addresses them by. */
  readonly serviceItems = new Map<number, FsServiceItem>();
  readonly assetTypes = new Map<number, FsAssetType>();
  /** Keyed by `display_id`, the id the API addresses them by (§7). */
  readonly assets = new Map<number, FsAsset>();
  readonly changes = new Map<number, FsChange>();
  readonly problems = new Map<number, FsProblem>();
  readonly slaPolicies: FsSlaPolicy[];
  readonly businessHours: FsBusinessHours[];
  readonly #listeners: TicketListener[] = [];
  #lastTicketId = 0;
  #lastId = 0;

  constructor(seed: FreshserviceSeed, now: () => number) {
    this.now = now;
    this.workspaceId = seed.workspaceId;
    this.currentAgentId = seed.currentAgentId;
    this.ticketFormFields = structuredClone(seed.ticketFormFields);
    this.slaPolicies = structuredClone(seed.slaPolicies);
    this.businessHours = structuredClone(seed.businessHours);
    fill(this.departments, seed.departments);
    fill(this.groups, seed.groups);
    fill(this.agents, seed.agents);
    fill(this.requesters, seed.requesters);
    fill(this.solutionCategories, seed.solutionCategories);
    fill(this.solutionFolders, seed.solutionFolders);
    fill(this.solutionArticles, seed.solutionArticles);
    fill(this.cannedResponseFolders, seed.cannedResponseFolders);
    fill(this.cannedResponses, seed.cannedResponses);
    fill(this.serviceCategories, seed.serviceCategories);
    fill(this.assetTypes, seed.assetTypes);
    fill(this.changes, seed.changes);
    fill(this.problems, seed.problems);
    for (const item of seed.serviceItems) this.serviceItems.set(item.display_id, structuredClone(item));
    for (const asset of seed.assets) this.assets.set(asset.display_id, structuredClone(asset));
    for (const [ticketId, displayIds] of seed.ticketAssets) this.ticketAssets.set(ticketId, [...displayIds]);
    for (const conversation of seed.conversations) this.addConversation(structuredClone(conversation));
    this.addTickets(seed.tickets);
    for (const map of this.#idMaps()) for (const id of map.keys()) this.#lastId = Math.max(this.#lastId, id);
    for (const field of this.ticketFormFields) this.#lastId = Math.max(this.#lastId, field.id);
  }

  /** Adds seeded tickets (and, for history, their requesters) as they are. */
  addTickets(tickets: readonly FsTicket[], requesters: readonly FsRequester[] = []): void {
    fill(this.requesters, requesters);
    for (const seeded of tickets) {
      const ticket = structuredClone(seeded);
      this.tickets.set(ticket.id, ticket);
      this.ticketStats.set(ticket.id, deriveTicketStats(ticket));
      this.#lastTicketId = Math.max(this.#lastTicketId, ticket.id);
    }
  }

  /** Called after every ticket creation and every update that changed something. */
  onTicketEvent(listener: TicketListener): void {
    this.#listeners.push(listener);
  }

  stamp(): string {
    return wireTime(this.now());
  }

  /** Tickets get small sequential ids (the display form `#INC-5` is UI only). */
  nextTicketId(): number {
    do this.#lastTicketId += 1;
    while (this.tickets.has(this.#lastTicketId));
    return this.#lastTicketId;
  }

  /** Everything else gets large account-scoped integers from one space, so ids never clash. */
  nextId(): number {
    this.#lastId = Math.max(this.#lastId + 1, 27_000_000_000);
    return this.#lastId;
  }

  userName(userId: number): string {
    const user = this.agents.get(userId) ?? this.requesters.get(userId);
    return user ? [user.first_name, user.last_name].filter(Boolean).join(" ") : "System";
  }

  userEmail(userId: number): string | null {
    return this.agents.get(userId)?.email ?? this.requesters.get(userId)?.primary_email ?? null;
  }

  /** A requester (or agent, who can request too) by primary or secondary email. */
  findUserByEmail(email: string): { id: number } | undefined {
    const wanted = email.toLowerCase();
    for (const requester of this.requesters.values()) {
      if (requester.primary_email?.toLowerCase() === wanted) return requester;
      if (requester.secondary_emails.some((other) => other.toLowerCase() === wanted)) return requester;
    }
    for (const agent of this.agents.values()) if (agent.email.toLowerCase() === wanted) return agent;
    return undefined;
  }

  /** A new requester, as Freshservice adds one for an unknown email or phone on ticket create. */
  addRequester(fields: { name?: string; email?: string; phone?: string }): FsRequester {
    const [first = fields.email ?? fields.phone ?? "Requester", ...rest] = (fields.name ?? "")
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    const stamp = this.stamp();
    const requester: FsRequester = {
      id: this.nextId(),
      is_agent: false,
      first_name: first,
      last_name: rest.length > 0 ? rest.join(" ") : null,
      job_title: null,
      primary_email: fields.email ?? null,
      secondary_emails: [],
      work_phone_number: fields.phone ?? null,
      mobile_phone_number: null,
      department_ids: [],
      can_see_all_tickets_from_associated_departments: false,
      reporting_manager_id: null,
      address: null,
      time_zone: "Eastern Time (US & Canada)",
      time_format: "12h",
      language: "en",
      location_id: null,
      background_information: null,
      custom_fields: {},
      active: true,
      has_logged_in: false,
      external_id: null,
      created_at: stamp,
      updated_at: stamp,
    };
    this.requesters.set(requester.id, requester);
    return requester;
  }

  conversationsOf(ticketId: number): FsConversation[] {
    return [...(this.#conversationsByTicket.get(ticketId) ?? [])].sort(
      (a, b) => a.created_at.localeCompare(b.created_at) || a.id - b.id,
    );
  }

  addConversation(conversation: FsConversation): void {
    this.conversations.set(conversation.id, conversation);
    const list = this.#conversationsByTicket.get(conversation.ticket_id) ?? [];
    list.push(conversation);
    this.#conversationsByTicket.set(conversation.ticket_id, list);
  }

  removeConversation(id: number): void {
    const conversation = this.conversations.get(id);
    if (!conversation) return;
    this.conversations.delete(id);
    const list = this.#conversationsByTicket.get(conversation.ticket_id) ?? [];
    this.#conversationsByTicket.set(
      conversation.ticket_id,
      list.filter((entry) => entry.id !== id),
    );
  }

  activitiesOf(ticketId: number): FsActivity[] {
    return this.activities.get(ticketId) ?? [];
  }

  addActivity(ticketId: number, actorId: number, content: string, subContents: string[] = []): void {
    const list = this.activities.get(ticketId) ?? [];
    list.push({
      actor: { id: actorId, name: this.userName(actorId) },
      content,
      sub_contents: subContents,
      created_at: this.stamp(),
      ticket_id: ticketId,
    });
    this.activities.set(ticketId, list);
  }

  /** Raises a ticket (validated by the caller) with Freshservice's defaults, and fires "created". */
  createTicket(input: NewTicket, actorId: number): FsTicket {
    const stamp = this.stamp();
    const priority = input.priority ?? 1;
    const type = input.type ?? "Incident";
    const groupId = input.group_id ?? null;
    const departmentId =
      input.department_id !== undefined
        ? input.department_id
        : (this.requesters.get(input.requester_id)?.department_ids[0] ?? null);
    const sla = this.slaPolicyFor({
      priority,
      type,
      group_id: groupId,
      department_id: departmentId,
      source: input.source ?? 2,
    });
    const target = sla?.sla_targets.find((entry) => entry.priority === priority) ?? FALLBACK_TARGET;
    const ticket: FsTicket = {
      cc_emails: input.cc_emails ?? [],
      fwd_emails: [],
      reply_cc_emails: input.cc_emails ?? [],
      fr_escalated: false,
      spam: false,
      email_config_id: input.email_config_id ?? null,
      group_id: groupId,
      priority,
      requester_id: input.requester_id,
      requested_for_id: input.requested_for_id ?? input.requester_id,
      responder_id: input.responder_id ?? null,
      source: input.source ?? 2,
      status: input.status ?? 2,
      subject: input.subject,
      to_emails: null,
      department_id: departmentId,
      id: this.nextTicketId(),
      type,
      due_by: input.due_by ?? wireTime(this.now() + target.resolve_within * 1000),
      fr_due_by: input.fr_due_by ?? wireTime(this.now() + target.respond_within * 1000),
      is_escalated: false,
      description: input.description,
      description_text: htmlToText(input.description),
      category: input.category ?? null,
      sub_category: input.sub_category ?? null,
      item_category: input.item_category ?? null,
      custom_fields: this.#customFieldDefaults(input.custom_fields ?? {}),
      created_at: stamp,
      updated_at: stamp,
      urgency: input.urgency ?? 1,
      impact: input.impact ?? 1,
      tags: input.tags ?? [],
      attachments: [],
      deleted: false,
      workspace_id: input.workspace_id ?? this.workspaceId,
      sla_policy_id: sla?.id ?? null,
      created_within_business_hours: true,
      resolution_notes: null,
      resolution_notes_html: null,
      approval_status: null,
      approval_status_name: null,
    };
    this.tickets.set(ticket.id, ticket);
    this.ticketStats.set(ticket.id, deriveTicketStats(ticket));
    this.addActivity(
      ticket.id,
      actorId,
      type === "Service Request" ? " raised a service request" : " created a new ticket",
    );
    this.#emit(ticket, { kind: "created" }, actorId);
    return ticket;
  }

  /**
   * Applies a validated patch; returns what changed (empty: nothing did, and no event fires).
   * Tags replace the list; custom fields merge by name.
   */
  updateTicket(ticket: FsTicket, patch: TicketPatch, actorId: number): TicketChanges {
    const changes: TicketChanges = {};
    const record = ticket as Record<string, unknown>;
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      if (key === "custom_fields") {
        const merged = { ...ticket.custom_fields, ...(value as FsCustomFields) };
        if (JSON.stringify(merged) !== JSON.stringify(ticket.custom_fields)) {
          changes.custom_fields = { from: ticket.custom_fields, to: merged };
          ticket.custom_fields = merged;
        }
        continue;
      }
      if (JSON.stringify(record[key]) === JSON.stringify(value)) continue;
      changes[key] = { from: record[key], to: value };
      record[key] = value;
    }
    if (typeof patch.description === "string" && "description" in changes) {
      ticket.description_text = htmlToText(patch.description);
    }
    if (Object.keys(changes).length === 0) return changes;
    ticket.updated_at = this.stamp();
    touchStats(this.ticketStats.get(ticket.id), ticket, changes, this.stamp());
    this.addActivity(ticket.id, actorId, " updated the ticket", describeChanges(changes));
    this.#emit(ticket, { kind: "updated", changes }, actorId);
    return changes;
  }

  /** Marks a ticket deleted or restores it, without firing the automator [inferred]. */
  setDeleted(ticket: FsTicket, deleted: boolean, actorId: number): void {
    ticket.deleted = deleted;
    ticket.updated_at = this.stamp();
    this.addActivity(ticket.id, actorId, deleted ? " deleted the ticket" : " restored the ticket");
  }

  /** The first active policy whose conditions the ticket meets, else the default one [inferred]. */
  slaPolicyFor(
    t: Pick<FsTicket, "priority" | "type" | "group_id" | "department_id" | "source">,
  ): FsSlaPolicy | undefined {
    const active = this.slaPolicies.filter((policy) => policy.active && !policy.deleted);
    const applies = (policy: FsSlaPolicy): boolean => {
      const rule = policy.applicable_to;
      if (rule.group_ids?.length && (t.group_id === null || !rule.group_ids.includes(t.group_id)))
        return false;
      if (
        rule.department_ids?.length &&
        (t.department_id === null || !rule.department_ids.includes(t.department_id))
      )
        return false;
      if (rule.ticket_types?.length && !rule.ticket_types.includes(t.type)) return false;
      if (rule.sources?.length && !rule.sources.includes(t.source)) return false;
      return true;
    };
    return (
      active
        .filter((policy) => !policy.is_default)
        .sort((a, b) => a.position - b.position)
        .find(applies) ?? active.find((policy) => policy.is_default)
    );
  }

  #customFieldDefaults(given: FsCustomFields): FsCustomFields {
    const fields: FsCustomFields = {};
    for (const field of this.ticketFormFields) if (!field.default_field) fields[field.name] = null;
    return { ...fields, ...given };
  }

  #emit(ticket: FsTicket, event: TicketEvent, actorId: number): void {
    for (const listener of this.#listeners) listener(ticket, event, actorId);
  }

  *#idMaps(): Iterable<Map<number, { id: number }>> {
    yield this.conversations;
    yield this.departments;
    yield this.groups;
    yield this.agents;
    yield this.requesters;
    yield this.solutionCategories;
    yield this.solutionFolders;
    yield this.solutionArticles;
    yield this.cannedResponseFolders;
    yield this.cannedResponses;
    yield this.serviceCategories;
    yield this.assetTypes;
    yield this.changes;
    yield this.problems;
    yield new Map([...this.serviceItems.values()].map((item) => [item.id, item]));
    yield new Map([...this.assets.values()].map((asset) => [asset.id, asset]));
  }
}

function fill<T extends { id: number }>(map: Map<number, T>, items: readonly T[]): void {
  for (const item of items) map.set(item.id, structuredClone(item));
}

const FIELD_LABELS: Record<string, string> = {
  status: "Status",
  priority: "Priority",
  urgency: "Urgency",
  impact: "Impact",
  group_id: "Group",
  responder_id: "Agent",
  type: "Type",
  category: "Category",
  sub_category: "Sub Category",
  item_category: "Item",
  department_id: "Department",
  tags: "Tags",
};

/** Activity sub-lines like "Set Priority as 3" [inferred wording; the DOC sample names values]. */
function describeChanges(changes: TicketChanges): string[] {
  return Object.entries(changes).map(([key, change]) => {
    const label = FIELD_LABELS[key] ?? key;
    const value = Array.isArray(change.to)
      ? change.to.join(", ")
      : change.to === null
        ? "none"
        : String(change.to);
    return `Set ${label} as ${value}`;
  });
}
