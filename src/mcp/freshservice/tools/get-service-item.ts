import { z } from "zod";
import { id, READ } from "../../tool-kit.ts";
import { defineFreshserviceTool } from "../context.ts";
import { renderServiceItem, serviceItemOutput, toServiceItemOutput } from "../shapes/service-catalog.ts";

export const getServiceItem = defineFreshserviceTool({
  name: "get_service_item",
  title: "Get a service-catalog item",
  description: [
    "Get one service-catalog item by its display_id: description, cost, delivery time and the form a request fills in (field names, whether required, allowed choices).",
    "Use it before place_service_request, to know which custom_fields to send.",
    'Example: {"display_id": 12}.',
  ].join(" "),
  toolset: "service_catalog",
  annotations: READ,
  input: z.object({ display_id: id("the item's display_id, from list_service_items") }),
  output: serviceItemOutput,
  async handler(args, context) {
    const catalog = context.freshservice.serviceCatalog;
    const [item, categories] = await Promise.all([catalog.item(args.display_id), catalog.categories()]);
    return toServiceItemOutput(item, {
      categoryName: categories.find((c) => c.id === item.category_id)?.name,
      maxBody: context.limits.maxBodyChars,
      withForm: true,
    });
  },
  render: renderServiceItem,
});
