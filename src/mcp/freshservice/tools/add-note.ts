import { z } from "zod";
import { dropEmpty } from "../../output/clean.ts";
import { CREATE, id, textToHtml } from "../../tool-kit.ts";
import { defineFreshserviceTool, fsNamesFor } from "../context.ts";
import {
  fsConversationOutput,
  renderFsConversation,
  toFsConversationOutput,
} from "../shapes/conversation.ts";

export const addNote = defineFreshserviceTool({
  name: "add_note",
  title: "Add a note to a ticket",
  description: [
    "Add a note to a ticket. Notes are private (agents only) unless private is false; the requester is never emailed.",
    "Use it to record findings, hand-over context or a suggested answer for a colleague. To write to the requester use reply_to_ticket.",
    "body is plain text (line breaks kept) or HTML.",
    'Example: {"ticket_id": 42, "body": "Requester is on the old VPN client; see KB article 17."}.',
  ].join(" "),
  toolset: "conversations",
  annotations: CREATE,
  input: z.object({
    ticket_id: id("the ticket's number"),
    body: z.string().min(1),
    private: z.boolean().default(true).describe("false makes the note visible to the requester"),
    notify_emails: z.array(z.email()).optional().describe("agent emails to notify about the note"),
  }),
  output: fsConversationOutput,
  async handler(args, context) {
    const note = await context.freshservice.conversations.addNote(args.ticket_id, {
      body: textToHtml(args.body),
      private: args.private,
      ...(args.notify_emails ? { notifyEmails: args.notify_emails } : {}),
    });
    return dropEmpty(toFsConversationOutput(note, await fsNamesFor(context), context.limits.maxBodyChars, 2));
  },
  render: (c) => `Note added to the ticket:\n${renderFsConversation(c)}`,
});
