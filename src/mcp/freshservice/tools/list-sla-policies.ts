import { z } from "zod";
import { READ, renderList } from "../../tool-kit.ts";
import { defineFreshserviceTool, fsNamesFor } from "../context.ts";
import { renderSlaPolicy, slaPolicyOutput, toSlaPolicyOutput } from "../shapes/sla.ts";

export const listSlaPolicies = defineFreshserviceTool({
  name: "list_sla_policies",
  title: "List SLA policies",
  description: [
    "List the SLA policies: for each priority, the first-response and resolution targets in hours and whether they count business hours only, and which groups, departments or ticket types a policy covers.",
    "Use it to judge how urgent a ticket is against its due dates, or why a due date is what it is.",
    "Example: {}.",
  ].join(" "),
  toolset: "sla",
  annotations: READ,
  input: z.object({}),
  output: z.object({ items: z.array(slaPolicyOutput) }),
  async handler(_args, context) {
    const [policies, names] = await Promise.all([
      context.freshservice.slaPolicies.list(),
      fsNamesFor(context),
    ]);
    return { items: policies.map((p) => toSlaPolicyOutput(p, names)) };
  },
  render: (r) => renderList(r.items, renderSlaPolicy, { empty: "No SLA policies." }),
});
