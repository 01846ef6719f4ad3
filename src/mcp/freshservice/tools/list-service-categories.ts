import { z } from "zod";
import { READ, renderList } from "../../tool-kit.ts";
import { defineFreshserviceTool } from "../context.ts";
import { serviceCategoryOutput, toServiceCategoryOutput } from "../shapes/service-catalog.ts";

export const listServiceCategories = defineFreshserviceTool({
  name: "list_service_categories",
  title: "List service-catalog categories",
  description: [
    "List the categories of the service catalog (Hardware, Software, Access, …), the groups of things requesters can order.",
    "Use it to narrow list_service_items to one category.",
    "Example: {}.",
  ].join(" "),
  toolset: "service_catalog",
  annotations: READ,
  input: z.object({}),
  output: z.object({ items: z.array(serviceCategoryOutput) }),
  async handler(_args, context) {
    const categories = await context.freshservice.serviceCatalog.categories();
    return { items: categories.map(toServiceCategoryOutput) };
  },
  render: (r) =>
    renderList(r.items, (c) => `#${c.id} ${c.name}${c.description ? ` — ${c.description}` : ""}`, {
      empty: "The service catalog has no categories.",
    }),
});
