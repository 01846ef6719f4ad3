import { z } from "zod";
import { defineTool } from "../define-tool.ts";
import { dropEmpty } from "../output/clean.ts";
import { conversationOutput, renderConversation, toConversationOutput } from "../shapes/conversation.ts";
import { id, namesFor, textToHtml } from "../tool-kit.ts";

export const forwardTicket = defineTool({
  name: "forward_ticket",
  title: "Forward a ticket by email",
  description: [
    "Forward a ticket to people outside the thread (a vendor, a partner, another team) by email; Freshdesk records the forward in the ticket as a private conversation.",
    "Use it to hand a problem to someone who is not an agent. The requester is not emailed; to answer them use reply_to_ticket.",
    "body is your covering message, plain text or HTML; the original message and attachments follow it.",
    'Example: {"ticket_id": 42, "to_emails": ["support@vendor.example"], "body": "Could you check this sync error?"}.',
  ].join(" "),
  toolset: "conversations",
  // The email leaves the helpdesk and cannot be called back.
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  input: z.object({
    ticket_id: id("the ticket's number"),
    to_emails: z.array(z.email()).min(1).max(20),
    body: z.string().min(1).optional(),
    cc_emails: z.array(z.email()).optional(),
    bcc_emails: z.array(z.email()).optional(),
    include_original_attachments: z.boolean().default(true),
  }),
  output: conversationOutput,
  async handler({ ticket_id, body, ...rest }, context) {
    const forward = await context.freshdesk.tickets.forward(ticket_id, {
      ...rest,
      ...(body === undefined ? {} : { body: textToHtml(body) }),
    });
    return dropEmpty(toConversationOutput(forward, await namesFor(context), context.limits.maxBodyChars, 8));
  },
  render: (c) => `Forwarded to ${c.to_emails?.join(", ") ?? "?"}:\n${renderConversation(c)}`,
});
