import { z } from "zod";
import {
  cursorArgument,
  DEFAULT_PER_PAGE,
  pageOutput,
  perPageArgument,
  READ,
  renderList,
} from "../../tool-kit.ts";
import { defineFreshserviceTool, fsNamesFor } from "../context.ts";
import { agentOutput, renderAgentLine, toAgentOutput } from "../shapes/people.ts";

export const listAgents = defineFreshserviceTool({
  name: "list_agents",
  title: "List agents",
  description: [
    "List the service desk's agents with the groups they are members or observers of (named), departments and roles.",
    "Use it to find who can take a ticket (responder_id) or who works in a group; narrow by email, active state or an agent filter query",
    "(first_name, last_name, job_title, email, department_id, … without outer quotes).",
    'Example: {"active": true} or {"query": "~[first_name|last_name]:\'sam\'"}.',
  ].join(" "),
  toolset: "agents",
  annotations: READ,
  input: z.object({
    email: z.string().optional().describe("exact email"),
    active: z.boolean().optional().describe("true for active agents only, false for deactivated ones"),
    query: z.string().min(1).max(512).optional().describe("an agent filter, without outer quotes"),
    per_page: perPageArgument,
    cursor: cursorArgument,
  }),
  output: pageOutput(agentOutput),
  async handler(query, context, paging) {
    const [result, names] = await Promise.all([
      context.freshservice.agents.list({
        email: query.email,
        active: query.active,
        query: query.query,
        page: paging.page,
        perPage: query.per_page ?? DEFAULT_PER_PAGE,
      }),
      fsNamesFor(context),
    ]);
    return {
      items: result.items.map((a) => toAgentOutput(a, names)),
      next_cursor: paging.next(result.nextPage),
    };
  },
  render: (r) =>
    renderList(r.items, renderAgentLine, { empty: "No agents match.", nextCursor: r.next_cursor }),
});
