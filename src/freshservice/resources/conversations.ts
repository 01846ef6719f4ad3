import { z } from "zod";
import type { Page } from "../../freshdesk/pagination.ts";
import type { Transport } from "../../freshdesk/transport.ts";
import { envelope } from "../schemas/common.ts";
import { type FsConversation, fsConversationSchema } from "../schemas/conversation.ts";
import { type FsPageOptions, pageQuery, resourceId } from "./params.ts";

export type FsNoteCreate = {
  /** HTML. */
  body: string;
  /** Freshservice's default is true (private) [DOC]. */
  private?: boolean;
  /** Agent emails to notify. */
  notifyEmails?: string[];
  /** The author, when not the agent whose key makes the call. */
  userId?: number;
};

/** A reply emails the requester [DOC]. */
export type FsReplyCreate = {
  body: string;
  fromEmail?: string;
  ccEmails?: string[];
  bccEmails?: string[];
  userId?: number;
};

const conversationEnvelope = envelope("conversation", fsConversationSchema);

export function conversationsApi(transport: Transport) {
  return {
    async list(ticketId: number, options: FsPageOptions = {}): Promise<Page<FsConversation>> {
      const { data, nextPage } = await transport.json(
        {
          method: "GET",
          path: `/tickets/${resourceId("ticket", ticketId)}/conversations`,
          query: pageQuery(options),
        },
        envelope("conversations", z.array(fsConversationSchema)),
      );
      return { items: data, nextPage };
    },

    async addNote(ticketId: number, note: FsNoteCreate): Promise<FsConversation> {
      const { data } = await transport.json(
        {
          method: "POST",
          path: `/tickets/${resourceId("ticket", ticketId)}/notes`,
          body: {
            body: note.body,
            private: note.private,
            notify_emails: note.notifyEmails,
            user_id: note.userId,
          },
        },
        conversationEnvelope,
      );
      return data;
    },

    async reply(ticketId: number, reply: FsReplyCreate): Promise<FsConversation> {
      const { data } = await transport.json(
        {
          method: "POST",
          path: `/tickets/${resourceId("ticket", ticketId)}/reply`,
          body: {
            body: reply.body,
            from_email: reply.fromEmail,
            cc_emails: reply.ccEmails,
            bcc_emails: reply.bccEmails,
            user_id: reply.userId,
          },
        },
        conversationEnvelope,
      );
      return data;
    },

    /** Only notes are editable [DOC]. */
    async updateNote(conversationId: number, update: { body: string }): Promise<FsConversation> {
      const { data } = await transport.json(
        {
          method: "PUT",
          path: `/conversations/${resourceId("conversation", conversationId)}`,
          body: { body: update.body },
        },
        conversationEnvelope,
      );
      return data;
    },
  };
}

export type FsConversationsApi = ReturnType<typeof conversationsApi>;
