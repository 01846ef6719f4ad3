import { z } from "zod";
import { dropEmpty } from "../../output/clean.ts";
import { id, textToHtml } from "../../tool-kit.ts";
import { defineFreshserviceTool, fsNamesFor } from "../context.ts";
import {
  fsConversationOutput,
  renderFsConversation,
  toFsConversationOutput,
} from "../shapes/conversation.ts";

export const replyToTicket = defineFreshserviceTool({
  name: "reply_to_ticket",
  title: "Reply to the requester",
  description: [
    "Send a reply on a ticket: Freshservice emails it to the requester (and cc/bcc addresses).",
    "Use it only for text meant for the requester, ideally reviewed by a person; for internal remarks use add_note.",
    "body is plain text (line breaks kept) or HTML.",
    'Example: {"ticket_id": 42, "body": "Hi Ana, please restart the laptop while holding Shift; it clears the boot cache."}.',
  ].join(" "),
  toolset: "conversations",
  // Leaves the helpdesk: the requester receives an email.
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  input: z.object({
    ticket_id: id("the ticket's number"),
    body: z.string().min(1),
    from_email: z.email().optional().describe("a support address of the account; the default one otherwise"),
    cc_emails: z.array(z.email()).optional(),
    bcc_emails: z.array(z.email()).optional(),
  }),
  output: fsConversationOutput,
  async handler(args, context) {
    const reply = await context.freshservice.conversations.reply(args.ticket_id, {
      body: textToHtml(args.body),
      ...(args.from_email ? { fromEmail: args.from_email } : {}),
      ...(args.cc_emails ? { ccEmails: args.cc_emails } : {}),
      ...(args.bcc_emails ? { bccEmails: args.bcc_emails } : {}),
    });
    return dropEmpty(
      toFsConversationOutput(reply, await fsNamesFor(context), context.limits.maxBodyChars, 0),
    );
  },
  render: (c) => `Reply sent:\n${renderFsConversation(c)}`,
});
