import { z } from "zod";
import { defineTool } from "../define-tool.ts";
import { companyOutput, renderCompanyLine, toCompanyOutput } from "../shapes/people.ts";
import {
  cursorArgument,
  DEFAULT_PER_PAGE,
  pageOutput,
  perPageArgument,
  READ,
  renderList,
} from "../tool-kit.ts";

export const listCompanies = defineTool({
  name: "list_companies",
  title: "List companies",
  description: [
    "List all companies, page by page. Use it to browse customers; to find companies by domain or date use search_companies.",
    'Example: {"per_page": 50}.',
  ].join(" "),
  toolset: "companies",
  annotations: READ,
  input: z.object({ per_page: perPageArgument, cursor: cursorArgument }),
  output: pageOutput(companyOutput),
  async handler(args, context, paging) {
    const result = await context.freshdesk.companies.list({
      page: paging.page,
      perPage: args.per_page ?? DEFAULT_PER_PAGE,
    });
    return {
      items: result.items.map(toCompanyOutput),
      next_cursor: paging.next(result.nextPage),
    };
  },
  render: (r) =>
    renderList(r.items, renderCompanyLine, { empty: "No companies.", nextCursor: r.next_cursor }),
});
