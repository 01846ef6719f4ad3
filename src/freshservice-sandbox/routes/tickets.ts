// Single-ticket endpoints (reference §3): view with includes, create (201 + Location), update,
// delete and restore (204), and the activity log.
import { readBody } from "../../sandbox/http/body.ts";
import { actorOf, apiUrl, externalRequestUrl, type SandboxContext } from "../../sandbox/http/context.ts";
import {
  type FieldError,
  fieldError,
  missingField,
  missingParams,
  oneOf,
  throwIfAny,
  WireNotFoundError,
} from "../../sandbox/http/errors.ts";
import { checkFields, type FieldSpecs } from "../../sandbox/http/fields.ts";
import { parseInclude } from "../../sandbox/http/include.ts";
import { positiveIntParam, queryOf, unknownParams } from "../../sandbox/http/query.ts";
import type { ApiRoutes } from "../../sandbox/http/route-table.ts";
import type { FsRouteDeps } from "../http/deps.ts";
import type { FsTicket } from "../seed/types.ts";
import type { FreshserviceStore, TicketPatch } from "../store.ts";
import { renderTicket, userEmbed } from "../tickets/render.ts";
import { resolveRequester } from "../tickets/requester.ts";
import { CREATE_SPECS, checkTicketBody, newTicketOf, UPDATE_SPECS } from "../tickets/ticket-input.ts";

export const VIEW_INCLUDES = [
  "conversations",
  "requester",
  "requested_for",
  "stats",
  "problem",
  "assets",
  "changes",
  "related_tickets",
  "tags",
  "onboarding_context",
  "offboarding_context",
] as const;
type ViewInclude = (typeof VIEW_INCLUDES)[number];

const MOVE_SPECS: FieldSpecs = {
  workspace_id: { kind: "positiveInteger" },
  group_id: { kind: "positiveInteger", nullable: true },
  responder_id: { kind: "positiveInteger", nullable: true },
};

/** `include=conversations` embeds the first ten, oldest first (§3). */
const EMBEDDED_CONVERSATIONS = 10;
/** Activities come twenty at a time (§3). */
const ACTIVITIES_PER_PAGE = 20;

export function ticketOr404(store: FreshserviceStore, c: SandboxContext): FsTicket {
  const ticket = store.tickets.get(Number(c.req.param("id")));
  if (!ticket) throw new WireNotFoundError();
  return ticket;
}

/** The embeds a view asked for, in the order it asked. */
function viewEmbeds(
  store: FreshserviceStore,
  t: FsTicket,
  include: Set<ViewInclude>,
): Record<string, unknown> {
  const embeds: Record<string, unknown> = {};
  for (const name of include) {
    if (name === "conversations")
      embeds.conversations = store.conversationsOf(t.id).slice(0, EMBEDDED_CONVERSATIONS);
    if (name === "requester") embeds.requester = userEmbed(store, t.requester_id);
    if (name === "requested_for") embeds.requested_for = userEmbed(store, t.requested_for_id);
    if (name === "stats") embeds.stats = store.ticketStats.get(t.id) ?? null;
    // Associations are accepted on create but not modelled: no problem, changes or relations [inferred shapes].
    if (name === "problem") embeds.problem = null;
    if (name === "changes") embeds.changes = [];
    if (name === "related_tickets") embeds.related_tickets = { parent_id: null, child_ids: [] };
    if (name === "assets") {
      embeds.assets = (store.ticketAssets.get(t.id) ?? []).flatMap((displayId) => {
        const asset = store.assets.get(displayId);
        return asset ? [structuredClone(asset)] : [];
      });
    }
    if (name === "tags") embeds.tags = [...t.tags];
    if (name === "onboarding_context" || name === "offboarding_context") embeds[name] = null;
  }
  return embeds;
}

