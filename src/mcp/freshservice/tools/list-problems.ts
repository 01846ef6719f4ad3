import { z } from "zod";
import { cursorArgument, pageOutput, perPageArgument, READ, renderList } from "../../tool-kit.ts";
import { defineFreshserviceTool, fsNamesFor } from "../context.ts";
import { problemOutput, renderProblemLine, toProblemOutput } from "../shapes/problems.ts";

export const listProblems = defineFreshserviceTool({
  name: "list_problems",
  title: "List problems",
  description: [
    "List problems (the investigated causes behind recurring incidents) with status (Open, Change Requested, Closed), priority, whether the cause is a known error, group and due date.",
    "Use it to check whether an incident matches a known problem before triaging or answering it.",
    'Example: {"per_page": 20}.',
  ].join(" "),
  toolset: "problems",
  annotations: READ,
  input: z.object({ per_page: perPageArgument, cursor: cursorArgument }),
  output: pageOutput(problemOutput),
  async handler(q, context, paging) {
    const [page, names] = await Promise.all([
      context.freshservice.problems.list({
        page: paging.page,
        ...(q.per_page !== undefined ? { perPage: q.per_page } : {}),
      }),
      fsNamesFor(context),
    ]);
    return {
      items: page.items.map((p) => toProblemOutput(p, names, 0)),
      next_cursor: paging.next(page.nextPage),
    };
  },
  render: (r) =>
    renderList(r.items, renderProblemLine, { empty: "No problems recorded.", nextCursor: r.next_cursor }),
});
