import { z } from "zod";
import { BadRequestError } from "../../errors.ts";
import { defineTool } from "../define-tool.ts";
import { renderTimeEntryLine, timeEntryOutput, toTimeEntryOutput } from "../shapes/work.ts";
import {
  cursorArgument,
  DEFAULT_PER_PAGE,
  id,
  namesFor,
  pageOutput,
  perPageArgument,
  READ,
  renderList,
} from "../tool-kit.ts";

export const listTimeEntries = defineTool({
  name: "list_time_entries",
  title: "List time logged",
  description: [
    "List time entries (time agents logged on tickets): for one ticket with ticket_id, or across the account filtered by agent, company, billable and date.",
    "Use it to answer how long a ticket took, or what an agent or a customer's tickets cost this month. Page on with next_cursor.",
    'Example: {"ticket_id": 42} or {"agent_id": 43026451877, "executed_after": "2025-06-01T00:00:00Z", "billable": true}.',
  ].join(" "),
  toolset: "tickets",
  annotations: READ,
  input: z.object({
    ticket_id: id("one ticket's entries; leave out for the whole account").optional(),
    agent_id: id("from list_agents").optional(),
    company_id: id("from list_companies").optional(),
    billable: z.boolean().optional(),
    executed_after: z.iso.datetime().optional(),
    executed_before: z.iso.datetime().optional(),
    per_page: perPageArgument,
    cursor: cursorArgument,
  }),
  output: pageOutput(timeEntryOutput),
  async handler({ ticket_id, per_page, ...filters }, context, paging) {
    const perPage = per_page ?? DEFAULT_PER_PAGE;
    const filtered = Object.values(filters).some((value) => value !== undefined);
    if (ticket_id !== undefined && filtered) {
      throw new BadRequestError(
        "list_time_entries takes either ticket_id or the account-wide filters (agent_id, company_id, billable, executed_after, executed_before), not both.",
      );
    }
    const [result, names] = await Promise.all([
      ticket_id === undefined
        ? context.freshdesk.timeEntries.list({ ...filters, page: paging.page, perPage })
        : context.freshdesk.timeEntries.listForTicket(ticket_id, { page: paging.page, perPage }),
      namesFor(context),
    ]);
    return {
      items: result.items.map((entry) => toTimeEntryOutput(entry, names)),
      next_cursor: paging.next(result.nextPage),
    };
  },
  render: (r) =>
    renderList(r.items, renderTimeEntryLine, { empty: "No time logged.", nextCursor: r.next_cursor }),
});
