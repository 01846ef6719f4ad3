// Contacts (reference §8.1): list with filters, view, create, update, soft delete and restore.
import { readBody } from "../http/body.ts";
import { apiUrl, type RouteDeps } from "../http/context.ts";
import {
  type FieldError,
  fieldError,
  missingField,
  missingParams,
  oneOf,
  throwIfAny,
  WireNotFoundError,
} from "../http/errors.ts";
import { checkFields, type FieldSpecs, parseTimestamp } from "../http/fields.ts";
import {
  PAGING_PARAMS,
  pageOf,
  parsePaging,
  positiveIntParam,
  queryOf,
  unknownParams,
} from "../http/query.ts";
import type { ApiRoutes } from "../http/route-table.ts";
import { buildContact, type ContactInput } from "../records/contact.ts";
import {
  checkCustomFieldNames,
  knownCustomFieldNames,
  withAllCustomFields,
} from "../records/custom-fields.ts";
import { renderContact } from "../render/people.ts";
import type { FdContact } from "../seed/types.ts";
import type { SandboxStore } from "../store.ts";
import { parseWireTime } from "../wire-time.ts";

const CONTACT_SPECS: FieldSpecs = {
  name: { kind: "string", maxLength: 255 },
  email: { kind: "email", maxLength: 255, nullable: true },
  phone: { kind: "string", maxLength: 255, nullable: true },
  mobile: { kind: "string", maxLength: 255, nullable: true },
  twitter_id: { kind: "string", maxLength: 255, nullable: true },
  facebook_id: { kind: "string", maxLength: 255, nullable: true },
  unique_external_id: { kind: "string", maxLength: 255, nullable: true },
  other_emails: { kind: "emailArray" },
  company_id: { kind: "positiveInteger", nullable: true },
  view_all_tickets: { kind: "boolean" },
  address: { kind: "string", maxLength: 255, nullable: true },
  custom_fields: { kind: "object" },
  description: { kind: "string", nullable: true },
  job_title: { kind: "string", maxLength: 255, nullable: true },
  language: { kind: "string" },
  tags: { kind: "stringArray" },
  time_zone: { kind: "string" },
};
const IDENTIFIERS = ["email", "mobile", "phone", "twitter_id", "unique_external_id", "facebook_id"] as const;
const LIST_PARAMS = ["email", "mobile", "phone", "company_id", "state", "_updated_since", ...PAGING_PARAMS];
const STATES = ["blocked", "deleted", "unverified", "verified"];

function emailOwner(store: SandboxStore, email: string): number | undefined {
  const wanted = email.toLowerCase();
  const agent = [...store.agents.values()].find((a) => a.contact.email.toLowerCase() === wanted);
  return agent?.id ?? store.findContactByEmail(email)?.id;
}

function checkContactBody(
  store: SandboxStore,
  body: Record<string, unknown>,
  knownFields: Set<string>,
  self: FdContact | undefined,
): FieldError[] {
  const errors = checkFields(body, CONTACT_SPECS);
  errors.push(...checkCustomFieldNames(body.custom_fields, knownFields));
  if (typeof body.company_id === "number" && !store.companies.has(body.company_id)) {
    errors.push(
      fieldError("company_id", "invalid_value", "There is no company matching the given company_id"),
    );
  }
  const emails = [body.email, ...(Array.isArray(body.other_emails) ? body.other_emails : [])];
  for (const email of emails) {
    if (typeof email !== "string") continue;
    const owner = emailOwner(store, email);
    if (owner !== undefined && owner !== self?.id) {
      errors.push({
        field: email === body.email ? "email" : "other_emails",
        message: "It should be a unique value",
        code: "duplicate_value",
        additional_info: { user_id: owner },
      });
    }
  }
  return errors;
}

