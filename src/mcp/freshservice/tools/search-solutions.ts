import { z } from "zod";
import { cursorArgument, perPageArgument, READ, renderList, requireQuery } from "../../tool-kit.ts";
import { defineFreshserviceTool } from "../context.ts";
import {
  renderSolutionArticleLine,
  solutionArticleOutput,
  toSolutionArticleOutput,
} from "../shapes/solutions.ts";

export const searchSolutions = defineFreshserviceTool({
  name: "search_solutions",
  title: "Search the knowledge base",
  description: [
    "Full-text search over the published knowledge-base (solution) articles; returns the best matches with an excerpt of their text. Drafts are not searched: list_solution_articles shows them.",
    "Use it to find an article that answers a ticket, before writing a reply or a note. Search with a few distinctive words, not a whole sentence.",
    'Example: {"term": "vpn certificate", "per_page": 5}.',
  ].join(" "),
  toolset: "solutions",
  annotations: READ,
  input: z.object({
    term: z.string().min(1).max(200).optional().describe("search words"),
    per_page: perPageArgument,
    cursor: cursorArgument,
  }),
  output: z.object({
    total: z.number().describe("number of matching articles"),
    items: z.array(solutionArticleOutput),
    next_cursor: z.string().optional(),
  }),
  async handler(q, context, paging) {
    const term = requireQuery("search_solutions", q.term);
    const result = await context.freshservice.solutions.search(term, {
      page: paging.page,
      ...(q.per_page !== undefined ? { perPage: q.per_page } : {}),
    });
    const { current_page: current, total_pages: pages, total_items: total } = result.meta;
    const maxBody = Math.min(context.limits.maxBodyChars, 600);
    return {
      total,
      items: result.items.map((a) => toSolutionArticleOutput(a, maxBody)),
      next_cursor: paging.next(current < pages ? current + 1 : undefined),
    };
  },
  render: (r) =>
    renderList(r.items, renderSolutionArticleLine, {
      empty: "No published article matches.",
      total: r.total,
      nextCursor: r.next_cursor,
    }),
});
