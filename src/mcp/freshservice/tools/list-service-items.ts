import { z } from "zod";
import { cursorArgument, id, pageOutput, perPageArgument, READ, renderList } from "../../tool-kit.ts";
import { defineFreshserviceTool } from "../context.ts";
import { renderServiceItemLine, serviceItemOutput, toServiceItemOutput } from "../shapes/service-catalog.ts";

export const listServiceItems = defineFreshserviceTool({
  name: "list_service_items",
  title: "List service-catalog items",
  description: [
    "List what requesters can order from the service catalog (a laptop, software access, a new account, …) with category, cost and delivery time.",
    "Use it to find the display_id of an item before get_service_item (its form) and place_service_request.",
    'Example: {"category_id": 2}.',
  ].join(" "),
  toolset: "service_catalog",
  annotations: READ,
  input: z.object({
    category_id: id("only this category, from list_service_categories").optional(),
    per_page: perPageArgument,
    cursor: cursorArgument,
  }),
  output: pageOutput(serviceItemOutput),
  async handler(q, context, paging) {
    const catalog = context.freshservice.serviceCatalog;
    const [page, categories] = await Promise.all([
      catalog.items({
        page: paging.page,
        ...(q.category_id !== undefined ? { categoryId: q.category_id } : {}),
        ...(q.per_page !== undefined ? { perPage: q.per_page } : {}),
      }),
      catalog.categories(),
    ]);
    const categoryName = new Map(categories.map((c) => [c.id, c.name]));
    return {
      items: page.items.map((item) =>
        toServiceItemOutput(item, {
          categoryName: categoryName.get(item.category_id),
          maxBody: 0,
          withForm: false,
        }),
      ),
      next_cursor: paging.next(page.nextPage),
    };
  },
  render: (r) =>
    renderList(r.items, renderServiceItemLine, {
      empty: "No service items here.",
      nextCursor: r.next_cursor,
    }),
});
