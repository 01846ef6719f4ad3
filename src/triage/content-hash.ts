import { createHash } from "node:crypto";
import { latestCustomerMessage, type TicketSnapshot } from "./ticket-snapshot.ts";

/**
 * A fingerprint of what the customer said: subject, description, requester and the latest
 * customer message, whitespace-normalised. Fields triage itself changes (priority, group,
 * agent, type, tags, status) are left out on purpose, so the update webhook our own write
 * triggers hashes the same and is recognised as an echo.
 */
export type HashableTicket = Pick<
  TicketSnapshot,
  "subject" | "descriptionText" | "requesterEmail" | "customerMessages"
>;

export function contentHash(ticket: HashableTicket): string {
  const latest = latestCustomerMessage(ticket);
  const parts = [
    normalize(ticket.subject),
    normalize(ticket.descriptionText),
    (ticket.requesterEmail ?? "").trim().toLowerCase(),
    normalize(latest?.bodyText ?? ""),
  ];
  // Length-prefixed so moving text from one field to the next changes the hash.
  const hash = createHash("sha256");
  for (const part of parts) hash.update(`${part.length}:${part}\n`);
  return hash.digest("hex");
}

function normalize(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, " ").trim();
}
