// Validation of `POST /tickets` and `PUT /tickets/{id}` bodies (reference §5.4–§5.5). Every
// problem is collected first, so a rejected request changes nothing.
import type { AccountFields, ClosureField, CustomFieldInfo } from "../account-fields.ts";
import { type FieldError, fieldError, invalidField, MISSING_FIELD_MESSAGE, oneOf } from "../http/errors.ts";
import { checkFields, checkValue, type FieldSpecs, parseTimestamp, wireTypeName } from "../http/fields.ts";
import type { FdTicket } from "../seed/types.ts";
import type { SandboxStore } from "../store.ts";

const SHARED_SPECS: FieldSpecs = {
  description: { kind: "string" },
  due_by: { kind: "timestamp" },
  email_config_id: { kind: "positiveInteger", nullable: true },
  fr_due_by: { kind: "timestamp" },
  group_id: { kind: "positiveInteger", nullable: true },
  internal_group_id: { kind: "positiveInteger", nullable: true },
  priority: { kind: "integer" },
  email: { kind: "email", maxLength: 255 },
  phone: { kind: "string", maxLength: 255 },
  twitter_id: { kind: "string", maxLength: 255 },
  facebook_id: { kind: "string", maxLength: 255 },
  requester_id: { kind: "positiveInteger" },
  name: { kind: "string", maxLength: 255 },
  responder_id: { kind: "positiveInteger", nullable: true },
  internal_agent_id: { kind: "positiveInteger", nullable: true },
  source: { kind: "integer" },
  status: { kind: "integer" },
  subject: { kind: "string", maxLength: 255 },
  type: { kind: "string", nullable: true },
  product_id: { kind: "positiveInteger", nullable: true },
  company_id: { kind: "positiveInteger", nullable: true },
  parent_id: { kind: "positiveInteger" },
  unique_external_id: { kind: "string", maxLength: 255 },
  tags: { kind: "stringArray" },
  attachments: { kind: "stringArray" },
  custom_fields: { kind: "object" },
  related_ticket_ids: { kind: "integerArray" },
};

export const CREATE_SPECS: FieldSpecs = { ...SHARED_SPECS, cc_emails: { kind: "emailArray" } };
export const UPDATE_SPECS: FieldSpecs = {
  ...SHARED_SPECS,
  skip_close_notification: { kind: "boolean" },
  skill_id: { kind: "positiveInteger", nullable: true },
};

/** Sources the API refuses to set (reference §5.4). */
const CREATE_FORBIDDEN_SOURCES = [4, 10, 12, 13];
const UPDATE_FORBIDDEN_SOURCES = [5, 6, 13];
const CHOICE_FIELDS = ["priority", "status", "source"] as const;

export function checkTicketBody(
  body: Record<string, unknown>,
  mode: "create" | "update",
  store: SandboxStore,
  fields: AccountFields,
  /** The ticket an update changes. */
  current?: FdTicket,
): FieldError[] {
  const errors = checkFields(body, mode === "create" ? CREATE_SPECS : UPDATE_SPECS).filter(
    (error) => !(CHOICE_FIELDS as readonly string[]).includes(error.field),
  );
  const failed = new Set(errors.map((error) => error.field));
  const present = (key: string) => key in body && !failed.has(key);

  const forbidden = mode === "create" ? CREATE_FORBIDDEN_SOURCES : UPDATE_FORBIDDEN_SOURCES;
  const sources = [...fields.sources.keys()].filter((id) => !forbidden.includes(id));
  const choices: Record<(typeof CHOICE_FIELDS)[number], number[]> = {
    priority: [...fields.priorities.keys()],
    status: [...fields.statuses.keys()],
    source: sources,
  };
  for (const key of CHOICE_FIELDS) {
    if (key in body) pushIf(errors, checkChoice(key, body[key], choices[key]));
  }
  if (present("type") && body.type !== null && !fields.types.includes(body.type as string)) {
    errors.push(fieldError("type", "invalid_value", oneOf(fields.types)));
  }
  if (present("custom_fields")) {
    errors.push(...checkCustomFields(body.custom_fields as Record<string, unknown>, fields.customFields));
  }
  const references: [string, (id: number) => boolean, string][] = [
    ["group_id", (id) => store.groups.has(id), "group"],
    ["internal_group_id", (id) => store.groups.has(id), "group"],
    ["responder_id", (id) => store.agents.has(id), "agent"],
    ["internal_agent_id", (id) => store.agents.has(id), "agent"],
    ["requester_id", (id) => store.contacts.has(id) || store.agents.has(id), "contact"],
    ["company_id", (id) => store.companies.has(id), "company"],
    ["product_id", () => false, "product"],
    ["email_config_id", () => false, "email_config"],
    ["skill_id", () => false, "skill"],
    ["parent_id", (id) => store.tickets.has(id), "ticket"],
  ];
  for (const [key, exists, noun] of references) {
    const value = body[key];
    if (present(key) && typeof value === "number" && !exists(value)) {
      errors.push(fieldError(key, "invalid_value", `There is no ${noun} matching the given ${key}`));
    }
  }
  if (present("attachments") && (body.attachments as unknown[]).length > 0) {
    errors.push(fieldError("attachments", "datatype_mismatch", "It should be a/an valid file format"));
  }
  errors.push(...checkDueDates(body, present, store, current));
  if (!failed.has("status") && errors.every((error) => error.field !== "status")) {
    errors.push(...checkClosureFields(body, fields.closureFields, current));
  }
  return inBodyOrder(errors, body);
}

