// What each resource exposes to search (reference §6.3): the searchable keys, their types and
// the values a record holds under each key. Empty strings count as "no value", like null.
import type { FdCompany, FdContact, FdCustomFields, FdTicket, FdTicketField } from "../seed/types.ts";
import type { SearchDocument, SearchFieldType, SearchResource, SearchValue } from "./query-types.ts";

type FieldSpec = { type: SearchFieldType; values: SearchValue[] };

export const STANDARD_SEARCH_KEYS: Record<SearchResource, Record<string, SearchFieldType>> = {
  tickets: {
    priority: "number",
    status: "number",
    group_id: "number",
    agent_id: "number",
    created_at: "date",
    updated_at: "date",
    due_by: "date",
    fr_due_by: "date",
    nr_due_by: "date",
    type: "text",
    tag: "text",
  },
  contacts: {
    company_id: "number",
    twitter_id: "text",
    mobile: "text",
    phone: "text",
    active: "boolean",
    email: "text",
    tag: "text",
    language: "text",
    time_zone: "text",
    created_at: "date",
    updated_at: "date",
  },
  companies: { domain: "text", created_at: "date", updated_at: "date" },
};

/** Ticket custom field types that are searchable, and the catch-all key that covers each. */
const SEARCHABLE_TICKET_CUSTOM_TYPES: Record<string, { type: SearchFieldType; catchAll?: string }> = {
  custom_text: { type: "text", catchAll: "custom_string" },
  custom_number: { type: "number", catchAll: "custom_number" },
  custom_dropdown: { type: "text", catchAll: "custom_dropdown" },
  custom_checkbox: { type: "boolean" },
};

export function ticketSearchDocument(ticket: FdTicket, ticketFields: FdTicketField[]): SearchDocument {
  const specs = new Map<string, FieldSpec>([
    ["priority", spec("number", ticket.priority)],
    ["status", spec("number", ticket.status)],
    ["group_id", spec("number", ticket.group_id)],
    ["agent_id", spec("number", ticket.responder_id)],
    ["created_at", spec("date", ticket.created_at)],
    ["updated_at", spec("date", ticket.updated_at)],
    ["due_by", spec("date", ticket.due_by)],
    ["fr_due_by", spec("date", ticket.fr_due_by)],
    ["nr_due_by", spec("date", ticket.nr_due_by)],
    ["type", spec("text", ticket.type)],
    ["tag", spec("text", ...ticket.tags)],
    ["custom_string", spec("text")],
    ["custom_number", spec("number")],
    ["custom_dropdown", spec("text")],
  ]);
  for (const field of ticketFields) {
    const searchable = SEARCHABLE_TICKET_CUSTOM_TYPES[field.type];
    if (!searchable) continue;
    // The search key is the field's key in the ticket's custom_fields (normally `cf_…`).
    const own = spec(searchable.type, ticket.custom_fields[field.name]);
    specs.set(field.name, own);
    if (searchable.catchAll) specs.get(searchable.catchAll)?.values.push(...own.values);
  }
  return documentOf(specs);
}

export function contactSearchDocument(contact: FdContact): SearchDocument {
  const specs = customFieldSpecs(contact.custom_fields);
  const standard: [string, FieldSpec][] = [
    ["company_id", spec("number", contact.company_id)],
    ["twitter_id", spec("text", contact.twitter_id)],
    ["mobile", spec("text", contact.mobile)],
    ["phone", spec("text", contact.phone)],
    ["active", spec("boolean", contact.active)],
    // Freshdesk finds a contact by any of its addresses, not only the primary one.
    ["email", spec("text", contact.email, ...contact.other_emails)],
    ["tag", spec("text", ...contact.tags)],
    ["language", spec("text", contact.language)],
    ["time_zone", spec("text", contact.time_zone)],
    ["created_at", spec("date", contact.created_at)],
    ["updated_at", spec("date", contact.updated_at)],
  ];
  for (const [key, value] of standard) specs.set(key, value);
  return documentOf(specs);
}

export function companySearchDocument(company: FdCompany): SearchDocument {
  const specs = customFieldSpecs(company.custom_fields);
  specs.set("domain", spec("text", ...company.domains));
  specs.set("created_at", spec("date", company.created_at));
  specs.set("updated_at", spec("date", company.updated_at));
  return documentOf(specs);
}

/** Contact and company custom fields are searched without a `cf_` prefix, typed by their value. */
function customFieldSpecs(customFields: FdCustomFields): Map<string, FieldSpec> {
  const specs = new Map<string, FieldSpec>();
  for (const [key, value] of Object.entries(customFields)) {
    const type: SearchFieldType =
      typeof value === "number" ? "number" : typeof value === "boolean" ? "boolean" : "any";
    specs.set(key, spec(type, value));
  }
  return specs;
}

function spec(type: SearchFieldType, ...raw: unknown[]): FieldSpec {
  const values: SearchValue[] = [];
  for (const value of raw) {
    const converted = toSearchValue(type, value);
    if (converted !== undefined) values.push(converted);
  }
  return { type, values };
}

function toSearchValue(type: SearchFieldType, value: unknown): SearchValue | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  if (type === "date") {
    const date = new Date(String(value));
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  if (type === "number" && typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return undefined;
}

function documentOf(specs: Map<string, FieldSpec>): SearchDocument {
  return {
    fieldType: (key) => specs.get(key)?.type,
    values: (key) => specs.get(key)?.values,
  };
}
