import { z } from "zod";
import { BadRequestError } from "../../errors.ts";
import { defineTool } from "../define-tool.ts";
import {
  renderSatisfactionRatingLine,
  satisfactionRatingOutput,
  toSatisfactionRatingOutput,
} from "../shapes/work.ts";
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

export const listSatisfactionRatings = defineTool({
  name: "list_satisfaction_ratings",
  title: "Read customer satisfaction ratings",
  description: [
    "Read what customers answered to the satisfaction survey (CSAT): the rating, their comment, and the agent and group rated.",
    "Give ticket_id for one ticket's ratings, or leave it out for the account's newest ratings (narrow with created_since or user_id). Page on with next_cursor.",
    'Example: {"ticket_id": 42} or {"created_since": "2025-06-01T00:00:00Z"}.',
  ].join(" "),
  toolset: "tickets",
  annotations: READ,
  input: z.object({
    ticket_id: id("one ticket's ratings").optional(),
    created_since: z.iso.datetime().optional(),
    user_id: id("ratings by this customer (contact id)").optional(),
    per_page: perPageArgument,
    cursor: cursorArgument,
  }),
  output: pageOutput(satisfactionRatingOutput),
  async handler({ ticket_id, per_page, ...filters }, context, paging) {
    const perPage = per_page ?? DEFAULT_PER_PAGE;
    if (ticket_id !== undefined && Object.values(filters).some((value) => value !== undefined)) {
      throw new BadRequestError(
        "list_satisfaction_ratings takes either ticket_id or the account-wide filters (created_since, user_id), not both.",
      );
    }
    const [result, names] = await Promise.all([
      ticket_id === undefined
        ? context.freshdesk.satisfactionRatings.list({ ...filters, page: paging.page, perPage })
        : context.freshdesk.satisfactionRatings.listForTicket(ticket_id, { page: paging.page, perPage }),
      namesFor(context),
    ]);
    return {
      items: result.items.map((rating) => toSatisfactionRatingOutput(rating, names)),
      next_cursor: paging.next(result.nextPage),
    };
  },
  render: (r) =>
    renderList(r.items, renderSatisfactionRatingLine, { empty: "No ratings.", nextCursor: r.next_cursor }),
});
