import { z } from "zod";
import { BadRequestError } from "../../errors.ts";
import { defineTool } from "../define-tool.ts";
import { articleOutput, renderArticleLine, toArticleOutput } from "../shapes/knowledge.ts";
import {
  cursorArgument,
  DEFAULT_PER_PAGE,
  id,
  pageOutput,
  perPageArgument,
  READ,
  renderList,
} from "../tool-kit.ts";

export const listSolutionArticles = defineTool({
  name: "list_solution_articles",
  title: "List knowledge-base articles",
  description: [
    "List the articles of one knowledge-base folder (titles, status, tags; no bodies). Read one with get_solution_article.",
    'Example: {"folder_id": 14}.',
  ].join(" "),
  toolset: "solutions",
  annotations: READ,
  input: z.object({
    folder_id: id("from list_solution_folders").optional(),
    per_page: perPageArgument,
    cursor: cursorArgument,
  }),
  output: pageOutput(articleOutput),
  async handler(q, context, paging) {
    if (q.folder_id === undefined) {
      throw new BadRequestError("list_solution_articles needs folder_id (or a cursor from a previous call).");
    }
    const result = await context.freshdesk.solutions.listArticles(q.folder_id, {
      page: paging.page,
      perPage: q.per_page ?? DEFAULT_PER_PAGE,
    });
    return {
      items: result.items.map((a) => toArticleOutput(a, 300)),
      next_cursor: paging.next(result.nextPage),
    };
  },
  render: (r) =>
    renderList(r.items, renderArticleLine, {
      empty: "No articles in this folder.",
      nextCursor: r.next_cursor,
    }),
});
