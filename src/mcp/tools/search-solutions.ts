import { z } from "zod";
import { defineTool } from "../define-tool.ts";
import { articleOutput, renderArticleLine, toArticleOutput } from "../shapes/knowledge.ts";
import { READ, renderList } from "../tool-kit.ts";

export const searchSolutions = defineTool({
  name: "search_solutions",
  title: "Search the knowledge base",
  description: [
    "Full-text search over the knowledge-base (solution) articles; returns the best matches with their folder, category and an excerpt of the text.",
    "Use it to find an article that answers a ticket, before writing a reply or a note. Search with a few distinctive words, not a whole sentence.",
    'Example: {"term": "reset password", "limit": 5}.',
  ].join(" "),
  toolset: "solutions",
  annotations: READ,
  input: z.object({
    term: z.string().min(1).max(200).describe("search words"),
    limit: z.number().int().min(1).max(30).default(10).describe("how many articles to return"),
  }),
  output: z.object({ total: z.number(), items: z.array(articleOutput) }),
  async handler(args, context) {
    const result = await context.freshdesk.solutions.search(args.term);
    const maxBody = Math.min(context.limits.maxBodyChars, 600);
    return {
      total: result.total,
      items: result.results.slice(0, args.limit).map((a) => toArticleOutput(a, maxBody)),
    };
  },
  render: (r) => renderList(r.items, renderArticleLine, { empty: "No articles match.", total: r.total }),
});
