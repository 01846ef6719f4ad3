// The service catalog (reference §3 service requests): items by display_id, categories, and
// `place_request`, which raises a Service Request through the store like any new ticket (so the
// Workflow Automator's "Ticket is raised" fires for it too).

import { readBody } from "../../sandbox/http/body.ts";
import { actorOf, apiUrl } from "../../sandbox/http/context.ts";
import { type FieldError, fieldError, throwIfAny } from "../../sandbox/http/errors.ts";
import { checkFields, type FieldSpecs } from "../../sandbox/http/fields.ts";
import {
  PAGING_PARAMS,
  pageOf,
  parsePaging,
  positiveIntParam,
  queryOf,
  unknownParams,
} from "../../sandbox/http/query.ts";
import type { ApiRoutes } from "../../sandbox/http/route-table.ts";
import type { FsRouteDeps } from "../http/deps.ts";
import type { FsRequestedItem, FsServiceItem } from "../seed/types.ts";
import { renderTicket } from "../tickets/render.ts";
import { found } from "./list-helpers.ts";

const PLACE_REQUEST_SPECS: FieldSpecs = {
  email: { kind: "email" },
  requested_for: { kind: "email" },
  quantity: { kind: "positiveInteger" },
  child_items: { kind: "object" },
  custom_fields: { kind: "object" },
  parent_ticket_id: { kind: "positiveInteger" },
};

/** Items that are published and not deleted (visibility 2 [inferred]). */
const listed = (item: FsServiceItem) => !item.deleted && item.visibility === 2;

export function serviceCatalogRoutes(api: ApiRoutes, deps: FsRouteDeps): void {
  const { store } = deps;

  api.get("/service_catalog/items", (c) => {
    const query = queryOf(c);
    const errors = unknownParams(query, [...PAGING_PARAMS, "category_id", "workspace_id"]);
    const paging = parsePaging(query, errors);
    const categoryId = positiveIntParam(query, "category_id", errors);
    positiveIntParam(query, "workspace_id", errors);
    throwIfAny(errors);
    const rows = [...store.serviceItems.values()]
      .filter(listed)
      .filter((item) => categoryId === undefined || item.category_id === categoryId)
      .sort((a, b) => a.display_id - b.display_id);
    return c.json({ service_items: pageOf(c, rows, paging).map((item) => structuredClone(item)) });
  });

  api.get("/service_catalog/items/search", (c) => {
    const query = queryOf(c);
    const errors = unknownParams(query, [...PAGING_PARAMS, "search_term", "workspace_id"]);
    const paging = parsePaging(query, errors);
    const term = query.search_term?.trim().toLowerCase() ?? "";
    if (term === "") errors.push(fieldError("search_term", "missing_field", "Mandatory attribute missing"));
    throwIfAny(errors);
    const rows = [...store.serviceItems.values()]
      .filter(listed)
      .filter((item) => `${item.name} ${item.short_description}`.toLowerCase().includes(term))
      .sort((a, b) => a.display_id - b.display_id);
    return c.json({ service_items: pageOf(c, rows, paging).map((item) => structuredClone(item)) });
  });

  api.get("/service_catalog/items/:display_id{[0-9]+}", (c) =>
    c.json({ service_item: structuredClone(found(store.serviceItems, c.req.param("display_id"))) }),
  );

  api.get("/service_catalog/categories", (c) => {
    const query = queryOf(c);
    const errors = unknownParams(query, [...PAGING_PARAMS, "workspace_id"]);
    const paging = parsePaging(query, errors);
    throwIfAny(errors);
    const rows = [...store.serviceCategories.values()].sort((a, b) => a.position - b.position);
    return c.json({ service_categories: pageOf(c, rows, paging).map((row) => structuredClone(row)) });
  });

  api.post("/service_catalog/items/:display_id{[0-9]+}/place_request", async (c) => {
    const item = found(store.serviceItems, c.req.param("display_id"));
    const { fields: body } = await readBody(c);
    const errors: FieldError[] = checkFields(body, PLACE_REQUEST_SPECS);
    // Without `email` the request is raised on behalf of the calling agent (§3).
    const requester =
      typeof body.email === "string"
        ? store.findUserByEmail(body.email)
        : { id: actorOf(c) ?? store.currentAgentId };
    if (typeof body.email === "string" && !requester) {
      errors.push(fieldError("email", "invalid_value", "There is no requester matching the given email"));
    }
    const requestedFor =
      typeof body.requested_for === "string" ? store.findUserByEmail(body.requested_for) : requester;
    if (typeof body.requested_for === "string" && !requestedFor) {
      errors.push(
        fieldError("requested_for", "invalid_value", "There is no requester matching the given email"),
      );
    }
    const parentId = body.parent_ticket_id;
    if (typeof parentId === "number" && !store.tickets.has(parentId)) {
      errors.push(
        fieldError(
          "parent_ticket_id",
          "invalid_value",
          "There is no ticket matching the given parent_ticket_id",
        ),
      );
    }
    if (!listed(item))
      errors.push(fieldError("display_id", "invalid_value", "The service item is not published"));
    if (body.quantity !== undefined && !item.allow_quantity && body.quantity !== 1) {
      errors.push(
        fieldError("quantity", "invalid_value", "This item does not allow a quantity other than 1"),
      );
    }
    throwIfAny(errors);
    const requesterId = (requester as { id: number }).id;
    const forId = (requestedFor as { id: number }).id;
    const quantity = typeof body.quantity === "number" ? body.quantity : 1;
    const ticket = store.createTicket(
      {
        // Subject wording of catalog requests [inferred from the product UI].
        subject: `Request for ${store.userName(forId)} : ${item.name}`,
        description: `<div>${quantity} × ${item.name}</div>`,
        requester_id: requesterId,
        requested_for_id: forId,
        type: "Service Request",
        priority: 2,
        source: 2,
      },
      actorOf(c) ?? store.currentAgentId,
    );
    const stamp = store.stamp();
    const requestedItem: FsRequestedItem = {
      id: store.nextId(),
      created_at: stamp,
      updated_at: stamp,
      quantity,
      stage: 1,
      loaned: false,
      cost_per_request: item.cost * quantity,
      remarks: null,
      delivery_time: item.delivery_time,
      is_parent: true,
      service_item_id: item.id,
      service_item_name: item.name,
      custom_fields: structuredClone(
        (body.custom_fields as Record<string, string | number | boolean | null>) ?? {},
      ),
    };
    store.requestedItems.set(ticket.id, [requestedItem]);
    c.header("Location", apiUrl(c, `/tickets/${ticket.id}`));
    return c.json(
      { service_request: { ...renderTicket(ticket), requested_items: [structuredClone(requestedItem)] } },
      201,
    );
  });
}
