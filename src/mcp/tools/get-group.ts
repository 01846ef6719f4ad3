import { z } from "zod";
import { defineTool } from "../define-tool.ts";
import { groupOutput, renderGroupLine, toGroupOutput } from "../shapes/account.ts";
import { id, namesFor, READ } from "../tool-kit.ts";

export const getGroup = defineTool({
  name: "get_group",
  title: "Get a group",
  description: [
    "Get one agent group with its members (agent ids and names), escalation contact and business hours.",
    "Use it to choose an agent within the group a ticket is routed to.",
    'Example: {"group_id": 7}.',
  ].join(" "),
  toolset: "groups",
  annotations: READ,
  input: z.object({ group_id: id("the group's id") }),
  output: groupOutput,
  async handler(args, context) {
    const [group, names] = await Promise.all([
      context.freshdesk.groups.get(args.group_id),
      namesFor(context),
    ]);
    return toGroupOutput(group, names);
  },
  render: (g) =>
    [renderGroupLine(g), ...(g.agents ?? []).map((a) => `  agent #${a.id} ${a.name ?? ""}`)].join("\n"),
});
