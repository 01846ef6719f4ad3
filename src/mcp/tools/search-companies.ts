import { z } from "zod";
import { defineTool } from "../define-tool.ts";
import { companyOutput, renderCompanyLine, toCompanyOutput } from "../shapes/people.ts";
import { cursorArgument, nextSearchPage, READ, renderList, requireQuery, searchOutput } from "../tool-kit.ts";

export const searchCompanies = defineTool({
  name: "search_companies",
  title: "Search companies",
  description: [
    "Find companies with Freshdesk's query language. Fields: domain, created_at, updated_at, and custom fields by name (no cf_ prefix). Strings in single quotes.",
    "Use it to find the company behind an email domain.",
    'Example: {"query": "domain:\'example.com\'"}.',
  ].join(" "),
  toolset: "companies",
  annotations: READ,
  input: z.object({
    query: z.string().min(1).max(512).optional().describe("the query, without outer quotes"),
    cursor: cursorArgument,
  }),
  output: searchOutput(companyOutput),
  async handler(args, context, paging) {
    const query = requireQuery("search_companies", args.query);
    const result = await context.freshdesk.search.companies(query, paging.page);
    return {
      total: result.total,
      items: result.results.map(toCompanyOutput),
      next_cursor: paging.next(nextSearchPage(paging.page, result.total)),
    };
  },
  render: (r) =>
    renderList(r.items, renderCompanyLine, {
      empty: "No companies match.",
      nextCursor: r.next_cursor,
      total: r.total,
    }),
});
