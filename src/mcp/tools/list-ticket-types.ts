import { z } from "zod";
import { defineTool } from "../define-tool.ts";
import { READ } from "../tool-kit.ts";

export const listTicketTypes = defineTool({
  name: "list_ticket_types",
  title: "List ticket types",
  description: [
    "List the ticket types this account allows (for example Question, Incident, Problem, Feature Request).",
    "Use it before setting type with update_ticket or create_ticket: Freshdesk rejects any other value.",
    "Example: {}.",
  ].join(" "),
  toolset: "tickets",
  annotations: READ,
  input: z.object({}),
  output: z.object({ types: z.array(z.string()) }),
  async handler(_args, context) {
    return { types: await context.directory.ticketTypes() };
  },
  render: (r) =>
    r.types.length > 0 ? `Ticket types: ${r.types.join(", ")}` : "This account defines no ticket types.",
});
