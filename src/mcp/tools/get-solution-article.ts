import { z } from "zod";
import { defineTool } from "../define-tool.ts";
import { articleOutput, renderArticleLine, toArticleOutput } from "../shapes/knowledge.ts";
import { id, READ } from "../tool-kit.ts";

export const getSolutionArticle = defineTool({
  name: "get_solution_article",
  title: "Read a knowledge-base article",
  description: [
    "Get one knowledge-base article with its full text (HTML converted to plain text), status, tags and feedback counts.",
    "Use it after search_solutions to read an article before citing it in a reply or note.",
    'Example: {"article_id": 17}.',
  ].join(" "),
  toolset: "solutions",
  annotations: READ,
  input: z.object({ article_id: id("the article's id") }),
  output: articleOutput,
  async handler(args, context) {
    const article = await context.freshdesk.solutions.getArticle(args.article_id);
    return toArticleOutput(article, context.limits.maxBodyChars * 2);
  },
  render: (a) => `${renderArticleLine(a)}\n\n${a.description_text ?? ""}`,
});
