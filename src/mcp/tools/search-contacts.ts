import { z } from "zod";
import { defineTool } from "../define-tool.ts";
import { contactOutput, renderContactLine, toContactOutput } from "../shapes/people.ts";
import { cursorArgument, nextSearchPage, READ, renderList, requireQuery, searchOutput } from "../tool-kit.ts";

export const searchContacts = defineTool({
  name: "search_contacts",
  title: "Search contacts",
  description: [
    "Find contacts with Freshdesk's query language: field:value pairs joined by AND / OR.",
    "Fields: email, phone, mobile, company_id, twitter_id, active, tag, language, time_zone, created_at, updated_at, and custom fields by name (no cf_ prefix). Strings in single quotes.",
    'Example: {"query": "company_id:12 AND tag:\'vip\'"} or {"query": "email:\'ana@example.com\'"}.',
  ].join(" "),
  toolset: "contacts",
  annotations: READ,
  input: z.object({
    query: z.string().min(1).max(512).optional().describe("the query, without outer quotes"),
    cursor: cursorArgument,
  }),
  output: searchOutput(contactOutput),
  async handler(args, context, paging) {
    const query = requireQuery("search_contacts", args.query);
    const result = await context.freshdesk.search.contacts(query, paging.page);
    return {
      total: result.total,
      items: result.results.map((c) => toContactOutput(c)),
      next_cursor: paging.next(nextSearchPage(paging.page, result.total)),
    };
  },
  render: (r) =>
    renderList(r.items, renderContactLine, {
      empty: "No contacts match.",
      nextCursor: r.next_cursor,
      total: r.total,
    }),
});
