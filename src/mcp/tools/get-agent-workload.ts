import { z } from "zod";
import { NotFoundError } from "../../errors.ts";
import { FreshdeskNotFoundError } from "../../freshdesk/errors.ts";
import { defineTool } from "../define-tool.ts";
import type { ToolContext } from "../deps.ts";
import { id, namesFor, READ, SEARCH_PAGE_SIZE } from "../tool-kit.ts";

export const getAgentWorkload = defineTool({
  name: "get_agent_workload",
  title: "Get an agent's workload",
  description: [
    "Count an agent's open and pending tickets, broken down by status and priority.",
    "Use it to pick the least busy agent when assigning a ticket within a group (members come from get_group).",
    'Example: {"agent_id": 5001}.',
  ].join(" "),
  toolset: "agents",
  annotations: READ,
  input: z.object({ agent_id: id("the agent's id") }),
  output: z.object({
    agent_id: z.number(),
    agent_name: z.string().optional(),
    open_tickets: z.number().describe("open and pending tickets assigned to the agent"),
    by_status: z.record(z.string(), z.number()),
    by_priority: z.record(z.string(), z.number()),
    breakdown_complete: z.boolean().describe("false when the breakdown covers only the first 30 tickets"),
  }),
  async handler(args, context) {
    const query = `agent_id:${args.agent_id} AND (status:2 OR status:3)`;
    const [result, names] = await Promise.all([
      context.freshdesk.search.tickets(query, 1),
      namesFor(context),
    ]);
    // Search answers 0 for an id nobody has; the directory, or else Freshdesk, knows who exists.
    const agentName = names.agent(args.agent_id) ?? (await agentNameFromFreshdesk(args.agent_id, context));
    const byStatus: Record<string, number> = {};
    const byPriority: Record<string, number> = {};
    for (const t of result.results) {
      const status = names.status(t.status) ?? String(t.status);
      const priority = names.priority(t.priority) ?? String(t.priority);
      byStatus[status] = (byStatus[status] ?? 0) + 1;
      byPriority[priority] = (byPriority[priority] ?? 0) + 1;
    }
    return {
      agent_id: args.agent_id,
      agent_name: agentName,
      open_tickets: result.total,
      by_status: byStatus,
      by_priority: byPriority,
      breakdown_complete: result.total <= SEARCH_PAGE_SIZE,
    };
  },
  render: (r) =>
    `${r.agent_name ?? `Agent ${r.agent_id}`} has ${r.open_tickets} open/pending ticket(s). By status: ${JSON.stringify(r.by_status)}; by priority: ${JSON.stringify(r.by_priority)}`,
});

async function agentNameFromFreshdesk(agentId: number, context: ToolContext): Promise<string | undefined> {
  try {
    const agent = await context.freshdesk.agents.get(agentId);
    return agent.contact?.name ?? undefined;
  } catch (error) {
    if (error instanceof FreshdeskNotFoundError) {
      throw new NotFoundError(
        `There is no agent with id ${agentId}; list_agents shows the agents and their ids.`,
      );
    }
    throw error;
  }
}
