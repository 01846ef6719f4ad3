import { detectAutomatedMessage } from "./automated-message.ts";
import { contentHash } from "./content-hash.ts";
import type { TriageMarker } from "./note.ts";
import { latestCustomerMessage, type TicketSnapshot } from "./ticket-snapshot.ts";

/**
 * Decides whether a ticket should be triaged at all, before anything is paid for.
 *
 * - deleted / spam / closed: nobody will work it (Resolved counts as closed; a customer reply
 *   reopens the ticket and a new event arrives then).
 * - own_echo: an update event whose customer content hashes the same as our last run. Our own
 *   field changes fire "ticket updated", and so do agents' edits; neither needs a new triage.
 * - already_triaged: any other event for content we already triaged (a redelivered webhook,
 *   or a retry after the note was written).
 * - auto_reply: out-of-office replies and bounces; obvious spam is skipped as spam.
 *
 * `force` (an operator's reprocess) skips the content-hash checks, never the others.
 */

export type TriageEvent = "created" | "updated" | "reprocess";

export type SkipReason = "deleted" | "spam" | "closed" | "own_echo" | "already_triaged" | "auto_reply";

export type GuardInput = {
  ticket: TicketSnapshot;
  event: TriageEvent;
  /** Markers found in the ticket's existing private notes (see findTriageMarkers). */
  markers?: readonly TriageMarker[] | undefined;
  /** The content hash of the last stored triage result for this ticket, if any. */
  lastTriagedHash?: string | undefined;
  force?: boolean | undefined;
};

export type GuardVerdict =
  | { proceed: true; contentHash: string }
  | { proceed: false; contentHash: string; reason: SkipReason; detail: string };

const CLOSED_STATUSES = new Set([4, 5]);

export function guardTicket(input: GuardInput): GuardVerdict {
  const { ticket } = input;
  const hash = contentHash(ticket);
  const skip = (reason: SkipReason, detail: string): GuardVerdict => ({
    proceed: false,
    contentHash: hash,
    reason,
    detail,
  });

  if (ticket.deleted) return skip("deleted", "the ticket is deleted");
  if (ticket.spam) return skip("spam", "the ticket is marked as spam");
  if (CLOSED_STATUSES.has(ticket.status))
    return skip("closed", `the ticket is ${ticket.status === 4 ? "resolved" : "closed"}`);

  if (!input.force) {
    const seen = input.lastTriagedHash === hash || (input.markers ?? []).some((m) => m.hash === hash);
    if (seen && input.event === "updated") return skip("own_echo", "update without new customer content");
    if (seen) return skip("already_triaged", "this content was already triaged");
  }

  const latest = latestCustomerMessage(ticket);
  const automated = detectAutomatedMessage({
    subject: ticket.subject,
    text: latest?.bodyText ?? ticket.descriptionText,
    fromEmail: latest?.fromEmail ?? ticket.requesterEmail,
  });
  if (automated.flag === "spam") return skip("spam", `looks like spam: ${automated.evidence ?? ""}`);
  if (automated.flag === "auto_reply")
    return skip("auto_reply", `automatic reply: ${automated.evidence ?? ""}`);
  return { proceed: true, contentHash: hash };
}
