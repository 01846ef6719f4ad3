import { z } from "zod";
import {
  cursorArgument,
  DEFAULT_PER_PAGE,
  pageOutput,
  perPageArgument,
  READ,
  renderList,
} from "../../tool-kit.ts";
import { defineFreshserviceTool, fsNamesFor } from "../context.ts";
import { renderRequesterLine, requesterOutput, toRequesterOutput } from "../shapes/people.ts";

export const listRequesters = defineFreshserviceTool({
  name: "list_requesters",
  title: "List requesters",
  description: [
    "List the people who raise tickets (employees, in an IT service desk), with their departments named; narrow by email or a filter query.",
    "query uses Freshservice's requester filter language without the outer quotes: first_name, last_name, job_title, primary_email, department_id, location_id, … with AND / OR; ~[first_name|last_name]:'ann' matches names starting with ann.",
    'Example: {"email": "ana@example.org"} or {"query": "department_id:4 AND job_title:\'Engineer\'"}.',
  ].join(" "),
  toolset: "requesters",
  annotations: READ,
  input: z.object({
    email: z.string().optional().describe("exact email"),
    query: z.string().min(1).max(512).optional().describe("a requester filter, without outer quotes"),
    per_page: perPageArgument,
    cursor: cursorArgument,
  }),
  output: pageOutput(requesterOutput),
  async handler(query, context, paging) {
    const [result, names] = await Promise.all([
      context.freshservice.requesters.list({
        email: query.email,
        query: query.query,
        page: paging.page,
        perPage: query.per_page ?? DEFAULT_PER_PAGE,
      }),
      fsNamesFor(context),
    ]);
    return {
      items: result.items.map((r) => toRequesterOutput(r, names)),
      next_cursor: paging.next(result.nextPage),
    };
  },
  render: (r) =>
    renderList(r.items, renderRequesterLine, { empty: "No requesters match.", nextCursor: r.next_cursor }),
});
