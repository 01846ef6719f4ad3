import { z } from "zod";
import { defineTool } from "../define-tool.ts";
import { agentOutput, renderAgentLine, toAgentOutput } from "../shapes/people.ts";
import { namesFor, READ } from "../tool-kit.ts";

export const getCurrentAgent = defineTool({
  name: "get_current_agent",
  title: "Who am I",
  description: [
    "Get the agent this connection acts as in Freshdesk (the person who signed in, or the agent of the server's own API key): the identity its notes, replies and updates appear under, whose ticket access applies.",
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
  render: (a) => `This connection acts as agent ${renderAgentLine(a)}`,
});
