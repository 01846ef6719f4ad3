import { buildCannedResponseFolders, buildCannedResponses } from "./canned-responses.ts";
import { createSeedClock } from "./clock.ts";
import { buildCompanies, buildContacts } from "./customers.ts";
import { buildAgents, buildGroups, CURRENT_AGENT_ID } from "./groups-agents.ts";
import { buildRoles } from "./roles.ts";
import { buildBusinessHours, buildSlaPolicies } from "./sla.ts";
import { buildSolutionArticles, buildSolutionCategories, buildSolutionFolders } from "./solutions.ts";
import { buildTicketFields } from "./ticket-fields.ts";
import { buildTicketsAndConversations } from "./tickets.ts";
import type { SeedData } from "./types.ts";
import { buildSatisfactionRatings, buildTimeEntries } from "./work-records.ts";

export { VIP_COMPANY_FIELD, VIP_COMPANY_VALUE } from "./customers.ts";
export { SUPPORT_EMAIL } from "./tickets.ts";
export type * from "./types.ts";

/**
 * The seeded helpdesk of Larkspur, a fictional workforce-scheduling SaaS, as Freshdesk v2
 * wire-shape objects. Every timestamp is relative to `now` (epoch ms), so the data always looks
 * recent; the same `now` always yields the same data. Each call returns fresh objects that the
 * caller may mutate.
 */
export function buildSeed(now: number): SeedData {
  const clock = createSeedClock(now);
  const groups = buildGroups(clock);
  const agents = buildAgents(clock);
  const contacts = buildContacts(clock);
  const { tickets, conversations } = buildTicketsAndConversations(clock, { contacts, agents });
  return {
    groups,
    agents,
    roles: buildRoles(clock),
    currentAgentId: CURRENT_AGENT_ID,
    contacts,
    companies: buildCompanies(clock),
    ticketFields: buildTicketFields(clock, groups, agents),
    tickets,
    conversations,
    solutionCategories: buildSolutionCategories(clock),
    solutionFolders: buildSolutionFolders(clock),
    solutionArticles: buildSolutionArticles(clock),
    cannedResponseFolders: buildCannedResponseFolders(clock),
    cannedResponses: buildCannedResponses(clock),
    slaPolicies: buildSlaPolicies(clock),
    businessHours: buildBusinessHours(clock),
    timeEntries: buildTimeEntries(tickets),
    satisfactionRatings: buildSatisfactionRatings(tickets, clock.nowMs),
  };
}
