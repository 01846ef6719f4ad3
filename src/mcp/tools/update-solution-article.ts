import { z } from "zod";
import { BadRequestError } from "../../errors.ts";
import { defineTool } from "../define-tool.ts";
import { articleOutput, renderArticleLine, toArticleOutput } from "../shapes/knowledge.ts";
import { id, OVERWRITE, textToHtml } from "../tool-kit.ts";

export const updateSolutionArticle = defineTool({
  name: "update_solution_article",
  title: "Edit a knowledge-base article",
  description: [
    "Change a knowledge-base article's title, text, status (1 draft, 2 published), type or tags; only the fields you pass change.",
    "description replaces the whole text: read the article with get_solution_article first.",
    'Example: {"article_id": 17, "status": 2}.',
  ].join(" "),
  toolset: "solutions",
  annotations: OVERWRITE,
  input: z.object({
    article_id: id("the article's id"),
    title: z.string().min(3).max(240).optional(),
    description: z.string().min(1).optional(),
    status: z.union([z.literal(1), z.literal(2)]).optional(),
    type: z.union([z.literal(1), z.literal(2)]).optional(),
    tags: z.array(z.string()).optional(),
  }),
  output: articleOutput,
  async handler({ article_id, description, ...rest }, context) {
    const changes = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
    if (description !== undefined) changes.description = textToHtml(description);
    if (Object.keys(changes).length === 0) {
      throw new BadRequestError("update_solution_article needs at least one field to change.");
    }
    return toArticleOutput(await context.freshdesk.solutions.updateArticle(article_id, changes), 1000);
  },
  render: (a) => `Updated article ${renderArticleLine(a)}`,
});
