import { z } from "zod";
import { BadRequestError } from "../../errors.ts";
import { defineTool } from "../define-tool.ts";
import { renderTicket, ticketOutput, toTicketOutput } from "../shapes/ticket.ts";
import { CREATE, namesFor, textToHtml } from "../tool-kit.ts";

export const createTicket = defineTool({
  name: "create_ticket",
  title: "Create a ticket",
  description: [
    "Create a new ticket on behalf of a requester (identified by requester_id, email or phone).",
    "Use it to log an issue reported outside Freshdesk, e.g. by phone or chat. Freshdesk may email the requester, as for any new ticket.",
    "description is plain text or HTML; status defaults to 2 (Open) and priority to 1 (Low).",
    'Example: {"email": "ana@example.com", "subject": "Cannot log in", "description": "Reset link expired.", "priority": 2, "group_id": 5}.',
  ].join(" "),
  toolset: "tickets",
  annotations: CREATE,
  input: z.object({
    subject: z.string().min(1).max(255),
    description: z.string().min(1),
    requester_id: z.number().int().positive().optional(),
    email: z.email().optional(),
    phone: z.string().optional(),
    name: z.string().optional().describe("requester name, needed with phone for a new contact"),
    status: z.number().int().min(2).optional(),
    priority: z.number().int().min(1).max(4).optional(),
    source: z
      .number()
      .int()
      .positive()
      .optional()
      .describe("1 email, 2 portal, 3 phone, 7 chat, 9 feedback widget"),
    type: z.string().optional(),
    group_id: z.number().int().positive().optional(),
    responder_id: z.number().int().positive().optional(),
    company_id: z.number().int().positive().optional(),
    tags: z.array(z.string()).optional(),
    cc_emails: z.array(z.email()).optional(),
    custom_fields: z.record(z.string(), z.unknown()).optional(),
  }),
  output: ticketOutput,
  async handler(args, context) {
    if (args.requester_id === undefined && !args.email && !args.phone) {
      throw new BadRequestError("create_ticket needs a requester: give requester_id, email or phone.");
    }
    const ticket = await context.freshdesk.tickets.create({
      ...args,
      description: textToHtml(args.description),
      status: args.status ?? 2,
      priority: args.priority ?? 1,
    });
    const names = await namesFor(context);
    return toTicketOutput(ticket, names, {
      portalUrl: context.portalUrl,
      maxBody: context.limits.maxBodyChars,
    });
  },
  render: (t) => `Created ticket ${renderTicket(t)}`,
});
