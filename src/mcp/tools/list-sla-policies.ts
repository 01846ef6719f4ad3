import { z } from "zod";
import { defineTool } from "../define-tool.ts";
import { renderSlaPolicy, slaPolicyOutput, toSlaPolicyOutput } from "../shapes/account.ts";
import { namesFor, READ, renderList } from "../tool-kit.ts";

export const listSlaPolicies = defineTool({
  name: "list_sla_policies",
  title: "List SLA policies",
  description: [
    "List the SLA policies: for each priority, the first-response and resolution targets in hours, whether they count business hours only, and which groups, companies or sources a policy applies to.",
    "Use it to judge how urgent a ticket is against its due dates, or why a due date is what it is.",
    "Example: {}.",
  ].join(" "),
  toolset: "sla",
  annotations: READ,
  input: z.object({}),
  output: z.object({ items: z.array(slaPolicyOutput) }),
  async handler(_args, context) {
    const [result, names] = await Promise.all([context.freshdesk.slaPolicies.list(), namesFor(context)]);
    return { items: result.items.map((p) => toSlaPolicyOutput(p, names)) };
  },
  render: (r) => renderList(r.items, renderSlaPolicy, { empty: "No SLA policies." }),
});
