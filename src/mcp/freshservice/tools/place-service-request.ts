import { z } from "zod";
import { CREATE, id } from "../../tool-kit.ts";
import { defineFreshserviceTool, fsNamesFor } from "../context.ts";
import { requestedItemOutput, toRequestedItemOutput } from "../shapes/service-catalog.ts";
import { fsTicketOutput, renderFsTicketLine, toFsTicketOutput } from "../shapes/ticket.ts";

export const placeServiceRequest = defineFreshserviceTool({
  name: "place_service_request",
  title: "Place a service request",
  description: [
    "Order a service-catalog item for someone: raises a new Service Request ticket (with its requested items) that goes through the item's approvals and fulfilment. Each call raises another request.",
    "email is the requester (who asks); without it the request is raised in the name of the agent whose API key the server uses. requested_for is the email of the person the item is for, when that is someone else.",
    "Read the item's form with get_service_item first and answer its fields in custom_fields, keyed by field name.",
    'Example: {"display_id": 12, "email": "ana@example.org", "quantity": 1, "custom_fields": {"operating_system": "macOS"}}.',
  ].join(" "),
  toolset: "service_catalog",
  annotations: CREATE,
  input: z.object({
    display_id: id("the catalog item's display_id, from list_service_items"),
    email: z.email().optional().describe("the requester's email"),
    requested_for: z.email().optional().describe("email of the person the item is for"),
    quantity: z.number().int().min(1).max(1000).optional().describe("how many; 1 when left out"),
    custom_fields: z
      .record(z.string(), z.unknown())
      .optional()
      .describe("answers to the item's form, keyed by field name (see get_service_item)"),
    parent_ticket_id: id("raise it as a child of this ticket").optional(),
  }),
  output: fsTicketOutput.extend({
    requested_items: z.array(requestedItemOutput).optional().describe("what was ordered"),
  }),
  async handler({ display_id, ...body }, context) {
    const request = await context.freshservice.serviceCatalog.placeRequest(
      display_id,
      Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)),
    );
    const names = await fsNamesFor(context);
    return {
      ...toFsTicketOutput(request, names, {
        portalUrl: context.portalUrl,
        maxBody: context.limits.maxBodyChars,
      }),
      ...(request.requested_items?.length
        ? { requested_items: request.requested_items.map(toRequestedItemOutput) }
        : {}),
    };
  },
  render: (t) =>
    [
      `Placed service request: ${renderFsTicketLine(t)}`,
      ...(t.requested_items ?? []).map(
        (i) =>
          `  ${i.quantity ?? 1} × ${i.service_item_name ?? `item ${i.service_item_id}`} (${i.stage_name ?? "requested"})`,
      ),
      ...(t.url ? [t.url] : []),
    ].join("\n"),
});
