import { z } from "zod";
import { BadRequestError } from "../../../errors.ts";
import { cursorArgument, id, pageOutput, READ, renderList } from "../../tool-kit.ts";
import { defineFreshserviceTool } from "../context.ts";
import {
  renderSolutionArticleLine,
  solutionArticleOutput,
  toSolutionArticleOutput,
} from "../shapes/solutions.ts";

export const listSolutionArticles = defineFreshserviceTool({
  name: "list_solution_articles",
  title: "List knowledge-base articles",
  description: [
    "List the articles of one knowledge-base folder, drafts included, with status, type (permanent or workaround), tags and the start of their text. Read one in full with get_solution_article.",
    'Example: {"folder_id": 14}.',
  ].join(" "),
  toolset: "solutions",
  annotations: READ,
  input: z.object({
    folder_id: id("from list_solution_folders").optional(),
    cursor: cursorArgument,
  }),
  output: pageOutput(solutionArticleOutput),
  async handler(q, context, paging) {
    if (q.folder_id === undefined) {
      throw new BadRequestError("list_solution_articles needs folder_id (or a cursor from a previous call).");
    }
    const result = await context.freshservice.solutions.articles(q.folder_id, paging.page);
    return {
      items: result.items.map((a) => toSolutionArticleOutput(a, 300)),
      next_cursor: paging.next(result.nextPage),
    };
  },
  render: (r) =>
    renderList(r.items, renderSolutionArticleLine, {
      empty: "No articles in this folder.",
      nextCursor: r.next_cursor,
    }),
});
