import { z } from "zod";
import { defineTool } from "../define-tool.ts";
import { READ } from "../tool-kit.ts";

export const listTicketStatuses = defineTool({
  name: "list_ticket_statuses",
  title: "List ticket statuses",
  description: [
    "List the ticket statuses this account uses, with their numbers, agent-facing names and customer-facing names (accounts add custom statuses beyond 2 Open, 3 Pending, 4 Resolved, 5 Closed).",
    "Use it to find the number to pass as status to update_ticket or to use in search_tickets; the priorities come along (1 Low - 4 Urgent).",
    "Example: {}.",
  ].join(" "),
  toolset: "tickets",
  annotations: READ,
  input: z.object({}),
  output: z.object({
    statuses: z.array(z.object({ id: z.number(), name: z.string(), customer_name: z.string().optional() })),
    priorities: z.array(z.object({ id: z.number(), name: z.string() })),
  }),
  async handler(_args, context) {
    const catalog = await context.directory.fieldCatalog();
    return {
      statuses: catalog.statuses.map((s) => ({ id: s.id, name: s.name, customer_name: s.customerName })),
      priorities: catalog.priorities,
    };
  },
  render: (r) =>
    [
      `Statuses: ${r.statuses.map((s) => `${s.id} ${s.name}`).join(", ")}`,
      `Priorities: ${r.priorities.map((p) => `${p.id} ${p.name}`).join(", ")}`,
    ].join("\n"),
});
