import { z } from "zod";
import { defineTool } from "../define-tool.ts";
import { agentOutput, renderAgentLine, toAgentOutput } from "../shapes/people.ts";
import { namesFor, READ } from "../tool-kit.ts";

export const getCurrentAgent = defineTool({
  name: "get_current_agent",
  title: "Who am I",
  description: [
    "Get the agent whose API key this server uses: the identity its notes, replies and updates appear under.",
    "Use it to recognise your own earlier notes in a thread, or to assign a ticket to yourself.",
    "Example: {}.",
  ].join(" "),
  toolset: "agents",
  annotations: READ,
  input: z.object({}),
  output: agentOutput,
  async handler(_args, context) {
    const [agent, names] = await Promise.all([context.freshdesk.agents.me(), namesFor(context)]);
    return toAgentOutput(agent, (gid) => names.group(gid));
  },
  render: (a) => `This server acts as agent ${renderAgentLine(a)}`,
});