export function contactRoutes(api: ApiRoutes, deps: RouteDeps): void {
  const { store } = deps;
  const knownFields = knownCustomFieldNames(store.contacts.values());
  const contactOr404 = (id: string | undefined) => {
    const contact = store.contacts.get(Number(id));
    if (!contact) throw new WireNotFoundError();
    return contact;
  };

  api.get("/contacts", (c) => {
    const query = queryOf(c);
    const errors = unknownParams(query, LIST_PARAMS);
    const companyId = positiveIntParam(query, "company_id", errors);
    if (query.state !== undefined && !STATES.includes(query.state)) {
      errors.push(fieldError("state", "invalid_value", oneOf(STATES)));
    }
    const since = query._updated_since === undefined ? undefined : parseTimestamp(query._updated_since);
    if (query._updated_since !== undefined && since === undefined) {
      errors.push(fieldError("_updated_since", "invalid_value", "It should be in the 'valid date' format"));
    }
    const paging = parsePaging(query, errors);
    throwIfAny(errors);
    const rows = [...store.contacts.values()]
      .filter((contact) => (query.state === "deleted" ? contact.deleted === true : !contact.deleted))
      .filter((_contact) => query.state !== "blocked")
      .filter((contact) => query.state !== "verified" || contact.active)
      .filter((contact) => query.state !== "unverified" || !contact.active)
      .filter(
        (contact) => query.email === undefined || contact.email?.toLowerCase() === query.email.toLowerCase(),
      )
      .filter((contact) => query.mobile === undefined || contact.mobile === query.mobile)
      .filter((contact) => query.phone === undefined || contact.phone === query.phone)
      .filter((contact) => companyId === undefined || contact.company_id === companyId)
      .filter((contact) => since === undefined || (parseWireTime(contact.updated_at) ?? 0) >= since)
      .sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
    return c.json(pageOf(c, rows, paging).map(renderContact));
  });

  api.get("/contacts/:id{[0-9]+}", (c) => c.json(renderContact(contactOr404(c.req.param("id")))));

  api.post("/contacts", async (c) => {
    const { fields: body } = await readBody(c);
    const errors = checkContactBody(store, body, knownFields, undefined);
    if (!("name" in body)) errors.push(missingField("name"));
    if (!IDENTIFIERS.some((key) => typeof body[key] === "string" && body[key] !== "")) {
      errors.push(missingField("email", `Please fill at least 1 of ${IDENTIFIERS.join(", ")} fields`));
    }
    throwIfAny(errors);
    const contact = buildContact(store, {
      ...(body as ContactInput),
      custom_fields: withAllCustomFields(body.custom_fields, knownFields),
    });
    store.contacts.set(contact.id, contact);
    c.header("Location", apiUrl(c, `/contacts/${contact.id}`));
    return c.json(renderContact(contact), 201);
  });

  api.put("/contacts/:id{[0-9]+}", async (c) => {
    const { fields: body } = await readBody(c);
    if (Object.keys(body).length === 0) throw missingParams();
    const contact = contactOr404(c.req.param("id"));
    throwIfAny(checkContactBody(store, body, knownFields, contact));
    const { custom_fields: customFields, ...rest } = body;
    Object.assign(contact, rest);
    if (customFields) contact.custom_fields = { ...contact.custom_fields, ...(customFields as object) };
    contact.updated_at = store.stamp();
    return c.json(renderContact(contact));
  });

  api.delete("/contacts/:id{[0-9]+}", (c) => {
    const contact = contactOr404(c.req.param("id"));
    if (contact.deleted) throw new WireNotFoundError();
    contact.deleted = true;
    contact.updated_at = store.stamp();
    return c.body(null, 204);
  });

  // Permanent: the contact and its tickets' link to it are gone. A contact not yet in the trash
  // needs force=true (reference §8.1).
  api.delete("/contacts/:id{[0-9]+}/hard_delete", (c) => {
    const query = queryOf(c);
    const errors = unknownParams(query, ["force"]);
    if (query.force !== undefined && query.force !== "true" && query.force !== "false") {
      errors.push(fieldError("force", "datatype_mismatch", "It should be a/an Boolean"));
    }
    throwIfAny(errors);
    const contact = contactOr404(c.req.param("id"));
    if (!contact.deleted && query.force !== "true") {
      throwIfAny([
        fieldError(
          "force",
          "invalid_value",
          "The contact is not deleted. Delete it first, or pass force=true to delete it permanently.",
        ),
      ]);
    }
    store.contacts.delete(contact.id);
    return c.body(null, 204);
  });

  api.put("/contacts/:id{[0-9]+}/restore", (c) => {
    const contact = contactOr404(c.req.param("id"));
    if (!contact.deleted) throw new WireNotFoundError();
    delete contact.deleted;
    contact.updated_at = store.stamp();
    return c.body(null, 204);
  });
}
