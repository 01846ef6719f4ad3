// Notes, replies and the conversation list (reference §3). Notes are private unless told
// otherwise; only notes can be edited or deleted through `/conversations/{id}`.

import { htmlToText } from "../../sandbox/html-text.ts";
import { readBody } from "../../sandbox/http/body.ts";
import { actorOf, apiUrl } from "../../sandbox/http/context.ts";
import {
  type FieldError,
  fieldError,
  missingField,
  missingParams,
  throwIfAny,
  ValidationFailedError,
  WireNotFoundError,
} from "../../sandbox/http/errors.ts";
import { checkFields, type FieldSpecs } from "../../sandbox/http/fields.ts";
import { pageOf, parsePaging, queryOf, unknownParams } from "../../sandbox/http/query.ts";
import type { ApiRoutes } from "../../sandbox/http/route-table.ts";
import type { FsRouteDeps } from "../http/deps.ts";
import { SUPPORT_EMAIL } from "../seed/ids.ts";
import type { FsConversation } from "../seed/types.ts";
import type { FreshserviceStore } from "../store.ts";
import { recordAgentResponse } from "../tickets/ticket-stats.ts";
import { ticketOr404 } from "./tickets.ts";

const NOTE_SPECS: FieldSpecs = {
  body: { kind: "string" },
  private: { kind: "boolean" },
  incoming: { kind: "boolean" },
  notify_emails: { kind: "emailArray" },
  user_id: { kind: "positiveInteger" },
};
const REPLY_SPECS: FieldSpecs = {
  body: { kind: "string" },
  from_email: { kind: "email" },
  user_id: { kind: "positiveInteger" },
  cc_emails: { kind: "emailArray" },
  bcc_emails: { kind: "emailArray" },
};
/** Conversation `source` values (§3). */
const SOURCE_EMAIL = 0;
const SOURCE_NOTE = 2;

function checkBody(body: Record<string, unknown>, specs: FieldSpecs, store: FreshserviceStore): FieldError[] {
  const errors = checkFields(body, specs);
  if (!("body" in body)) errors.push(missingField("body"));
  else if (body.body === "") errors.push(fieldError("body", "invalid_value", "It should not be blank"));
  const userId = body.user_id;
  if (typeof userId === "number" && !store.agents.has(userId) && !store.requesters.has(userId)) {
    errors.push(fieldError("user_id", "invalid_value", "There is no user matching the given user_id"));
  }
  return errors;
}

/** The note as `POST /tickets/{id}/notes` answers, with the DOC sample's keys (§3). */
const NOTE_KEYS = [
  "id",
  "incoming",
  "private",
  "user_id",
  "support_email",
  "body",
  "body_text",
  "ticket_id",
  "to_emails",
  "attachments",
  "created_at",
  "updated_at",
] as const;

/** A reply as `POST /tickets/{id}/reply` answers [inferred key set, like Freshdesk's reply]. */
const REPLY_KEYS = [
  "id",
  "user_id",
  "from_email",
  "cc_emails",
  "bcc_emails",
  "body",
  "body_text",
  "ticket_id",
  "to_emails",
  "attachments",
  "created_at",
  "updated_at",
] as const;

function pickKeys(conversation: FsConversation, keys: readonly (keyof FsConversation)[]) {
  return Object.fromEntries(keys.map((key) => [key, conversation[key]]));
}

