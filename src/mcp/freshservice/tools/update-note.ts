import { z } from "zod";
import { dropEmpty } from "../../output/clean.ts";
import { id, OVERWRITE, textToHtml } from "../../tool-kit.ts";
import { defineFreshserviceTool, fsNamesFor } from "../context.ts";
import {
  fsConversationOutput,
  renderFsConversation,
  toFsConversationOutput,
} from "../shapes/conversation.ts";

export const updateNote = defineFreshserviceTool({
  name: "update_note",
  title: "Edit a note",
  description: [
    "Replace the text of a note (only notes can be edited, not replies or incoming emails). The old text is gone.",
    "Conversation ids come from list_conversations or add_note.",
    'Example: {"conversation_id": 9001, "body": "Updated: the VPN fix worked."}.',
  ].join(" "),
  toolset: "conversations",
  annotations: OVERWRITE,
  input: z.object({
    conversation_id: id("the note's conversation id"),
    body: z.string().min(1).describe("plain text (line breaks kept) or HTML"),
  }),
  output: fsConversationOutput,
  async handler(args, context) {
    const note = await context.freshservice.conversations.updateNote(args.conversation_id, {
      body: textToHtml(args.body),
    });
    return dropEmpty(toFsConversationOutput(note, await fsNamesFor(context), context.limits.maxBodyChars, 2));
  },
  render: (c) => `Note updated:\n${renderFsConversation(c)}`,
});
