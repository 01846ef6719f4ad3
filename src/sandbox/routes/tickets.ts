// Single-ticket endpoints (reference §5.5): view with includes, create, update, delete, restore.
import { readBody } from "../http/body.ts";
import { actorOf, apiUrl, helpdeskBase, type RouteDeps, type SandboxContext } from "../http/context.ts";
import {
  accessDenied,
  type FieldError,
  missingParams,
  throwIfAny,
  ValidationFailedError,
  WireNotFoundError,
} from "../http/errors.ts";
import { parseInclude } from "../http/include.ts";
import { queryOf, unknownParams } from "../http/query.ts";
import type { ApiRoutes } from "../http/route-table.ts";
import { saveAttachments } from "../records/attachment.ts";
import { renderTicket, type TicketEmbeds } from "../render/ticket.ts";
import type { SandboxStore, TicketRecord } from "../store.ts";
import { canSeeTicket } from "../tickets/access.ts";
import { planRequester, requesterMissing } from "../tickets/requester.ts";
import { slaPolicyFor } from "../tickets/sla.ts";
import { CREATE_SPECS, checkTicketBody, UPDATE_SPECS } from "../tickets/ticket-input.ts";
import { createTicket, touch, updateTicket } from "../tickets/ticket-writer.ts";
import { webhookTicketView } from "../tickets/webhook-view.ts";

const VIEW_INCLUDES = ["conversations", "requester", "company", "stats", "sla_policy"] as const;
/** `include=conversations` embeds at most this many (reference §5.3). */
const MAX_EMBEDDED_CONVERSATIONS = 10;

/** The ticket of the path's `:id`: 404 when there is none, 403 when the caller may not see it. */
export function ticketOr404(store: SandboxStore, c: SandboxContext): TicketRecord {
  return accessibleTicket(store, c, Number(c.req.param("id")));
}

export function accessibleTicket(store: SandboxStore, c: SandboxContext, id: number): TicketRecord {
  const record = store.tickets.get(id);
  if (!record) throw new WireNotFoundError();
  if (!canSeeTicket(store, actorOf(c), record.ticket)) throw accessDenied();
  return record;
}

export function ticketRoutes(api: ApiRoutes, deps: RouteDeps): void {
  const { store, fields, automations } = deps;

  api.get("/tickets/:id{[0-9]+}", (c) => {
    const query = queryOf(c);
    const errors: FieldError[] = unknownParams(query, ["include"]);
    const include = parseInclude(query.include, VIEW_INCLUDES, errors);
    throwIfAny(errors);
    const record = ticketOr404(store, c);
    const t = record.ticket;
    const embeds: TicketEmbeds = {};
    if (include.has("requester")) embeds.requester = store.contacts.get(t.requester_id);
    if (include.has("stats")) embeds.stats = record.stats;
    if (include.has("company"))
      embeds.company = t.company_id === null ? null : store.companies.get(t.company_id);
    if (include.has("sla_policy")) embeds.sla_policy = slaPolicyFor(store, t) ?? null;
    if (include.has("conversations")) {
      embeds.conversations = store.conversationsOf(t.id).slice(0, MAX_EMBEDDED_CONVERSATIONS);
    }
    return c.json(renderTicket(record, "show", { embeds }));
  });

  api.post("/tickets", async (c) => {
    const { fields: body, files } = await readBody(c, { multipartSpecs: CREATE_SPECS });
    const errors = checkTicketBody(body, "create", store, fields);
    const requester = planRequester(body, store) ?? { kind: "error", error: requesterMissing() };
    if (requester.kind === "error") throw new ValidationFailedError([...errors, requester.error]);
    throwIfAny(errors);
    if (requester.kind === "new") store.contacts.set(requester.contact.id, requester.contact);
    const requesterId = requester.kind === "new" ? requester.contact.id : requester.id;
    const attachments = await saveAttachments(c, store, files);
    const record = createTicket(store, fields, body, requesterId, attachments);
    automations.ticketChanged(webhookTicketView(record, store, fields, helpdeskBase(c)), { kind: "created" });
    c.header("Location", apiUrl(c, `/tickets/${record.ticket.id}`));
    return c.json(renderTicket(record, "create"), 201);
  });

  api.put("/tickets/:id{[0-9]+}", async (c) => {
    const { fields: body, files } = await readBody(c, { multipartSpecs: UPDATE_SPECS });
    if (Object.keys(body).length === 0 && files.length === 0) throw missingParams();
    const record = ticketOr404(store, c);
    const errors = checkTicketBody(body, "update", store, fields, record.ticket);
    const wantsNewRequester = [
      "requester_id",
      "email",
      "phone",
      "twitter_id",
      "facebook_id",
      "unique_external_id",
    ].some((key) => key in body);
    const requester = wantsNewRequester ? planRequester(body, store) : undefined;
    if (requester?.kind === "error") throw new ValidationFailedError([...errors, requester.error]);
    throwIfAny(errors);
    if (requester?.kind === "new") store.contacts.set(requester.contact.id, requester.contact);
    const requesterId =
      requester?.kind === "new"
        ? requester.contact.id
        : requester?.kind === "existing"
          ? requester.id
          : undefined;
    const attachments = await saveAttachments(c, store, files);
    const changes = updateTicket(store, record, body, requesterId, attachments);
    if (Object.keys(changes).length > 0) {
      automations.ticketChanged(webhookTicketView(record, store, fields, helpdeskBase(c)), {
        kind: "updated",
        changes,
      });
    }
    return c.json(renderTicket(record, "update"));
  });

  // Deleting moves a ticket to the trash; a ticket already there is outside the delete scope.
  api.delete("/tickets/:id{[0-9]+}", (c) => {
    const record = ticketOr404(store, c);
    if (record.deleted) throw new WireNotFoundError();
    record.deleted = true;
    touch(store, record);
    return c.body(null, 204);
  });

  api.put("/tickets/:id{[0-9]+}/restore", (c) => {
    const record = ticketOr404(store, c);
    if (!record.deleted) throw new WireNotFoundError();
    record.deleted = false;
    touch(store, record);
    return c.body(null, 204);
  });
}
