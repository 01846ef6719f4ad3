import { z } from "zod";
import { defineTool } from "../define-tool.ts";
import { encodeCursor, resolvePage } from "../output/cursor.ts";
import { companyOutput, renderCompanyLine, toCompanyOutput } from "../shapes/people.ts";
import { cursorArgument, nextSearchPage, READ, renderList, searchOutput } from "../tool-kit.ts";

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
  async handler(args, context) {
    const { page, filters } = resolvePage("search_companies", args.cursor, { query: args.query });
    const result = await context.freshdesk.search.companies(filters.query ?? "", page);
    const next = nextSearchPage(page, result.total);
    return {
      total: result.total,
      items: result.results.map(toCompanyOutput),
      next_cursor: next ? encodeCursor("search_companies", next, filters) : undefined,
    };
  },
  render: (r) =>
    renderList(r.items, renderCompanyLine, {
      empty: "No companies match.",
      nextCursor: r.next_cursor,
      total: r.total,
    }),
});