export function ticketRoutes(api: ApiRoutes, deps: FsRouteDeps): void {
  const { store, form } = deps;

  api.get("/tickets/:id{[0-9]+}", (c) => {
    const query = queryOf(c);
    const errors: FieldError[] = unknownParams(query, ["include"]);
    const include = parseInclude(query.include, VIEW_INCLUDES, errors);
    throwIfAny(errors);
    const ticket = ticketOr404(store, c);
    return c.json({ ticket: renderTicket(ticket, viewEmbeds(store, ticket, include)) });
  });

  api.post("/tickets", async (c) => {
    const { fields: body } = await readBody(c, { multipartSpecs: CREATE_SPECS });
    const checked = checkTicketBody(body, "create", store, form);
    throwIfAny(checked.errors);
    const requesterId = resolveRequester(body, store) as number;
    const ticket = store.createTicket(newTicketOf(checked.patch, requesterId), actorOf(c));
    if (checked.assets) store.ticketAssets.set(ticket.id, checked.assets);
    c.header("Location", apiUrl(c, `/tickets/${ticket.id}`));
    return c.json({ ticket: renderTicket(ticket) }, 201);
  });

  api.put("/tickets/:id{[0-9]+}", async (c) => {
    const query = queryOf(c);
    const errors: FieldError[] = unknownParams(query, ["bypass_mandatory"]);
    if (query.bypass_mandatory !== undefined && !["true", "false"].includes(query.bypass_mandatory)) {
      errors.push(fieldError("bypass_mandatory", "datatype_mismatch", "It should be a/an Boolean"));
    }
    throwIfAny(errors);
    const { fields: body } = await readBody(c, { multipartSpecs: UPDATE_SPECS });
    if (Object.keys(body).length === 0) throw missingParams();
    const ticket = ticketOr404(store, c);
    const checked = checkTicketBody(body, "update", store, form, ticket, {
      bypassMandatory: query.bypass_mandatory === "true",
    });
    throwIfAny(checked.errors);
    const patch = { ...checked.patch };
    if ("email" in body || "phone" in body) patch.requester_id = resolveRequester(body, store);
    // Linked assets are not ticket fields: replacing them changes no field the automator watches.
    if (checked.assets) store.ticketAssets.set(ticket.id, checked.assets);
    store.updateTicket(ticket, patch, actorOf(c));
    return c.json({ ticket: renderTicket(ticket) });
  });

  api.delete("/tickets/:id{[0-9]+}", (c) => {
    const ticket = ticketOr404(store, c);
    if (ticket.deleted) throw new WireNotFoundError();
    store.setDeleted(ticket, true, actorOf(c));
    return c.body(null, 204);
  });

  // The DOC labels restore GET but its curl uses PUT (§3); PUT is what the API serves.
  api.put("/tickets/:id{[0-9]+}/restore", (c) => {
    const ticket = ticketOr404(store, c);
    if (!ticket.deleted) throw new WireNotFoundError();
    store.setDeleted(ticket, false, actorOf(c));
    return c.body(null, 204);
  });

  // The only way to change a ticket's workspace (§2), optionally with its group and agent there.
  api.put("/tickets/:id{[0-9]+}/move_workspace", async (c) => {
    const { fields: body } = await readBody(c);
    const ticket = ticketOr404(store, c);
    const errors = checkFields(body, MOVE_SPECS);
    if (!("workspace_id" in body)) errors.push(missingField("workspace_id"));
    const workspaces = form.workspaces.length > 0 ? form.workspaces : [store.workspaceId];
    if (typeof body.workspace_id === "number" && !workspaces.includes(body.workspace_id)) {
      errors.push(fieldError("workspace_id", "invalid_value", oneOf(workspaces)));
    }
    if (typeof body.group_id === "number" && !store.groups.has(body.group_id)) {
      errors.push(fieldError("group_id", "invalid_value", "There is no group matching the given group_id"));
    }
    if (typeof body.responder_id === "number" && !store.agents.has(body.responder_id)) {
      errors.push(
        fieldError("responder_id", "invalid_value", "There is no agent matching the given responder_id"),
      );
    }
    throwIfAny(errors);
    store.updateTicket(ticket, body as TicketPatch, actorOf(c));
    return c.json({ ticket: renderTicket(ticket) });
  });

  // A service request's line items (set by place_request); other tickets have none [inferred: empty list].
  api.get("/tickets/:id{[0-9]+}/requested_items", (c) => {
    throwIfAny(unknownParams(queryOf(c), []));
    const ticket = ticketOr404(store, c);
    return c.json({ requested_items: structuredClone(store.requestedItems.get(ticket.id) ?? []) });
  });

  // Newest first, twenty a page, `next_page_url` in the body while more exist [inferred layout].
  api.get("/tickets/:id{[0-9]+}/activities", (c) => {
    const query = queryOf(c);
    const errors: FieldError[] = unknownParams(query, ["page"]);
    const page = positiveIntParam(query, "page", errors) ?? 1;
    throwIfAny(errors);
    const ticket = ticketOr404(store, c);
    const all = [...store.activitiesOf(ticket.id)].reverse();
    const start = (page - 1) * ACTIVITIES_PER_PAGE;
    let next: string | null = null;
    if (all.length > start + ACTIVITIES_PER_PAGE) {
      const url = externalRequestUrl(c);
      url.searchParams.set("page", String(page + 1));
      next = url.toString();
    }
    return c.json({
      activities: structuredClone(all.slice(start, start + ACTIVITIES_PER_PAGE)),
      next_page_url: next,
    });
  });
}
