import { restrictedPipelinePolicy } from "../../src/mcp/pipeline-policy.ts";
import type { McpPolicy } from "../../src/mcp/policy.ts";

/**
 * The Freshservice triage pipeline's own policy, like the Freshdesk one (src/mcp/pipeline-policy.ts):
 * the reads triage and learning need, ticket updates limited to the fields triage decides, and
 * private notes only. Anything else is refused at dispatch, so a bug or a prompt injection in
 * ticket text cannot make the pipeline reply to requesters, place requests or delete data.
 */
const PIPELINE_TOOLS = [
  "get_ticket",
  "filter_tickets",
  "list_tickets",
  "list_conversations",
  "list_ticket_fields",
  "list_groups",
  "list_agents",
  "list_departments",
  "list_requesters",
  "get_requester",
  "list_assets",
  "list_requester_assets",
  "search_solutions",
  "list_solution_categories",
  "list_solution_folders",
  "list_solution_articles",
  "get_solution_article",
  "update_ticket",
  "add_note",
] as const;

export const FRESHSERVICE_PIPELINE_UPDATE_FIELDS = [
  "category",
  "sub_category",
  "item_category",
  "urgency",
  "impact",
  "priority",
  "group_id",
  "type",
  "department_id",
] as const;
export function freshservicePipelinePolicy(caller = "pipeline"): McpPolicy {
  return restrictedPipelinePolicy(caller, PIPELINE_TOOLS, FRESHSERVICE_PIPELINE_UPDATE_FIELDS);
}
