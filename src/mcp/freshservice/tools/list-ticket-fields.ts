import { z } from "zod";
import { READ } from "../../tool-kit.ts";
import { defineFreshserviceTool } from "../context.ts";
import { renderTicketField, ticketFieldOutput, toTicketFieldOutput } from "../shapes/ticket-field.ts";

export const listTicketFields = defineFreshserviceTool({
  name: "list_ticket_fields",
  title: "List ticket fields",
  description: [
    "List the account's ticket form fields with their allowed values: statuses, priorities, urgencies, impacts, sources, types, groups, departments, custom dropdowns,",
    "and the category tree (category › sub_category › item_category; only its paths are valid on a ticket).",
    "Use it before create_ticket or update_ticket to pick valid values. Without workspace_id it reads the cached global and primary-workspace fields.",
    'Example: {} or {"workspace_id": 2}.',
  ].join(" "),
  toolset: "tickets",
  annotations: READ,
  input: z.object({
    workspace_id: z.number().int().positive().optional().describe("another workspace's fields"),
  }),
  output: z.object({ fields: z.array(ticketFieldOutput) }),
  async handler(args, context) {
    const fields =
      args.workspace_id === undefined
        ? await context.directory.ticketFields()
        : await context.freshservice.ticketFormFields.list({ workspaceId: args.workspace_id });
    return { fields: fields.map(toTicketFieldOutput) };
  },
  render: (r) => r.fields.map(renderTicketField).join("\n") || "No ticket fields.",
});
