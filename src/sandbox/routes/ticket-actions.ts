// Actions on one or many tickets (reference §5.5, §5.6.1, §5.6.2): forward, watchers, merge,
// and bulk update with its job. Every ticket touched must be within the caller's scope.
import { randomUUID } from "node:crypto";
import { readBody } from "../http/body.ts";
import { actorOf, apiUrl, helpdeskBase, type RouteDeps, type SandboxContext } from "../http/context.ts";
import {
  accessDenied,
  type FieldError,
  fieldError,
  missingField,
  throwIfAny,
  ValidationFailedError,
  WireNotFoundError,
} from "../http/errors.ts";
import { checkFields, type FieldSpecs } from "../http/fields.ts";
import { queryOf, unknownParams } from "../http/query.ts";
import type { ApiRoutes } from "../http/route-table.ts";
import { buildConversation } from "../records/conversation.ts";
import { renderReplyCreated } from "../render/conversation.ts";
import type { BulkJob, SandboxStore, TicketRecord } from "../store.ts";
import { recordConversation } from "../ticket-stats.ts";
import { canSeeTicket } from "../tickets/access.ts";
import { checkTicketBody } from "../tickets/ticket-input.ts";
import { touch, updateTicket } from "../tickets/ticket-writer.ts";
import { webhookTicketView } from "../tickets/webhook-view.ts";
import { ticketOr404 } from "./tickets.ts";

const FORWARD_SPECS: FieldSpecs = {
  body: { kind: "string" },
  to_emails: { kind: "emailArray" },
  cc_emails: { kind: "emailArray" },
  bcc_emails: { kind: "emailArray" },
  from_email: { kind: "email" },
  agent_id: { kind: "positiveInteger" },
  include_quoted_text: { kind: "boolean" },
  include_original_attachments: { kind: "boolean" },
};
const WATCH_SPECS: FieldSpecs = { user_id: { kind: "positiveInteger" } };
const MERGE_SPECS: FieldSpecs = {
  primary_id: { kind: "positiveInteger" },
  ticket_ids: { kind: "integerArray" },
  note_in_primary: { kind: "object" },
  note_in_secondary: { kind: "object" },
  convert_recepients_to_cc: { kind: "boolean" },
};
const MERGE_NOTE_SPECS: FieldSpecs = { body: { kind: "string" }, private: { kind: "boolean" } };
const BULK_SPECS: FieldSpecs = {
  ids: { kind: "integerArray" },
  properties: { kind: "object" },
  reply: { kind: "object" },
};
/** A bulk action takes at most this many ids (reference §5.6.1). */
export const MAX_BULK_IDS = 100;
const CLOSED = 5;

