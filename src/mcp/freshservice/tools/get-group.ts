import { z } from "zod";
import { id, READ } from "../../tool-kit.ts";
import { defineFreshserviceTool, fsNamesFor } from "../context.ts";
import { fsGroupOutput, renderFsGroupLine, toFsGroupOutput } from "../shapes/account.ts";

export const getGroup = defineFreshserviceTool({
  name: "get_group",
  title: "Get an agent group",
  description: [
    "Get one agent group with its members, observers and leaders (named), escalation contact, unassigned-for timer, business hours and approval settings.",
    "Use it to choose an agent (responder_id) within the group a ticket is routed to.",
    'Example: {"group_id": 5}.',
  ].join(" "),
  toolset: "groups",
  annotations: READ,
  input: z.object({ group_id: id("the agent group's id") }),
  output: fsGroupOutput,
  async handler(args, context) {
    const [group, names] = await Promise.all([
      context.freshservice.groups.get(args.group_id),
      fsNamesFor(context),
    ]);
    return toFsGroupOutput(group, names, true);
  },
  render: renderFsGroupLine,
});
