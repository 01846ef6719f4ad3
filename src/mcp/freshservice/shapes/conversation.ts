import { z } from "zod";
import { clip } from "../../output/clean.ts";
import { bodyText } from "../../output/html-to-text.ts";
import { FS_CONVERSATION_SOURCES } from "./enums.ts";
import type { FsNames } from "./names.ts";

/** The fields of a Freshservice conversation (note, reply, incoming email) the tools read. */
export type ConversationLike = {
  id: number;
  user_id?: number | null;
  body?: string | null;
  body_text?: string | null;
  private?: boolean | null;
  incoming?: boolean | null;
  source?: number | null;
  from_email?: string | null;
  to_emails?: string[] | null;
  cc_emails?: string[] | null;
  attachments?: { name?: string | null }[] | null;
  created_at?: string | null;
};

export const fsConversationOutput = z.object({
  id: z.number(),
  kind: z.string().describe("requester message, agent reply, private note, public note, or the raw source"),
  private: z.boolean().optional(),
  incoming: z.boolean().optional(),
  user_id: z.number().optional(),
  agent_name: z.string().optional(),
  from_email: z.string().optional(),
  to_emails: z.array(z.string()).optional(),
  cc_emails: z.array(z.string()).optional(),
  body_text: z.string().optional(),
  attachments: z.array(z.string()).optional().describe("attachment file names"),
  created_at: z.string().optional(),
});
export type FsConversationOutput = z.output<typeof fsConversationOutput>;

function kindOf(source: number | null | undefined, c: ConversationLike): string {
  if (source === 2) return c.private === false ? "public note" : "private note";
  if (c.incoming) return "requester message";
  if (source === 0) return "agent reply";
  return FS_CONVERSATION_SOURCES[source ?? -1] ?? "message";
}

/** `knownSource`: the answers to POST notes and reply may leave out `source` (2 note, 0 reply). */
export function toFsConversationOutput(
  c: ConversationLike,
  names: FsNames,
  maxBody: number,
  knownSource?: number,
): FsConversationOutput {
  return {
    id: c.id,
    kind: kindOf(c.source ?? knownSource, c),
    private: c.private ?? undefined,
    incoming: c.incoming ?? undefined,
    user_id: c.user_id ?? undefined,
    agent_name: names.agent(c.user_id),
    from_email: c.from_email ?? undefined,
    to_emails: c.to_emails ?? undefined,
    cc_emails: c.cc_emails ?? undefined,
    body_text: clip(
      bodyText(c.body_text ?? undefined, c.body ?? undefined),
      maxBody,
      "list_conversations shows one at a time in full",
    ),
    attachments: c.attachments?.map((a) => a.name ?? "(unnamed)"),
    created_at: c.created_at ?? undefined,
  };
}

export function renderFsConversation(c: FsConversationOutput): string {
  const who = c.agent_name ?? c.from_email ?? (c.user_id ? `user ${c.user_id}` : "unknown");
  return `[${c.created_at ?? "?"}] ${c.kind} #${c.id} by ${who}:\n${c.body_text ?? ""}`;
}
