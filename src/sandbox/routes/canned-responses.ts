// Canned responses (reference §8.6), including `include=evaluated_response&ticket_id=N`, which
// renders the response's placeholders for that ticket.
import { placeholderValues, renderPlaceholders } from "../canned-placeholders.ts";
import { helpdeskBase, type RouteDeps } from "../http/context.ts";
import { type FieldError, fieldError, missingField, throwIfAny, WireNotFoundError } from "../http/errors.ts";
import { parseInclude } from "../http/include.ts";
import {
  PAGING_PARAMS,
  pageOf,
  parsePaging,
  positiveIntParam,
  queryOf,
  unknownParams,
} from "../http/query.ts";
import type { ApiRoutes } from "../http/route-table.ts";
import type { FdCannedResponse } from "../seed/types.ts";

const MAX_IDS = 10;

function renderResponse(r: FdCannedResponse): Record<string, unknown> {
  return {
    id: r.id,
    title: r.title,
    folder_id: r.folder_id,
    content: r.content,
    content_html: r.content_html,
    attachments: structuredClone(r.attachments),
    created_at: r.created_at,
    updated_at: r.updated_at,
  };
}

export function cannedResponseRoutes(api: ApiRoutes, deps: RouteDeps): void {
  const { store, fields } = deps;
  const responsesIn = (folderId: number) =>
    [...store.cannedResponses.values()].filter((response) => response.folder_id === folderId);
  const folderOr404 = (id: string | undefined) => {
    const folder = store.cannedResponseFolders.get(Number(id));
    if (!folder) throw new WireNotFoundError();
    return folder;
  };

  api.get("/canned_response_folders", (c) =>
    c.json(
      [...store.cannedResponseFolders.values()].map((f) => ({
        id: f.id,
        name: f.name,
        personal: f.personal,
        responses_count: responsesIn(f.id).length,
        created_at: f.created_at,
        updated_at: f.updated_at,
      })),
    ),
  );

  api.get("/canned_response_folders/:id{[0-9]+}", (c) => {
    const folder = folderOr404(c.req.param("id"));
    return c.json({
      id: folder.id,
      name: folder.name,
      created_at: folder.created_at,
      updated_at: folder.updated_at,
      canned_responses: responsesIn(folder.id).map((r) => ({ id: r.id, title: r.title })),
    });
  });

  api.get("/canned_response_folders/:id{[0-9]+}/responses", (c) => {
    const query = queryOf(c);
    const errors = unknownParams(query, PAGING_PARAMS);
    const paging = parsePaging(query, errors);
    throwIfAny(errors);
    const folder = folderOr404(c.req.param("id"));
    return c.json(pageOf(c, responsesIn(folder.id), paging).map(renderResponse));
  });

  api.get("/canned_responses", (c) => {
    const query = queryOf(c);
    const errors = unknownParams(query, ["ids"]);
    const ids = (query.ids ?? "").split(",").filter(Boolean);
    if (query.ids === undefined) errors.push(missingField("ids"));
    else if (!ids.every((id) => /^\d+$/.test(id))) {
      errors.push(
        fieldError("ids", "datatype_mismatch", "It should contain elements of type Positive Integer only"),
      );
    } else if (ids.length > MAX_IDS) {
      errors.push(fieldError("ids", "invalid_value", `It can have maximum of ${MAX_IDS} values`));
    }
    throwIfAny(errors);
    const found = ids.flatMap((id) => store.cannedResponses.get(Number(id)) ?? []);
    return c.json(found.map((r) => ({ id: r.id, title: r.title, folder_id: r.folder_id })));
  });

  api.get("/canned_responses/:id{[0-9]+}", (c) => {
    const query = queryOf(c);
    const errors: FieldError[] = unknownParams(query, ["include", "ticket_id"]);
    const include = parseInclude(query.include, ["evaluated_response"] as const, errors);
    const ticketId = positiveIntParam(query, "ticket_id", errors);
    if (include.has("evaluated_response") && query.ticket_id === undefined)
      errors.push(missingField("ticket_id"));
    const record = ticketId === undefined ? undefined : store.tickets.get(ticketId);
    if (ticketId !== undefined && !record) {
      errors.push(
        fieldError("ticket_id", "invalid_value", "There is no ticket matching the given ticket_id"),
      );
    }
    throwIfAny(errors);
    const response = store.cannedResponses.get(Number(c.req.param("id")));
    if (!response) throw new WireNotFoundError();
    const body: Record<string, unknown> = renderResponse(response);
    if (include.has("evaluated_response") && record) {
      body.evaluated_response = renderPlaceholders(
        response.content_html,
        placeholderValues(record, store, fields, helpdeskBase(c)),
      );
    }
    return c.json(body);
  });
}
