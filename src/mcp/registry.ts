import type { ToolDefinition } from "./define-tool.ts";
import { addNote } from "./tools/add-note.ts";
import { addTicketWatcher } from "./tools/add-ticket-watcher.ts";
import { bulkUpdateTickets } from "./tools/bulk-update-tickets.ts";
import { countTickets } from "./tools/count-tickets.ts";
import { createCompany } from "./tools/create-company.ts";
import { createContact } from "./tools/create-contact.ts";
import { createSolutionArticle } from "./tools/create-solution-article.ts";
import { createSolutionCategory } from "./tools/create-solution-category.ts";
import { createSolutionFolder } from "./tools/create-solution-folder.ts";
import { createTicket } from "./tools/create-ticket.ts";
import { createTimeEntry } from "./tools/create-time-entry.ts";
import { deleteCompany } from "./tools/delete-company.ts";
import { deleteContact } from "./tools/delete-contact.ts";
import { deleteTicket } from "./tools/delete-ticket.ts";
import { fetchTool } from "./tools/fetch.ts";
import { findSolutionsForTicket } from "./tools/find-solutions-for-ticket.ts";
import { forwardTicket } from "./tools/forward-ticket.ts";
import { getAgent } from "./tools/get-agent.ts";
import { getAgentWorkload } from "./tools/get-agent-workload.ts";
import { getCannedResponse } from "./tools/get-canned-response.ts";
import { getCompany } from "./tools/get-company.ts";
import { getContact } from "./tools/get-contact.ts";
import { getCurrentAgent } from "./tools/get-current-agent.ts";
import { getGroup } from "./tools/get-group.ts";
import { getSolutionArticle } from "./tools/get-solution-article.ts";
import { getTicket } from "./tools/get-ticket.ts";
import { getTicketSla } from "./tools/get-ticket-sla.ts";
import { getTriageResult } from "./tools/get-triage-result.ts";
import { listAgents } from "./tools/list-agents.ts";
import { listBusinessHours } from "./tools/list-business-hours.ts";
import { listCannedResponseFolders } from "./tools/list-canned-response-folders.ts";
import { listCannedResponses } from "./tools/list-canned-responses.ts";
import { listCompanies } from "./tools/list-companies.ts";
import { listContacts } from "./tools/list-contacts.ts";
import { listConversations } from "./tools/list-conversations.ts";
import { listGroups } from "./tools/list-groups.ts";
import { listOverdueTickets } from "./tools/list-overdue-tickets.ts";
import { listRequesterTickets } from "./tools/list-requester-tickets.ts";
import { listSatisfactionRatings } from "./tools/list-satisfaction-ratings.ts";
import { listSlaPolicies } from "./tools/list-sla-policies.ts";
import { listSolutionArticles } from "./tools/list-solution-articles.ts";
import { listSolutionCategories } from "./tools/list-solution-categories.ts";
import { listSolutionFolders } from "./tools/list-solution-folders.ts";
import { listTicketFields } from "./tools/list-ticket-fields.ts";
import { listTicketStatuses } from "./tools/list-ticket-statuses.ts";
import { listTicketTypes } from "./tools/list-ticket-types.ts";
import { listTicketWatchers } from "./tools/list-ticket-watchers.ts";
import { listTickets } from "./tools/list-tickets.ts";
import { listTimeEntries } from "./tools/list-time-entries.ts";
import { listUnassignedTickets } from "./tools/list-unassigned-tickets.ts";
import { mergeTickets } from "./tools/merge-tickets.ts";
import { removeTicketWatcher } from "./tools/remove-ticket-watcher.ts";
import { replyToTicket } from "./tools/reply-to-ticket.ts";
import { restoreTicket } from "./tools/restore-ticket.ts";
import { searchTool } from "./tools/search.ts";
import { searchCompanies } from "./tools/search-companies.ts";
import { searchContacts } from "./tools/search-contacts.ts";
import { searchSolutions } from "./tools/search-solutions.ts";
import { searchTickets } from "./tools/search-tickets.ts";
import { triageTicket } from "./tools/triage-ticket.ts";
import { updateCompany } from "./tools/update-company.ts";
import { updateContact } from "./tools/update-contact.ts";
import { updateNote } from "./tools/update-note.ts";
import { updateSolutionArticle } from "./tools/update-solution-article.ts";
import { updateTicket } from "./tools/update-ticket.ts";

/**
 * Every tool the server offers, keyed by its name. Adding a tool means adding its file under
 * tools/ and one line here; the registry meta-test checks that keys, names and file names
 * agree and that the annotations are consistent.
 */
export const toolsByName = {
  add_note: addNote,
  add_ticket_watcher: addTicketWatcher,
  bulk_update_tickets: bulkUpdateTickets,
  count_tickets: countTickets,
  create_company: createCompany,
  create_contact: createContact,
  create_solution_article: createSolutionArticle,
  create_solution_category: createSolutionCategory,
  create_solution_folder: createSolutionFolder,
  create_ticket: createTicket,
  create_time_entry: createTimeEntry,
  delete_company: deleteCompany,
  delete_contact: deleteContact,
  delete_ticket: deleteTicket,
  fetch: fetchTool,
  find_solutions_for_ticket: findSolutionsForTicket,
  forward_ticket: forwardTicket,
  get_agent_workload: getAgentWorkload,
  get_agent: getAgent,
  get_canned_response: getCannedResponse,
  get_company: getCompany,
  get_contact: getContact,
  get_current_agent: getCurrentAgent,
  get_group: getGroup,
  get_solution_article: getSolutionArticle,
  get_ticket_sla: getTicketSla,
  get_ticket: getTicket,
  get_triage_result: getTriageResult,
  list_agents: listAgents,
  list_business_hours: listBusinessHours,
  list_canned_response_folders: listCannedResponseFolders,
  list_canned_responses: listCannedResponses,
  list_companies: listCompanies,
  list_contacts: listContacts,
  list_conversations: listConversations,
  list_groups: listGroups,
  list_overdue_tickets: listOverdueTickets,
  list_requester_tickets: listRequesterTickets,
  list_satisfaction_ratings: listSatisfactionRatings,
  list_sla_policies: listSlaPolicies,
  list_solution_articles: listSolutionArticles,
  list_solution_categories: listSolutionCategories,
  list_solution_folders: listSolutionFolders,
  list_ticket_fields: listTicketFields,
  list_ticket_statuses: listTicketStatuses,
  list_ticket_types: listTicketTypes,
  list_ticket_watchers: listTicketWatchers,
  list_tickets: listTickets,
  list_time_entries: listTimeEntries,
  list_unassigned_tickets: listUnassignedTickets,
  merge_tickets: mergeTickets,
  remove_ticket_watcher: removeTicketWatcher,
  reply_to_ticket: replyToTicket,
  restore_ticket: restoreTicket,
  search: searchTool,
  search_companies: searchCompanies,
  search_contacts: searchContacts,
  search_solutions: searchSolutions,
  search_tickets: searchTickets,
  triage_ticket: triageTicket,
  update_company: updateCompany,
  update_contact: updateContact,
  update_note: updateNote,
  update_solution_article: updateSolutionArticle,
  update_ticket: updateTicket,
} as const;

export type ToolsByName = typeof toolsByName;

export const allTools: readonly ToolDefinition[] = Object.values(toolsByName) as readonly ToolDefinition[];

const index = new Map<string, ToolDefinition>(allTools.map((tool) => [tool.name, tool]));

export function findTool(name: string): ToolDefinition | undefined {
  return index.get(name);
}
