import type { McpPolicy } from "./policy.ts";

/**
 * The triage pipeline's own policy: the reads it needs (list_tickets for learning from resolved
 * tickets), ticket updates limited to the fields triage decides, and private notes only. Anything else is refused at dispatch, so a bug or a
 * prompt injection in ticket text cannot make the pipeline reply to customers or delete data.
 */

const PIPELINE_TOOLS = [
  "get_ticket",
  "list_tickets",
  "list_conversations",
  "search_solutions",
  "list_solution_categories",
  "list_solution_folders",
  "list_solution_articles",
  "get_solution_article",
  "list_groups",
  "list_agents",
  "get_current_agent",
  "list_ticket_fields",
  "list_ticket_types",
  "get_contact",
  "get_company",
  "list_sla_policies",
  "list_business_hours",
  "update_ticket",
  "add_note",
] as const;

export const PIPELINE_UPDATE_FIELDS = ["priority", "group_id", "responder_id", "type", "tags"] as const;
const NOTE_FIELDS = ["body", "private"] as const;

function extraFields(args: Record<string, unknown>, allowed: readonly string[]): string[] {
  return Object.keys(args).filter(
    (key) => key !== "ticket_id" && args[key] !== undefined && !allowed.includes(key),
  );
}

export function pipelinePolicy(caller = "pipeline"): McpPolicy {
  return restrictedPipelinePolicy(caller, PIPELINE_TOOLS, PIPELINE_UPDATE_FIELDS);
}

/**
 * A pipeline policy for either product: these tools only, `update_ticket` limited to these
 * fields, `add_note` to private notes.
 */
export function restrictedPipelinePolicy(
  caller: string,
  tools: readonly string[],
  updateFields: readonly string[],
): McpPolicy {
  return {
    caller,
    scopes: ["read", "write"],
    tools,
    argumentRules: {
      update_ticket: (args) => {
        const extra = extraFields(args, updateFields);
        if (extra.length === 0) return undefined;
        return `the pipeline may update only ${updateFields.join(", ")}; not ${extra.join(", ")}.`;
      },
      add_note: (args) => {
        if (args.private !== true) return "the pipeline may add private notes only.";
        const extra = extraFields(args, NOTE_FIELDS);
        return extra.length > 0 ? `the pipeline may not set ${extra.join(", ")} on notes.` : undefined;
      },
    },
  };
}
