import { z } from "zod";
import { BadRequestError } from "../../errors.ts";
import { defineTool } from "../define-tool.ts";
import { cannedResponseOutput, toCannedResponseOutput } from "../shapes/knowledge.ts";
import {
  cursorArgument,
  DEFAULT_PER_PAGE,
  id,
  pageOutput,
  perPageArgument,
  READ,
  renderList,
} from "../tool-kit.ts";

export const listCannedResponses = defineTool({
  name: "list_canned_responses",
  title: "List canned responses",
  description: [
    "List the canned responses (saved reply templates) in one folder, with their text.",
    "Use it to find a ready-made answer; get_canned_response renders one for a ticket.",
    'Example: {"folder_id": 2}.',
  ].join(" "),
  toolset: "canned_responses",
  annotations: READ,
  input: z.object({
    folder_id: id("from list_canned_response_folders").optional(),
    per_page: perPageArgument,
    cursor: cursorArgument,
  }),
  output: pageOutput(cannedResponseOutput),
  async handler(q, context, paging) {
    if (q.folder_id === undefined) {
      throw new BadRequestError("list_canned_responses needs folder_id (or a cursor from a previous call).");
    }
    const result = await context.freshdesk.cannedResponses.listInFolder(q.folder_id, {
      page: paging.page,
      perPage: q.per_page ?? DEFAULT_PER_PAGE,
    });
    return {
      items: result.items.map((r) => toCannedResponseOutput(r, 800)),
      next_cursor: paging.next(result.nextPage),
    };
  },
  render: (r) =>
    renderList(r.items, (c) => `#${c.id} ${c.title}`, {
      empty: "No canned responses here.",
      nextCursor: r.next_cursor,
    }),
});
