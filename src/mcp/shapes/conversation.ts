import { z } from "zod";
import type { Conversation } from "../../freshdesk/index.ts";
import { clip } from "../output/clean.ts";
import { bodyText } from "../output/html-to-text.ts";
import type { Names } from "../output/names.ts";
import { CONVERSATION_SOURCES } from "./enums.ts";

export const conversationOutput = z.object({
  id: z.number(),
  kind: z.string().describe("customer message, agent reply, private note, public note, or the raw source"),
  private: z.boolean().optional(),
  incoming: z.boolean().optional(),
  user_id: z.number().optional(),
  agent_name: z.string().optional(),
  from_email: z.string().optional(),
  to_emails: z.array(z.string()).optional(),
  cc_emails: z.array(z.string()).optional(),
  body_text: z.string().optional(),
  attachments: z.array(z.string()).optional().describe("attachment file names"),
  created_at: z.string(),
});
export type ConversationOutput = z.output<typeof conversationOutput>;

function kindOf(conversation: Conversation): string {
  if (conversation.source === 2) return conversation.private === false ? "public note" : "private note";
  if (conversation.incoming) return "customer message";
  if (conversation.source === 0) return "agent reply";
  return CONVERSATION_SOURCES[conversation.source ?? -1] ?? "message";
}

/**
 * `knownSource` is for the answers to POST notes and POST reply, which leave out `source`
 * although the caller knows what it created (2 note, 0 reply).
 */
export function toConversationOutput(
  conversation: Conversation,
  names: Names,
  maxBody: number,
  knownSource?: number,
): ConversationOutput {
  return {
    id: conversation.id,
    kind: kindOf({ ...conversation, source: conversation.source ?? knownSource }),
    private: conversation.private ?? undefined,
    incoming: conversation.incoming ?? undefined,
    user_id: conversation.user_id ?? undefined,
    agent_name: names.agent(conversation.user_id),
    from_email: conversation.from_email ?? undefined,
    to_emails: conversation.to_emails ?? undefined,
    cc_emails: conversation.cc_emails ?? undefined,
    body_text: clip(
      bodyText(conversation.body_text, conversation.body),
      maxBody,
      "list_conversations shows one at a time in full",
    ),
    attachments: conversation.attachments?.map((a) => a.name),
    created_at: conversation.created_at,
  };
}

export function renderConversation(c: ConversationOutput): string {
  const who = c.agent_name ?? c.from_email ?? (c.user_id ? `user ${c.user_id}` : "unknown");
  return `[${c.created_at}] ${c.kind} #${c.id} by ${who}:\n${c.body_text ?? ""}`;
}
