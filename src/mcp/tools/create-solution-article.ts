import { z } from "zod";
import { defineTool } from "../define-tool.ts";
import { articleOutput, renderArticleLine, toArticleOutput } from "../shapes/knowledge.ts";
import { CREATE, id, textToHtml } from "../tool-kit.ts";

export const createSolutionArticle = defineTool({
  name: "create_solution_article",
  title: "Write a knowledge-base article",
  description: [
    "Create a knowledge-base article in a folder, as a draft by default (publish with status 2).",
    "Use it to capture the answer to a recurring question. description is plain text (paragraphs kept) or HTML.",
    'Example: {"folder_id": 14, "title": "Resetting your password", "description": "1. Open Settings...", "tags": ["login"]}.',
  ].join(" "),
  toolset: "solutions",
  annotations: CREATE,
  input: z.object({
    folder_id: id("from list_solution_folders"),
    title: z.string().min(3).max(240),
    description: z.string().min(1),
    status: z
      .union([z.literal(1), z.literal(2)])
      .default(1)
      .describe("1 draft, 2 published"),
    type: z
      .union([z.literal(1), z.literal(2)])
      .optional()
      .describe("1 permanent, 2 workaround"),
    tags: z.array(z.string()).optional(),
  }),
  output: articleOutput,
  async handler({ folder_id, description, ...rest }, context) {
    const article = await context.freshdesk.solutions.createArticle(folder_id, {
      ...rest,
      description: textToHtml(description),
    });
    return toArticleOutput(article, 1000);
  },
  render: (a) => `Created article ${renderArticleLine(a)}`,
});
