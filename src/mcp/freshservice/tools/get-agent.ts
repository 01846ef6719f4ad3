import { z } from "zod";
import { id, READ } from "../../tool-kit.ts";
import { defineFreshserviceTool, fsNamesFor } from "../context.ts";
import { agentOutput, renderAgentLine, toAgentOutput } from "../shapes/people.ts";

export const getAgent = defineFreshserviceTool({
  name: "get_agent",
  title: "Get an agent",
  description: [
    "Get one agent with email, job title, active and occasional state, the groups they are members or observers of (named), departments and roles.",
    "Use it to check whether an agent can take a ticket in a given group.",
    'Example: {"agent_id": 3}.',
  ].join(" "),
  toolset: "agents",
  annotations: READ,
  input: z.object({ agent_id: id("the agent's id (a ticket's responder_id)") }),
  output: agentOutput,
  async handler(args, context) {
    const [agent, names] = await Promise.all([
      context.freshservice.agents.get(args.agent_id),
      fsNamesFor(context),
    ]);
    return toAgentOutput(agent, names);
  },
  render: renderAgentLine,
});
