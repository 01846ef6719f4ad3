import { z } from "zod";
import { defineTool } from "../define-tool.ts";
import { READ } from "../tool-kit.ts";

export const countTickets = defineTool({
  name: "count_tickets",
  title: "Count tickets",
  description: [
    "Count the tickets matching a search_tickets query without listing them.",
    "Use it for quick numbers: how many urgent open tickets, how many unassigned in a group, how many tagged 'outage' today.",
    'Same query language as search_tickets. Example: {"query": "status:2 AND priority:4"}.',
  ].join(" "),
  toolset: "tickets",
  annotations: READ,
  input: z.object({ query: z.string().min(1).max(512).describe("the query, without outer quotes") }),
  output: z.object({ query: z.string(), total: z.number() }),
  async handler(args, context) {
    const result = await context.freshdesk.search.tickets(args.query, 1);
    return { query: args.query, total: result.total };
  },
  render: (r) => `${r.total} ticket(s) match ${r.query}`,
});
