import { z } from "zod";
import { READ, renderList } from "../../tool-kit.ts";
import { defineFreshserviceTool, fsNamesFor } from "../context.ts";
import { fsGroupOutput, renderFsGroupLine, toFsGroupOutput } from "../shapes/account.ts";

export const listGroups = defineFreshserviceTool({
  name: "list_groups",
  title: "List agent groups",
  description: [
    "List the agent groups (teams such as Service Desk, Network, Hardware or Access Management) with descriptions, escalation contacts and unassigned-for timers.",
    "Use it to pick the group_id when routing a ticket; get_group adds members, observers and leaders.",
    "Example: {}.",
  ].join(" "),
  toolset: "groups",
  annotations: READ,
  input: z.object({}),
  output: z.object({ items: z.array(fsGroupOutput) }),
  async handler(_args, context) {
    const [groups, names] = await Promise.all([context.directory.groups(), fsNamesFor(context)]);
    return { items: groups.map((g) => toFsGroupOutput(g, names, false)) };
  },
  render: (r) => renderList(r.items, renderFsGroupLine, { empty: "No agent groups." }),
});
