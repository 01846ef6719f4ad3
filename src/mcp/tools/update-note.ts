import { z } from "zod";
import { defineTool } from "../define-tool.ts";
import { dropEmpty } from "../output/clean.ts";
import { conversationOutput, renderConversation, toConversationOutput } from "../shapes/conversation.ts";
import { id, namesFor, OVERWRITE, textToHtml } from "../tool-kit.ts";

export const updateNote = defineTool({
  name: "update_note",
  title: "Edit a note",
  description: [
    "Replace the body of an existing note (Freshdesk allows editing notes only, not replies or customer messages).",
    "Use it to correct or complete a note you added; conversation ids come from list_conversations or add_note.",
    'Example: {"conversation_id": 9001, "body": "Update: fixed in release 4.2."}.',
  ].join(" "),
  toolset: "conversations",
  annotations: OVERWRITE,
  input: z.object({ conversation_id: id("the note's id"), body: z.string().min(1) }),
  output: conversationOutput,
  async handler(args, context) {
    const note = await context.freshdesk.conversations.update(args.conversation_id, {
      body: textToHtml(args.body),
    });
    return dropEmpty(toConversationOutput(note, await namesFor(context), context.limits.maxBodyChars, 2));
  },
  render: (c) => `Note updated:\n${renderConversation(c)}`,
});
