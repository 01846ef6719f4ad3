import { z } from "zod";
import { cursorArgument, pageOutput, perPageArgument, READ, renderList } from "../../tool-kit.ts";
import { defineFreshserviceTool, fsNamesFor } from "../context.ts";
import { changeOutput, renderChangeLine, toChangeOutput } from "../shapes/changes.ts";

export const listChanges = defineFreshserviceTool({
  name: "list_changes",
  title: "List changes",
  description: [
    "List changes (planned work on IT services: upgrades, migrations, maintenance) with status, type, risk, group and planned window, newest first.",
    "Use it to see whether an incident may come from planned work, or what is scheduled. query narrows the list with the filter language: field:value joined with AND/OR, strings in single quotes, :> and :< for ≥ and ≤ (status 1 Open, 2 Planning, 3 Awaiting Approval, 4 Pending Release, 5 Pending Review, 6 Closed; priority; risk 1-4; change_type 1 Minor, 2 Standard, 3 Major, 4 Emergency; group_id; agent_id; planned_start_date).",
    'Example: {"query": "status:4 AND risk:3"}.',
  ].join(" "),
  toolset: "changes",
  annotations: READ,
  input: z.object({
    query: z.string().min(1).max(512).optional().describe("a filter expression, without outer quotes"),
    per_page: perPageArgument,
    cursor: cursorArgument,
  }),
  output: pageOutput(changeOutput),
  async handler(q, context, paging) {
    const [page, names] = await Promise.all([
      context.freshservice.changes.list({
        page: paging.page,
        ...(q.query !== undefined ? { query: q.query } : {}),
        ...(q.per_page !== undefined ? { perPage: q.per_page } : {}),
      }),
      fsNamesFor(context),
    ]);
    return {
      items: page.items.map((c) => toChangeOutput(c, names, 0)),
      next_cursor: paging.next(page.nextPage),
    };
  },
  render: (r) =>
    renderList(r.items, renderChangeLine, { empty: "No changes match.", nextCursor: r.next_cursor }),
});
