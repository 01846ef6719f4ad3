// Validation of `POST /tickets` and `PUT /tickets/{id}` bodies (reference §5.4–§5.5). Every
// problem is collected first, so a rejected request changes nothing.
import type { AccountFields, CustomFieldInfo } from "../account-fields.ts";
import { type FieldError, fieldError, invalidField, oneOf } from "../http/errors.ts";
import { checkFields, checkValue, type FieldSpecs, wireTypeName } from "../http/fields.ts";
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
  return inBodyOrder(errors, body);
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
