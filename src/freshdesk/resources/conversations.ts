import { z } from "zod";
import type { Page, PageOptions } from "../pagination.ts";
import { type Conversation, conversationSchema } from "../schemas/conversation.ts";
import type { Transport } from "../transport.ts";
import { resourceId } from "./resource-id.ts";

export type NoteCreate = {
  body: string;
  /** Freshdesk's default is true (private). */
  private?: boolean;
  incoming?: boolean;
  user_id?: number;
  /** Agent emails to notify. */
  notify_emails?: string[];
};

export type ReplyCreate = {
  body: string;
  from_email?: string;
  user_id?: number;
  cc_emails?: string[];
  bcc_emails?: string[];
};

export type ConversationUpdate = { body: string };

export function conversationsApi(transport: Transport) {
  return {
    /** Ordered by `created_at`. */
    async list(ticketId: number, options: PageOptions = {}): Promise<Page<Conversation>> {
      const { data, nextPage } = await transport.json(
        {
          method: "GET",
          path: `/tickets/${resourceId("ticket", ticketId)}/conversations`,
          query: { page: options.page, per_page: options.perPage },
        },
        z.array(conversationSchema),
      );
      return { items: data, nextPage };
    },

    async addNote(ticketId: number, body: NoteCreate): Promise<Conversation> {
      const { data } = await transport.json(
        { method: "POST", path: `/tickets/${resourceId("ticket", ticketId)}/notes`, body },
        conversationSchema,
      );
      return data;
    },

    async reply(ticketId: number, body: ReplyCreate): Promise<Conversation> {
      const { data } = await transport.json(
        { method: "POST", path: `/tickets/${resourceId("ticket", ticketId)}/reply`, body },
        conversationSchema,
      );
      return data;
    },

    /** Notes only; Freshdesk refuses to edit replies and broadcast notes. */
    async update(conversationId: number, body: ConversationUpdate): Promise<Conversation> {
      const { data } = await transport.json(
        { method: "PUT", path: `/conversations/${resourceId("conversation", conversationId)}`, body },
        conversationSchema,
      );
      return data;
    },
  };
}

export type ConversationsApi = ReturnType<typeof conversationsApi>;
