// Conversations (reference §5.5, §5.7): list a ticket's conversations, add notes and replies,
// edit or delete a note.

import { asHtml, htmlToText } from "../html-text.ts";
import { readBody } from "../http/body.ts";
import { actorOf, apiUrl, type RouteDeps } from "../http/context.ts";
import {
  accessDenied,
  type FieldError,
  fieldError,
  missingField,
  missingParams,
  throwIfAny,
  WireNotFoundError,
} from "../http/errors.ts";
import { checkFields, type FieldSpecs } from "../http/fields.ts";
import { PAGING_PARAMS, pageOf, parsePaging, queryOf, unknownParams } from "../http/query.ts";
import type { ApiRoutes } from "../http/route-table.ts";
import { saveAttachments } from "../records/attachment.ts";
import { buildConversation, CONVERSATION_SOURCE } from "../records/conversation.ts";
import { renderConversation, renderNoteCreated, renderReplyCreated } from "../render/conversation.ts";
import type { SandboxStore } from "../store.ts";
import { recordConversation } from "../ticket-stats.ts";
import { touch } from "../tickets/ticket-writer.ts";
import { accessibleTicket, ticketOr404 } from "./tickets.ts";

const NOTE_SPECS: FieldSpecs = {
  body: { kind: "string" },
  private: { kind: "boolean" },
  incoming: { kind: "boolean" },
  user_id: { kind: "positiveInteger" },
  notify_emails: { kind: "emailArray" },
  attachments: { kind: "stringArray" },
};
const REPLY_SPECS: FieldSpecs = {
  body: { kind: "string" },
  from_email: { kind: "email" },
  user_id: { kind: "positiveInteger" },
  cc_emails: { kind: "emailArray" },
  bcc_emails: { kind: "emailArray" },
  attachments: { kind: "stringArray" },
};
const EDIT_SPECS: FieldSpecs = { body: { kind: "string" }, attachments: { kind: "stringArray" } };

function checkAuthor(body: Record<string, unknown>, store: SandboxStore, errors: FieldError[]): void {
  const userId = body.user_id;
  if (typeof userId === "number" && !store.agents.has(userId) && !store.contacts.has(userId)) {
    errors.push(
      fieldError("user_id", "invalid_value", "There is no contact/agent matching the given user_id"),
    );
  }
}

function requireBody(body: Record<string, unknown>, errors: FieldError[]): void {
  if (!("body" in body)) errors.push(missingField("body"));
  else if (typeof body.body === "string" && body.body.trim() === "") {
    errors.push(fieldError("body", "invalid_value", "It should not be blank as this is a mandatory field"));
  }
}

export function conversationRoutes(api: ApiRoutes, deps: RouteDeps): void {
  const { store } = deps;

  api.get("/tickets/:id{[0-9]+}/conversations", (c) => {
    const query = queryOf(c);
    const errors = unknownParams(query, PAGING_PARAMS);
    const paging = parsePaging(query, errors);
    throwIfAny(errors);
    const record = ticketOr404(store, c);
    return c.json(pageOf(c, store.conversationsOf(record.ticket.id), paging).map(renderConversation));
  });

  api.post("/tickets/:id{[0-9]+}/notes", async (c) => {
    const { fields: body, files } = await readBody(c, { multipartSpecs: NOTE_SPECS });
    const errors = checkFields(body, NOTE_SPECS);
    requireBody(body, errors);
    checkAuthor(body, store, errors);
    const notify = (body.notify_emails as string[] | undefined) ?? [];
    const agentEmails = new Set([...store.agents.values()].map((a) => a.contact.email.toLowerCase()));
    if (
      Array.isArray(body.notify_emails) &&
      notify.some((email) => !agentEmails.has(String(email).toLowerCase()))
    ) {
      errors.push(
        fieldError("notify_emails", "invalid_value", "There are no agents matching the given notify_emails"),
      );
    }
    throwIfAny(errors);
    const record = ticketOr404(store, c);
    const note = buildConversation(store, {
      kind: "note",
      ticketId: record.ticket.id,
      body: body.body as string,
      userId: (body.user_id as number | undefined) ?? actorOf(c),
      private: (body.private as boolean | undefined) ?? true,
      incoming: (body.incoming as boolean | undefined) ?? false,
      toEmails: notify,
      fromEmail: null,
      ccEmails: null,
      bccEmails: null,
      attachments: await saveAttachments(c, store, files),
    });
    store.conversations.set(note.id, note);
    recordConversation(record.stats, note, store.isAgent);
    touch(store, record);
    c.header("Location", apiUrl(c, `/conversations/${note.id}`));
    return c.json(renderNoteCreated(note), 201);
  });

  api.post("/tickets/:id{[0-9]+}/reply", async (c) => {
    const { fields: body, files } = await readBody(c, { multipartSpecs: REPLY_SPECS });
    const errors = checkFields(body, REPLY_SPECS);
    requireBody(body, errors);
    checkAuthor(body, store, errors);
    throwIfAny(errors);
    const record = ticketOr404(store, c);
    const userId = (body.user_id as number | undefined) ?? actorOf(c);
    const requesterEmail = store.userEmail(record.ticket.requester_id);
    const reply = buildConversation(store, {
      kind: "reply",
      ticketId: record.ticket.id,
      body: body.body as string,
      userId,
      private: false,
      incoming: false,
      toEmails: requesterEmail ? [requesterEmail] : [],
      fromEmail: (body.from_email as string | undefined) ?? store.userEmail(userId),
      ccEmails: (body.cc_emails as string[] | undefined) ?? [],
      bccEmails: (body.bcc_emails as string[] | undefined) ?? [],
      attachments: await saveAttachments(c, store, files),
    });
    store.conversations.set(reply.id, reply);
    recordConversation(record.stats, reply, store.isAgent);
    touch(store, record);
    c.header("Location", apiUrl(c, `/conversations/${reply.id}`));
    return c.json(renderReplyCreated(reply), 201);
  });

  // Only notes can be edited (reference §5.5).
  api.put("/conversations/:id{[0-9]+}", async (c) => {
    const { fields: body, files } = await readBody(c, { multipartSpecs: EDIT_SPECS });
    if (Object.keys(body).length === 0 && files.length === 0) throw missingParams();
    throwIfAny(checkFields(body, EDIT_SPECS));
    const conversation = store.conversations.get(Number(c.req.param("id")));
    if (!conversation) throw new WireNotFoundError();
    accessibleTicket(store, c, conversation.ticket_id);
    if (conversation.source !== CONVERSATION_SOURCE.note) throw accessDenied();
    if (typeof body.body === "string") {
      conversation.body = asHtml(body.body);
      conversation.body_text = htmlToText(body.body);
    }
    conversation.attachments.push(...(await saveAttachments(c, store, files)));
    conversation.updated_at = store.stamp();
    return c.json(renderConversation(conversation));
  });

  api.delete("/conversations/:id{[0-9]+}", (c) => {
    const conversation = store.conversations.get(Number(c.req.param("id")));
    if (!conversation) throw new WireNotFoundError();
    accessibleTicket(store, c, conversation.ticket_id);
    store.conversations.delete(conversation.id);
    return c.body(null, 204);
  });
}
