import { z } from "zod";
import { defineTool } from "../define-tool.ts";
import { agentOutput, renderAgentLine, toAgentOutput } from "../shapes/people.ts";
import {
  cursorArgument,
  DEFAULT_PER_PAGE,
  namesFor,
  pageOutput,
  perPageArgument,
  READ,
  renderList,
} from "../tool-kit.ts";

export const listAgents = defineTool({
  name: "list_agents",
  title: "List agents",
  description: [
    "List the helpdesk's agents with their names, emails, availability for round-robin and their groups.",
    "Use it to find the responder_id for assigning a ticket, or who works in a group.",
    'Example: {} or {"email": "sam@acme.example"}.',
  ].join(" "),
  toolset: "agents",
  annotations: READ,
  input: z.object({
    email: z.string().optional(),
    state: z.enum(["fulltime", "occasional"]).optional(),
    per_page: perPageArgument,
    cursor: cursorArgument,
  }),
  output: pageOutput(agentOutput),
  async handler(q, context, paging) {
    const [result, names, directoryAgents] = await Promise.all([
      context.freshdesk.agents.list({
        email: q.email,
        state: q.state,
        page: paging.page,
        perPage: q.per_page ?? DEFAULT_PER_PAGE,
      }),
      namesFor(context),
      context.directory.agents().catch(() => []),
    ]);
    // The agent list omits group_ids; the directory knows them from the groups' members.
    const groupsOf = new Map(directoryAgents.map((a) => [a.id, a.groupIds]));
    return {
      items: result.items.map((a) => toAgentOutput(a, (gid) => names.group(gid), groupsOf.get(a.id))),
      next_cursor: paging.next(result.nextPage),
    };
  },
  render: (r) =>
    renderList(r.items, renderAgentLine, { empty: "No agents match.", nextCursor: r.next_cursor }),
});