export function conversationRoutes(api: ApiRoutes, deps: FsRouteDeps): void {
  const { store } = deps;

  api.post("/tickets/:id{[0-9]+}/notes", async (c) => {
    const { fields: body } = await readBody(c);
    const ticket = ticketOr404(store, c);
    throwIfAny(checkBody(body, NOTE_SPECS, store));
    const stamp = store.stamp();
    const note: FsConversation = {
      id: store.nextId(),
      user_id: (body.user_id as number | undefined) ?? actorOf(c),
      to_emails: (body.notify_emails as string[] | undefined) ?? [],
      from_email: null,
      cc_emails: [],
      bcc_emails: [],
      body: body.body as string,
      body_text: htmlToText(body.body as string),
      ticket_id: ticket.id,
      incoming: (body.incoming as boolean | undefined) ?? false,
      // Notes are private unless `private: false` (§3).
      private: (body.private as boolean | undefined) ?? true,
      source: SOURCE_NOTE,
      support_email: null,
      attachments: [],
      created_at: stamp,
      updated_at: stamp,
    };
    store.addConversation(note);
    // A note touches the ticket but is no ticket update for the automator ("Note is added" is [open]).
    ticket.updated_at = stamp;
    store.addActivity(
      ticket.id,
      note.user_id,
      note.private ? " added a private note" : " added a public note",
    );
    c.header("Location", apiUrl(c, `/conversations/${note.id}`));
    return c.json({ conversation: pickKeys(note, NOTE_KEYS) }, 201);
  });

  api.post("/tickets/:id{[0-9]+}/reply", async (c) => {
    const { fields: body } = await readBody(c);
    const ticket = ticketOr404(store, c);
    throwIfAny(checkBody(body, REPLY_SPECS, store));
    const stamp = store.stamp();
    const requesterEmail = store.userEmail(ticket.requester_id);
    const reply: FsConversation = {
      id: store.nextId(),
      user_id: (body.user_id as number | undefined) ?? actorOf(c),
      to_emails: requesterEmail ? [requesterEmail] : [],
      from_email: (body.from_email as string | undefined) ?? SUPPORT_EMAIL,
      cc_emails: (body.cc_emails as string[] | undefined) ?? [],
      bcc_emails: (body.bcc_emails as string[] | undefined) ?? [],
      body: body.body as string,
      body_text: htmlToText(body.body as string),
      ticket_id: ticket.id,
      incoming: false,
      private: false,
      source: SOURCE_EMAIL,
      support_email: null,
      attachments: [],
      created_at: stamp,
      updated_at: stamp,
    };
    store.addConversation(reply);
    ticket.updated_at = stamp;
    recordAgentResponse(store.ticketStats.get(ticket.id), ticket.created_at, stamp);
    store.addActivity(ticket.id, reply.user_id, " sent a reply");
    c.header("Location", apiUrl(c, `/conversations/${reply.id}`));
    return c.json({ conversation: pickKeys(reply, REPLY_KEYS) }, 201);
  });

  api.get("/tickets/:id{[0-9]+}/conversations", (c) => {
    const query = queryOf(c);
    const errors = unknownParams(query, ["page", "per_page"]);
    const paging = parsePaging(query, errors);
    throwIfAny(errors);
    const ticket = ticketOr404(store, c);
    const rows = pageOf(c, store.conversationsOf(ticket.id), paging);
    return c.json({ conversations: structuredClone(rows) });
  });

  api.put("/conversations/:id{[0-9]+}", async (c) => {
    const { fields: body } = await readBody(c);
    if (Object.keys(body).length === 0) throw missingParams();
    const note = noteOr404(store, Number(c.req.param("id")));
    const errors = checkFields(body, { body: { kind: "string" } });
    if (body.body === "") errors.push(fieldError("body", "invalid_value", "It should not be blank"));
    throwIfAny(errors);
    note.body = body.body as string;
    note.body_text = htmlToText(note.body);
    note.updated_at = store.stamp();
    return c.json({ conversation: pickKeys(note, NOTE_KEYS) });
  });

  api.delete("/conversations/:id{[0-9]+}", (c) => {
    const note = noteOr404(store, Number(c.req.param("id")));
    store.removeConversation(note.id);
    return c.body(null, 204);
  });
}

/** Only notes are editable (§3): a reply or an incoming email is refused, an unknown id is 404. */
function noteOr404(store: FreshserviceStore, id: number): FsConversation {
  const conversation = store.conversations.get(id);
  if (!conversation || !store.tickets.has(conversation.ticket_id)) throw new WireNotFoundError();
  if (conversation.source !== SOURCE_NOTE) {
    throw new ValidationFailedError([
      fieldError(
        "id",
        "invalid_value",
        "Only notes can be updated or deleted; this conversation is not a note",
      ),
    ]);
  }
  return conversation;
}
