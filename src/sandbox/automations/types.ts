// Vocabulary of the sandbox's automation-rule emulator: one "Trigger webhook" rule that fires on
// ticket creation and/or update (reference §9, §13).
import type { FdCustomFieldValue } from "../seed/types.ts";

export type AutomationAuth =
  | { type: "basic"; username: string; password: string }
  /** Freshdesk's API-key option: sent as Basic `base64("<key>:X")`. */
  | { type: "api_key"; key: string }
  /** A custom header; it may override the default headers. */
  | { type: "header"; name: string; value: string };

export type AutomationConfig = {
  targetUrl: string;
  auth?: AutomationAuth;
  /** Which rule triggers fire; default both. */
  events?: Array<"created" | "updated">;
  /** Simple content encoded as JSON (default) or as an x-www-form-urlencoded form. */
  encoding?: "json" | "form";
  /** Per-attempt timeout; default 15000. */
  timeoutMs?: number;
  /** Waits before each retry, each measured from the previous attempt; default 5, 30, 60 min. */
  retryDelaysMs?: number[];
  /** Multiplies every retry delay (tests compress the schedule with e.g. 0.0001); default 1. */
  timeScale?: number;
};

/** What the sandbox knows about a ticket when a rule fires; names, not ids, as Freshdesk renders. */
export type WebhookTicketView = {
  id: number;
  subject: string;
  /** HTML. */
  description: string;
  descriptionText: string;
  /** Display names: "Open", "Urgent", "Email". */
  status: string;
  priority: string;
  source: string;
  type: string | null;
  tags: string[];
  groupName: string | null;
  agentName: string | null;
  agentEmail: string | null;
  requesterName: string;
  requesterEmail: string | null;
  requesterPhone: string | null;
  companyName: string | null;
  /** Agent URL and customer-portal URL of the ticket. */
  url: string;
  portalUrl: string;
  /** Text of the newest public reply or note, if any. */
  latestPublicComment: string | null;
  /** UTC timestamp of the resolution due date. */
  dueBy: string | null;
  /** The ticket's `custom_fields`; each becomes `ticket_<cf_name>`. */
  customFields?: Record<string, FdCustomFieldValue>;
  helpdeskName?: string;
};

export type TicketEvent =
  | { kind: "created" }
  /** Changed fields by their API names (status, priority, group_id, responder_id, ticket_type, due_by …). */
  | { kind: "updated"; changes: Record<string, { from: unknown; to: unknown }> };

export type DeliveryRecord = {
  ticketId: number;
  event: "created" | "updated";
  /** 1 for the first try, 2.. for retries. */
  attempt: number;
  /** HTTP status, or why no status came back. */
  status: number | "timeout" | "error";
  /** Clock reading when the attempt finished. */
  at: number;
  /** What happens next: nothing (delivered / failed for good) or another attempt. */
  outcome: "delivered" | "retrying" | "failed";
};

/**
 * `View` is what the product's payload is rendered from: Freshdesk's named view by default;
 * another product's emulator passes its own (anything with the ticket's numeric `id`).
 */
export interface AutomationEmitter<View extends { id: number } = WebhookTicketView> {
  /** Fire-and-forget; never throws. Ignored when no target is set or the event is not enabled. */
  ticketChanged(view: View, event: TicketEvent): void;
  /** Point the rule somewhere (or nowhere). Deliveries already under way keep their target. */
  setTarget(config: AutomationConfig | undefined): void;
  deliveries(): DeliveryRecord[];
  /** Resolves once nothing is in flight or scheduled. */
  idle(): Promise<void>;
  /** Cancels scheduled retries and aborts requests in flight; later events are ignored. */
  close(): void;
}

/** What a sandbox's owner may do with its emulator: everything but firing it. Same for every product. */
export type AutomationControl = Omit<AutomationEmitter, "ticketChanged">;
