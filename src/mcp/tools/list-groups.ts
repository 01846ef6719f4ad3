import { z } from "zod";
import { defineTool } from "../define-tool.ts";
import { groupOutput, renderGroupLine, toGroupOutput } from "../shapes/account.ts";
import { namesFor, READ, renderList } from "../tool-kit.ts";

export const listGroups = defineTool({
  name: "list_groups",
  title: "List groups",
  description: [
    "List all agent groups (teams such as Billing or Technical Support) with their descriptions, escalation contacts and unassigned-for timers.",
    "Use it to pick the group_id when routing a ticket; get_group adds the members.",
    "Example: {}.",
  ].join(" "),
  toolset: "groups",
  annotations: READ,
  input: z.object({}),
  output: z.object({ items: z.array(groupOutput) }),
  async handler(_args, context) {
    const [groups, names] = await Promise.all([context.directory.groups(), namesFor(context)]);
    return { items: groups.map((g) => toGroupOutput({ ...g, agent_ids: undefined }, names)) };
  },
  render: (r) => renderList(r.items, renderGroupLine, { empty: "No groups." }),
});
