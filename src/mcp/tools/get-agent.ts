import { z } from "zod";
import { defineTool } from "../define-tool.ts";
import { agentOutput, renderAgentLine, toAgentOutput } from "../shapes/people.ts";
import { id, namesFor, READ } from "../tool-kit.ts";

export const getAgent = defineTool({
  name: "get_agent",
  title: "Get an agent",
  description: [
    "Get one agent: name, email, job title, availability, ticket scope and groups.",
    "Use it to see who a ticket's responder_id is, or which groups an agent belongs to.",
    'Example: {"agent_id": 5001}.',
  ].join(" "),
  toolset: "agents",
  annotations: READ,
  input: z.object({ agent_id: id("the agent's id") }),
  output: agentOutput,
  async handler(args, context) {
    const [agent, names] = await Promise.all([
      context.freshdesk.agents.get(args.agent_id),
      namesFor(context),
    ]);
    return toAgentOutput(agent, (gid) => names.group(gid));
  },
  render: renderAgentLine,
});