const RESOLVED = 4;
const CLOSED = 5;

/**
 * Resolving or closing a ticket needs every field the account marks `required_for_closure`,
 * whether the request sets it or the ticket already has it. Checked when a request resolves or
 * closes the ticket, or empties such a field on a ticket that is.
 */
function checkClosureFields(
  body: Record<string, unknown>,
  required: readonly ClosureField[],
  current: FdTicket | undefined,
): FieldError[] {
  const status = "status" in body ? body.status : (current?.status ?? 2);
  if (status !== RESOLVED && status !== CLOSED) return [];
  const bodyCustom = (body.custom_fields ?? {}) as Record<string, unknown>;
  const currentValues = (current ?? {}) as Record<string, unknown>;
  const errors: FieldError[] = [];
  for (const { field, custom, choices } of required) {
    const given = custom ? field in bodyCustom : field in body;
    if (!("status" in body) && !given) continue;
    const value = given
      ? custom
        ? bodyCustom[field]
        : body[field]
      : custom
        ? (current?.custom_fields as Record<string, unknown> | undefined)?.[field]
        : currentValues[field];
    if (value === null || value === undefined || (typeof value === "string" && value.trim() === "")) {
      errors.push(fieldError(field, "missing_field", choices ? oneOf(choices) : MISSING_FIELD_MESSAGE));
    }
  }
  return errors;
}

/**
 * `due_by` and `fr_due_by` set by hand: not in the past (by the sandbox's clock), and the first
 * response due no later than the resolution. A date the request leaves out is the ticket's own.
 */
function checkDueDates(
  body: Record<string, unknown>,
  present: (key: string) => boolean,
  store: SandboxStore,
  current: FdTicket | undefined,
): FieldError[] {
  const errors: FieldError[] = [];
  const given = (key: "due_by" | "fr_due_by") =>
    present(key) ? parseTimestamp(body[key] as string) : undefined;
  const dueBy = given("due_by");
  const frDueBy = given("fr_due_by");
  const now = store.now();
  if (dueBy !== undefined && dueBy < now) {
    errors.push(fieldError("due_by", "invalid_value", "It should not be in the past"));
  }
  if (frDueBy !== undefined && frDueBy < now) {
    errors.push(fieldError("fr_due_by", "invalid_value", "It should not be in the past"));
  }
  if (errors.length > 0 || (dueBy === undefined && frDueBy === undefined)) return errors;
  const resolution = dueBy ?? (current ? parseTimestamp(current.due_by) : undefined);
  const firstResponse = frDueBy ?? (current ? parseTimestamp(current.fr_due_by) : undefined);
  if (resolution !== undefined && firstResponse !== undefined && firstResponse > resolution) {
    errors.push(
      frDueBy !== undefined
        ? fieldError("fr_due_by", "invalid_value", "It should be on or before due_by")
        : fieldError("due_by", "invalid_value", "It should be on or after fr_due_by"),
    );
  }
  return errors;
}

/** Lists errors in the order the fields appear in the request (custom fields under theirs). */
function inBodyOrder(errors: FieldError[], body: Record<string, unknown>): FieldError[] {
  const keys = Object.keys(body);
  const position = (field: string) => {
    const at = keys.indexOf(field);
    return at === -1 ? keys.indexOf("custom_fields") : at;
  };
  return errors
    .map((error, index) => ({ error, index }))
    .sort((a, b) => position(a.error.field) - position(b.error.field) || a.index - b.index)
    .map(({ error }) => error);
}

function pushIf(errors: FieldError[], error: FieldError | undefined): void {
  if (error) errors.push(error);
}

function checkChoice(field: string, value: unknown, allowed: number[]): FieldError | undefined {
  if (typeof value !== "number" || !Number.isInteger(value)) {
    return fieldError(
      field,
      "datatype_mismatch",
      `Value set is of type ${wireTypeName(value)}.${oneOf(allowed)}`,
    );
  }
  return allowed.includes(value) ? undefined : fieldError(field, "invalid_value", oneOf(allowed));
}

const CUSTOM_KINDS: Record<string, "string" | "integer" | "boolean"> = {
  custom_text: "string",
  custom_paragraph: "string",
  custom_dropdown: "string",
  custom_date: "string",
  custom_date_time: "string",
  custom_number: "integer",
  custom_checkbox: "boolean",
};

function checkCustomFields(
  values: Record<string, unknown>,
  known: Map<string, CustomFieldInfo>,
): FieldError[] {
  const errors: FieldError[] = [];
  for (const [name, value] of Object.entries(values)) {
    const info = known.get(name);
    if (!info) {
      errors.push(invalidField(name));
      continue;
    }
    if (value === null) continue;
    const kind = CUSTOM_KINDS[info.type];
    const typeError = kind ? checkValue(name, value, { kind }) : undefined;
    if (typeError) errors.push(typeError);
    else if (info.type === "custom_dropdown" && info.choices && !info.choices.includes(value as string)) {
      errors.push(fieldError(name, "invalid_value", oneOf(info.choices)));
    } else if (info.type === "custom_date" && !/^\d{4}-\d{2}-\d{2}$/.test(value as string)) {
      errors.push(fieldError(name, "invalid_value", "It should be in the 'valid date' format"));
    }
  }
  return errors;
}