export function ticketActionRoutes(api: ApiRoutes, deps: RouteDeps): void {
  const { store, fields, automations } = deps;

  api.post("/tickets/:id{[0-9]+}/forward", async (c) => {
    const { fields: body } = await readBody(c);
    const errors = checkFields(body, FORWARD_SPECS);
    if (!Array.isArray(body.to_emails) || body.to_emails.length === 0) {
      if (!errors.some((e) => e.field === "to_emails")) errors.push(missingField("to_emails"));
    }
    if (typeof body.agent_id === "number" && !store.agents.has(body.agent_id)) {
      errors.push(fieldError("agent_id", "invalid_value", "There is no agent matching the given agent_id"));
    }
    throwIfAny(errors);
    const record = ticketOr404(store, c);
    const userId = (body.agent_id as number | undefined) ?? actorOf(c);
    const forward = buildConversation(store, {
      kind: "forward",
      ticketId: record.ticket.id,
      body: (body.body as string | undefined) ?? record.ticket.description,
      userId,
      private: true,
      incoming: false,
      toEmails: body.to_emails as string[],
      fromEmail: (body.from_email as string | undefined) ?? store.userEmail(userId),
      ccEmails: (body.cc_emails as string[] | undefined) ?? [],
      bccEmails: (body.bcc_emails as string[] | undefined) ?? [],
      attachments:
        body.include_original_attachments === false ? [] : structuredClone(record.ticket.attachments),
    });
    store.conversations.set(forward.id, forward);
    recordConversation(record.stats, forward, store.isAgent);
    touch(store, record);
    c.header("Location", apiUrl(c, `/conversations/${forward.id}`));
    return c.json(renderReplyCreated(forward), 201);
  });

  api.get("/tickets/:id{[0-9]+}/watchers", (c) => {
    throwIfAny(unknownParams(queryOf(c), []));
    const record = ticketOr404(store, c);
    return c.json({ watcher_ids: [...store.watchersOf(record.ticket.id)] });
  });

  const watch = (add: boolean) => async (c: SandboxContext) => {
    const { fields: body } = await readBody(c);
    const errors = checkFields(body, WATCH_SPECS);
    if (typeof body.user_id === "number" && !store.agents.has(body.user_id)) {
      errors.push(fieldError("user_id", "invalid_value", "There is no agent matching the given user_id"));
    }
    throwIfAny(errors);
    const record = ticketOr404(store, c);
    const userId = (body.user_id as number | undefined) ?? actorOf(c);
    const watchers = store.watchersOf(record.ticket.id);
    if (add) watchers.add(userId);
    else watchers.delete(userId);
    return c.body(null, 204);
  };
  api.put("/tickets/:id{[0-9]+}/watch", watch(true));
  api.put("/tickets/:id{[0-9]+}/unwatch", watch(false));

  api.put("/tickets/merge", async (c) => {
    const { fields: body } = await readBody(c);
    const errors = checkFields(body, MERGE_SPECS);
    if (!("primary_id" in body)) errors.push(missingField("primary_id"));
    if (!("ticket_ids" in body)) errors.push(missingField("ticket_ids"));
    for (const key of ["note_in_primary", "note_in_secondary"]) {
      const note = body[key];
      if (note && typeof note === "object" && !Array.isArray(note)) {
        for (const error of checkFields(note as Record<string, unknown>, MERGE_NOTE_SPECS)) {
          errors.push({ ...error, field: key, nested_field: `${key}.${error.field}` });
        }
      }
    }
    throwIfAny(errors);
    const primaryId = body.primary_id as number;
    const secondaryIds = [...new Set(body.ticket_ids as number[])];
    if (secondaryIds.length === 0) {
      errors.push(
        fieldError("ticket_ids", "invalid_value", "It should not be blank as this is a mandatory field"),
      );
    }
    if (secondaryIds.includes(primaryId)) {
      errors.push(
        fieldError("ticket_ids", "invalid_value", "The primary ticket cannot be merged into itself"),
      );
    }
    const missing = [primaryId, ...secondaryIds].filter((id) => {
      const record = store.tickets.get(id);
      return !record || record.deleted || record.ticket.spam;
    });
    if (missing.length > 0) {
      errors.push(
        fieldError(
          "ticket_ids",
          "invalid_value",
          `There are no tickets matching the given ids: ${missing.join(", ")}`,
        ),
      );
    }
    throwIfAny(errors);
    const actor = actorOf(c);
    const records = [primaryId, ...secondaryIds].map((id) => store.tickets.get(id)!);
    if (records.some((record) => !canSeeTicket(store, actor, record.ticket))) throw accessDenied();
    const [primary, ...secondaries] = records as [TicketRecord, ...TicketRecord[]];
    const primaryNote = body.note_in_primary as { body?: string; private?: boolean } | undefined;
    const secondaryNote = body.note_in_secondary as { body?: string; private?: boolean } | undefined;
    addNote(store, primary, actor, {
      body:
        primaryNote?.body ??
        `Merged tickets ${secondaryIds.map((id) => `#${id}`).join(", ")} into this ticket.`,
      private: primaryNote?.private ?? true,
    });
    for (const secondary of secondaries) {
      addNote(store, secondary, actor, {
        body: secondaryNote?.body ?? `This ticket is closed and merged into ticket #${primaryId}.`,
        private: secondaryNote?.private ?? true,
      });
      const changes = updateTicket(store, secondary, { status: CLOSED }, undefined, []);
      if (Object.keys(changes).length > 0) {
        automations.ticketChanged(webhookTicketView(secondary, store, fields, helpdeskBase(c)), {
          kind: "updated",
          changes,
        });
      }
    }
    if (body.convert_recepients_to_cc === true) {
      const emails = secondaries
        .map((s) => store.userEmail(s.ticket.requester_id))
        .filter(
          (email): email is string =>
            email !== null && email !== store.userEmail(primary.ticket.requester_id),
        );
      const cc = [...new Set([...primary.ticket.cc_emails, ...emails])];
      primary.ticket.cc_emails = cc;
      primary.ticket.reply_cc_emails = [...cc];
    }
    touch(store, primary);
    return c.body(null, 204);
  });

  api.post("/tickets/bulk_update", async (c) => {
    const { fields: body } = await readBody(c);
    const errors = checkFields(body, { bulk_action: { kind: "object" } });
    const action = body.bulk_action as Record<string, unknown> | undefined;
    if (action === undefined) errors.push(missingField("bulk_action"));
    throwIfAny(errors);
    const nested = (error: FieldError): FieldError => ({
      ...error,
      field: "bulk_action",
      nested_field: `bulk_action.${error.field}`,
    });
    errors.push(...checkFields(action!, BULK_SPECS).map(nested));
    const ids = Array.isArray(action!.ids) ? [...new Set(action!.ids as number[])] : [];
    if (!("ids" in action!)) errors.push(nested(missingField("ids")));
    else if (ids.length === 0) {
      errors.push(
        nested(fieldError("ids", "invalid_value", "It should not be blank as this is a mandatory field")),
      );
    } else if (ids.length > MAX_BULK_IDS) {
      errors.push(
        nested(
          fieldError(
            "ids",
            "invalid_value",
            `Has ${ids.length} elements, it can have maximum of ${MAX_BULK_IDS} elements`,
          ),
        ),
      );
    }
    const properties = (action!.properties ?? {}) as Record<string, unknown>;
    const reply = action!.reply as { body?: unknown } | undefined;
    if (Object.keys(properties).length === 0 && reply === undefined) {
      errors.push(nested(missingField("properties")));
    }
    if (reply !== undefined && (typeof reply.body !== "string" || reply.body.trim() === "")) {
      errors.push(nested(missingField("reply")));
    }
    if (errors.length > 0) throw new ValidationFailedError(errors);

    const actor = actorOf(c);
    const job: BulkJob = {
      id: randomUUID(),
      action: "bulk_update",
      created_at: store.stamp(),
      succeeded: [],
      failed: [],
    };
    for (const id of ids) {
      const record = store.tickets.get(id);
      if (!record || record.deleted) {
        job.failed.push({
          id,
          errors: [fieldError("id", "invalid_value", "There is no ticket matching the given id")],
        });
        continue;
      }
      if (!canSeeTicket(store, actor, record.ticket)) {
        job.failed.push({
          id,
          errors: [fieldError("id", "access_denied", "You are not authorized to perform this action.")],
        });
        continue;
      }
      const problems = checkTicketBody(properties, "update", store, fields, record.ticket);
      if (problems.length > 0) {
        job.failed.push({
          id,
          errors: problems.map((p) => ({ ...p, nested_field: `properties.${p.field}` })),
        });
        continue;
      }
      const changes = updateTicket(store, record, properties, undefined, []);
      if (typeof reply?.body === "string") {
        const message = buildConversation(store, {
          kind: "reply",
          ticketId: id,
          body: reply.body,
          userId: actor,
          private: false,
          incoming: false,
          toEmails: [store.userEmail(record.ticket.requester_id)].filter((e): e is string => e !== null),
          fromEmail: store.userEmail(actor),
          ccEmails: [],
          bccEmails: [],
          attachments: [],
        });
        store.conversations.set(message.id, message);
        recordConversation(record.stats, message, store.isAgent);
        touch(store, record);
      }
      if (Object.keys(changes).length > 0) {
        automations.ticketChanged(webhookTicketView(record, store, fields, helpdeskBase(c)), {
          kind: "updated",
          changes,
        });
      }
      job.succeeded.push(id);
    }
    store.jobs.set(job.id, job);
    return c.json({ job_id: job.id, href: apiUrl(c, `/jobs/${job.id}`) }, 202);
  });

  api.get("/jobs/:id", (c) => {
    const job = store.jobs.get(c.req.param("id") ?? "");
    if (!job) throw new WireNotFoundError();
    const status = job.failed.length === 0 ? "SUCCESS" : job.succeeded.length === 0 ? "FAILED" : "PARTIAL";
    return c.json({
      id: job.id,
      action: job.action,
      status,
      progress: 100,
      created_at: job.created_at,
      updated_at: job.created_at,
      succeeded: [...job.succeeded],
      failed: structuredClone(job.failed),
    });
  });
}

function addNote(
  store: SandboxStore,
  record: TicketRecord,
  userId: number,
  note: { body: string; private: boolean },
) {
  const conversation = buildConversation(store, {
    kind: "note",
    ticketId: record.ticket.id,
    body: note.body,
    userId,
    private: note.private,
    incoming: false,
    toEmails: [],
    fromEmail: null,
    ccEmails: null,
    bccEmails: null,
    attachments: [],
  });
  store.conversations.set(conversation.id, conversation);
  recordConversation(record.stats, conversation, store.isAgent);
}
