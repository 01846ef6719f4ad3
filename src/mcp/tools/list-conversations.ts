import { z } from "zod";
import { BadRequestError } from "../../errors.ts";
import { defineTool } from "../define-tool.ts";
import { dropEmpty } from "../output/clean.ts";
import { conversationOutput, renderConversation, toConversationOutput } from "../shapes/conversation.ts";
import {
  cursorArgument,
  DEFAULT_PER_PAGE,
  id,
  namesFor,
  pageOutput,
  perPageArgument,
  READ,
  renderList,
} from "../tool-kit.ts";

export const listConversations = defineTool({
  name: "list_conversations",
  title: "List a ticket's conversations",
  description: [
    "List the replies, customer messages and notes of a ticket, oldest first, as plain text with the author's name.",
    "Use it to read a ticket's whole thread (get_ticket embeds only the first 10). Page on with next_cursor.",
    'Example: {"ticket_id": 42, "per_page": 10}.',
  ].join(" "),
  toolset: "conversations",
  annotations: READ,
  input: z.object({
    ticket_id: id("the ticket's number").optional(),
    per_page: perPageArgument,
    cursor: cursorArgument,
  }),
  output: pageOutput(conversationOutput),
  async handler(query, context, paging) {
    const ticketId = query.ticket_id;
    if (ticketId === undefined) {
      throw new BadRequestError("list_conversations needs ticket_id (or a cursor from a previous call).");
    }
    const [result, names] = await Promise.all([
      context.freshdesk.conversations.list(ticketId, {
        page: paging.page,
        perPage: query.per_page ?? DEFAULT_PER_PAGE,
      }),
      namesFor(context),
    ]);
    return {
      items: result.items.map((c) => dropEmpty(toConversationOutput(c, names, context.limits.maxBodyChars))),
      next_cursor: paging.next(result.nextPage),
    };
  },
  render: (r) =>
    renderList(r.items, renderConversation, { empty: "No conversations yet.", nextCursor: r.next_cursor }),
});
