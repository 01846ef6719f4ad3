import { z } from "zod";
import { defineTool } from "../define-tool.ts";
import { dropEmpty } from "../output/clean.ts";
import { conversationOutput, renderConversation, toConversationOutput } from "../shapes/conversation.ts";
import { id, namesFor, textToHtml } from "../tool-kit.ts";

export const replyToTicket = defineTool({
  name: "reply_to_ticket",
  title: "Reply to the requester",
  description: [
    "Send a public reply on a ticket: Freshdesk emails it to the requester (and cc addresses) and adds it to the thread.",
    "Use it only when the answer is meant for the customer and has been checked; for internal remarks use add_note.",
    "body is plain text (line breaks kept) or HTML.",
    'Example: {"ticket_id": 42, "body": "Hi Ana,\\n\\nThe reset link is valid for 24 hours..."}.',
  ].join(" "),
  toolset: "conversations",
  // A sent email reaches people outside the helpdesk and cannot be taken back.
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  input: z.object({
    ticket_id: id("the ticket's number"),
    body: z.string().min(1),
    cc_emails: z.array(z.email()).optional(),
    bcc_emails: z.array(z.email()).optional(),
    from_email: z.email().optional().describe("one of the account's support addresses"),
  }),
  output: conversationOutput,
  async handler({ ticket_id, body, ...rest }, context) {
    const reply = await context.freshdesk.conversations.reply(ticket_id, { body: textToHtml(body), ...rest });
    return dropEmpty(toConversationOutput(reply, await namesFor(context), context.limits.maxBodyChars, 0));
  },
  render: (c) => `Reply sent:\n${renderConversation(c)}`,
});
