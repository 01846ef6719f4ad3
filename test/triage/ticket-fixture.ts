import type { TicketSnapshot } from "../../src/triage/ticket-snapshot.ts";

/** A fresh, untouched ticket as Freshdesk creates it, with the given fields replaced. */
export function ticket(overrides: Partial<TicketSnapshot> = {}): TicketSnapshot {
  return {
    id: 101,
    subject: "Question",
    descriptionText: "",
    requesterEmail: "jane@customer.example",
    requesterName: "Jane Doe",
    companyId: null,
    priority: 1,
    groupId: null,
    responderId: null,
    type: null,
    tags: [],
    status: 2,
    source: 1,
    spam: false,
    createdAt: "2025-03-03T09:00:00Z",
    dueBy: null,
    frDueBy: null,
    customerMessages: [],
    ...overrides,
  };
}
