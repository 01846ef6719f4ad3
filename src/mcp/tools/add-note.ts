import { z } from "zod";
import { defineTool } from "../define-tool.ts";
import { dropEmpty } from "../output/clean.ts";
import { conversationOutput, renderConversation, toConversationOutput } from "../shapes/conversation.ts";
import { CREATE, id, namesFor, textToHtml } from "../tool-kit.ts";

export const addNote = defineTool({
  name: "add_note",
  title: "Add a note to a ticket",
  description: [
    "Add a note to a ticket. Notes are private (visible to agents only) unless private is false; the customer is never emailed.",
    "Use it to record findings, hand-over context or a suggested answer for a colleague. To write to the customer use reply_to_ticket.",
    "body is plain text (line breaks kept) or HTML.",
    'Example: {"ticket_id": 42, "body": "Customer is on the legacy plan; see KB article 17."}.',
  ].join(" "),
  toolset: "conversations",
  annotations: CREATE,
  input: z.object({
    ticket_id: id("the ticket's number"),
    body: z.string().min(1),
    private: z.boolean().default(true).describe("false makes the note visible to the requester"),
    notify_emails: z.array(z.email()).optional().describe("agent emails to notify about the note"),
  }),
  output: conversationOutput,
  async handler(args, context) {
    const note = await context.freshdesk.conversations.addNote(args.ticket_id, {
      body: textToHtml(args.body),
      private: args.private,
      ...(args.notify_emails ? { notify_emails: args.notify_emails } : {}),
    });
    return dropEmpty(toConversationOutput(note, await namesFor(context), context.limits.maxBodyChars, 2));
  },
  render: (c) => `Note added to the ticket:\n${renderConversation(c)}`,
});
