import { z } from "zod";
import { id, READ } from "../../tool-kit.ts";
import { defineFreshserviceTool } from "../context.ts";
import {
  renderSolutionArticleLine,
  solutionArticleOutput,
  toSolutionArticleOutput,
} from "../shapes/solutions.ts";

export const getSolutionArticle = defineFreshserviceTool({
  name: "get_solution_article",
  title: "Read a knowledge-base article",
  description: [
    "Get one knowledge-base article with its full text (HTML converted to plain text), status, type (permanent or workaround), tags, keywords and feedback counts.",
    "Use it after search_solutions to read an article before citing it in a reply or note.",
    'Example: {"article_id": 17}.',
  ].join(" "),
  toolset: "solutions",
  annotations: READ,
  input: z.object({ article_id: id("the article's id") }),
  output: solutionArticleOutput,
  async handler(args, context) {
    const article = await context.freshservice.solutions.article(args.article_id);
    return toSolutionArticleOutput(article, context.limits.maxBodyChars * 2);
  },
  render: (a) =>
    `${renderSolutionArticleLine(a)}${a.url ? `\nLink: ${a.url}` : ""}\n\n${a.description_text ?? ""}`,
});
