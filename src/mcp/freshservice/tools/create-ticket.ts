import { z } from "zod";
import { BadRequestError } from "../../../errors.ts";
import { CREATE, textToHtml } from "../../tool-kit.ts";
import { defineFreshserviceTool, fsNamesFor } from "../context.ts";
import { fsTicketOutput, renderFsTicketLine, toFsTicketOutput } from "../shapes/ticket.ts";
import { ticketFields } from "../shapes/ticket-input.ts";

export const createTicket = defineFreshserviceTool({
  name: "create_ticket",
  title: "Create a ticket",
  description: [
    "Raise a new ticket (an Incident by default) for a requester, named by requester_id, email, or phone with name.",
    "Set urgency and impact (1 low - 3 high), priority (1-4), the category path (category › sub_category › item_category from list_ticket_fields), group_id and type.",
    "Service Requests for catalog items are better placed with place_service_request. Accounts can make more fields mandatory; the error names them.",
    'Example: {"email": "ana@example.org", "subject": "Laptop will not boot", "description": "Black screen since this morning.", "urgency": 2, "impact": 1, "category": "Hardware"}.',
  ].join(" "),
  toolset: "tickets",
  annotations: CREATE,
  input: z.object({
    subject: z.string().min(1).max(255),
    description: z.string().min(1).describe("plain text (line breaks kept) or HTML"),
    requester_id: z.number().int().positive().optional(),
    email: z.email().optional().describe("the requester's email; a new requester is created when unknown"),
    phone: z.string().optional(),
    name: z.string().optional().describe("the requester's name, needed with phone alone"),
    status: z.number().int().min(2).default(2).describe("2 open (default), 3 pending, 4 resolved, 5 closed"),
    priority: z
      .number()
      .int()
      .min(1)
      .max(4)
      .default(1)
      .describe("1 low (default), 2 medium, 3 high, 4 urgent"),
    source: z
      .number()
      .int()
      .positive()
      .default(2)
      .describe("2 portal (default), 1 email, 3 phone, 4 chat, 9 walk-up"),
    workspace_id: z.number().int().positive().optional(),
    cc_emails: z.array(z.email()).optional(),
    assets: z
      .array(z.number().int().positive())
      .optional()
      .describe("display_ids of the requester's assets the ticket is about"),
    ...ticketFields,
  }),
  output: fsTicketOutput,
  async handler({ description, assets, ...fields }, context) {
    if (fields.requester_id === undefined && !fields.email && !fields.phone) {
      throw new BadRequestError(
        "create_ticket needs the requester: requester_id, email, or phone (with name).",
      );
    }
    if (fields.phone && !fields.email && fields.requester_id === undefined && !fields.name) {
      throw new BadRequestError("create_ticket needs name when the requester is given by phone alone.");
    }
    const ticket = await context.freshservice.tickets.create({
      ...fields,
      description: textToHtml(description),
      ...(assets ? { assets: assets.map((display_id) => ({ display_id })) } : {}),
    });
    const names = await fsNamesFor(context);
    return toFsTicketOutput(ticket, names, {
      portalUrl: context.portalUrl,
      maxBody: context.limits.maxBodyChars,
    });
  },
  render: (t) => `Created: ${renderFsTicketLine(t)}${t.url ? `\n${t.url}` : ""}`,
});
