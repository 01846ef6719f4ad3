import { z } from "zod";
import { BadRequestError } from "../../errors.ts";
import { defineTool } from "../define-tool.ts";
import { folderOutput, toFolderOutput } from "../shapes/knowledge.ts";
import {
  cursorArgument,
  DEFAULT_PER_PAGE,
  id,
  pageOutput,
  perPageArgument,
  READ,
  renderList,
} from "../tool-kit.ts";

export const listSolutionFolders = defineTool({
  name: "list_solution_folders",
  title: "List knowledge-base folders",
  description: [
    "List the folders of one knowledge-base category, with who can see them.",
    'Example: {"category_id": 3}.',
  ].join(" "),
  toolset: "solutions",
  annotations: READ,
  input: z.object({
    category_id: id("from list_solution_categories").optional(),
    per_page: perPageArgument,
    cursor: cursorArgument,
  }),
  output: pageOutput(folderOutput),
  async handler(q, context, paging) {
    if (q.category_id === undefined) {
      throw new BadRequestError(
        "list_solution_folders needs category_id (or a cursor from a previous call).",
      );
    }
    const result = await context.freshdesk.solutions.listFolders(q.category_id, {
      page: paging.page,
      perPage: q.per_page ?? DEFAULT_PER_PAGE,
    });
    return {
      items: result.items.map(toFolderOutput),
      next_cursor: paging.next(result.nextPage),
    };
  },
  render: (r) =>
    renderList(r.items, (f) => `#${f.id} ${f.name}${f.visibility ? ` (visible to ${f.visibility})` : ""}`, {
      empty: "No folders in this category.",
      nextCursor: r.next_cursor,
    }),
});
