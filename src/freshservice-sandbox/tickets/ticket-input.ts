// Checks a ticket create/update body against the wire rules (reference §2, §3, §9) and the
// account's own form, collecting every problem so one 400 names all of them.
import { type FieldError, fieldError, invalidField, missingField, oneOf } from "../../sandbox/http/errors.ts";
import { checkFields, type FieldSpecs, mismatch } from "../../sandbox/http/fields.ts";
import type { FsCustomFields, FsFieldChoice, FsTicket } from "../seed/types.ts";
import type { FreshserviceStore, NewTicket, TicketPatch } from "../store.ts";
import { type FormFieldIndex, type FormFieldKey, invalidCategoryLevel } from "./form-fields.ts";

const COMMON_SPECS: FieldSpecs = {
  subject: { kind: "string", maxLength: 255 },
  description: { kind: "string" },
  requester_id: { kind: "positiveInteger" },
  email: { kind: "email" },
  phone: { kind: "string" },
  name: { kind: "string" },
  requested_for_id: { kind: "positiveInteger", nullable: true },
  status: { kind: "positiveInteger" },
  priority: { kind: "positiveInteger" },
  urgency: { kind: "positiveInteger" },
  impact: { kind: "positiveInteger" },
  source: { kind: "positiveInteger" },
  type: { kind: "string" },
  group_id: { kind: "positiveInteger", nullable: true },
  responder_id: { kind: "positiveInteger", nullable: true },
  department_id: { kind: "positiveInteger", nullable: true },
  category: { kind: "string", nullable: true },
  sub_category: { kind: "string", nullable: true },
  item_category: { kind: "string", nullable: true },
  due_by: { kind: "timestamp" },
  fr_due_by: { kind: "timestamp" },
  email_config_id: { kind: "positiveInteger", nullable: true },
  cc_emails: { kind: "emailArray" },
  tags: { kind: "stringArray" },
  custom_fields: { kind: "object" },
  // Checked below: an array of `{display_id}`.
  assets: { kind: "object" },
  // Associations on create [DOC create ticket with associations]; accepted, not modelled.
  problem: { kind: "object" },
  change_initiating_ticket: { kind: "object" },
  change_initiated_by_ticket: { kind: "object" },
};

export const CREATE_SPECS: FieldSpecs = { ...COMMON_SPECS, workspace_id: { kind: "positiveInteger" } };
// `workspace_id` moves only through PUT /tickets/{id}/move_workspace (§2), so update refuses it.
export const UPDATE_SPECS: FieldSpecs = COMMON_SPECS;

type Mode = "create" | "update";

export type CheckedTicket = {
  errors: FieldError[];
  /** The settable fields, validated (meaningful only when `errors` is empty). */
  patch: TicketPatch;
  /** Display ids of the linked assets when `assets` was sent (replaces the set, §2). */
  assets?: number[];
};

const WRITE_ONLY = new Set([
  "email",
  "phone",
  "name",
  "assets",
  "problem",
  "change_initiating_ticket",
  "change_initiated_by_ticket",
]);

export function checkTicketBody(
  body: Record<string, unknown>,
  mode: Mode,
  store: FreshserviceStore,
  form: FormFieldIndex,
  existing?: FsTicket,
  options: { bypassMandatory?: boolean } = {},
): CheckedTicket {
  const specs = mode === "create" ? CREATE_SPECS : UPDATE_SPECS;
  const errors = checkFields(
    Object.fromEntries(Object.entries(body).filter(([key]) => key !== "assets")),
    specs,
  );
  if (mode === "update" && "workspace_id" in body) {
    // checkFields reported it as unknown; say how to do it instead.
    const index = errors.findIndex((error) => error.field === "workspace_id");
    errors[index] = fieldError(
      "workspace_id",
      "invalid_field",
      "workspace_id cannot be updated; use PUT /api/v2/tickets/[id]/move_workspace",
    );
  }
  const bad = new Set(errors.map((error) => error.field));
  const ok = (key: string) => key in body && !bad.has(key);
  const choose = (key: string, allowed: readonly (number | string)[]) => {
    if (ok(key) && !allowed.includes(body[key] as number | string))
      errors.push(fieldError(key, "invalid_value", oneOf(allowed)));
  };
  choose("status", form.statuses);
  choose("priority", form.priorities);
  choose("urgency", form.urgencies);
  choose("impact", form.impacts);
  choose("source", form.sources);
  choose("type", form.types);
  const exists = (key: string, has: (id: number) => boolean, what: string) => {
    if (ok(key) && body[key] !== null && !has(body[key] as number))
      errors.push(fieldError(key, "invalid_value", `There is no ${what} matching the given ${key}`));
  };
  exists("group_id", (id) => store.groups.has(id), "group");
  exists("responder_id", (id) => store.agents.has(id), "agent");
  exists("department_id", (id) => store.departments.has(id), "department");
  const isUser = (id: number) => store.requesters.has(id) || store.agents.has(id);
  exists("requester_id", isUser, "requester");
  exists("requested_for_id", isUser, "requester");
  exists("email_config_id", () => false, "email config");

  if (mode === "create") {
    if (!("requester_id" in body || "email" in body || "phone" in body)) {
      errors.push(
        missingField(
          "requester_id",
          "Please fill at least 1 of requester_id, phone, email fields as they are mandatory.",
        ),
      );
    } else if ("phone" in body && !("requester_id" in body || "email" in body) && !("name" in body)) {
      errors.push(missingField("name", "It should be a/an String when phone is the only requester detail"));
    }
    // The account's mandatory fields apply to API creates too (§3); status and priority always
    // [inferred: the DOC create table stars them].
    const required = [
      { key: "status", custom: false },
      { key: "priority", custom: false },
      ...form.requiredForAgents.filter((field) => field.key !== "requester_id" && field.key !== "workspace"),
    ];
    for (const field of uniqueKeys(required)) {
      if (!filled(body, field))
        errors.push(missingField(field.custom ? `custom_fields.${field.key}` : field.key));
    }
  }
  // Resolving or closing needs the fields marked required for closure, unless bypass_mandatory (§3).
  const closing = ok("status") && (body.status === 4 || body.status === 5);
  if (closing && !options.bypassMandatory) {
    const merged = {
      ...existing,
      ...body,
      custom_fields: { ...existing?.custom_fields, ...(body.custom_fields as object) },
    };
    for (const field of form.requiredForClosure) {
      if (!filled(merged, field)) {
        const name = field.custom ? `custom_fields.${field.key}` : field.key;
        errors.push(missingField(name, "It should be filled before the ticket is resolved or closed"));
      }
    }
  }
  if (mode === "update" && ok("requested_for_id")) {
    const type = ok("type") ? body.type : existing?.type;
    if (type !== "Service Request") {
      errors.push(
        fieldError(
          "requested_for_id",
          "invalid_field",
          "requested_for_id can be updated only on Service Requests",
        ),
      );
    }
  }

  const categoryKeys = ["category", "sub_category", "item_category"] as const;
  if (categoryKeys.some((key) => key in body) && categoryKeys.every((key) => !bad.has(key))) {
    // On update an unsent level keeps its value unless a level above it changes (that clears it).
    let cleared = mode === "create";
    const level = (key: (typeof categoryKeys)[number]): string | null => {
      if (key in body) {
        cleared = true;
        return body[key] as string | null;
      }
      return cleared ? null : (existing?.[key] ?? null);
    };
    const path = {
      category: level("category"),
      sub_category: level("sub_category"),
      item_category: level("item_category"),
    };
    const broken = invalidCategoryLevel(form.categories, path);
    if (broken) errors.push(fieldError(broken.field, "invalid_value", oneOf(broken.choices)));
  }

  if (ok("custom_fields")) errors.push(...checkCustomFields(body.custom_fields as FsCustomFields, form));
  const assets = "assets" in body ? checkAssets(body.assets, store, errors) : undefined;

  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) if (!WRITE_ONLY.has(key)) patch[key] = value;
  // A new level 1 clears the levels below it unless they are sent too.
  if ("category" in body && mode === "update") {
    patch.sub_category ??= null;
    patch.item_category ??= null;
  }
  if ("sub_category" in body && mode === "update") patch.item_category ??= null;
  return { errors, patch: patch as TicketPatch, ...(assets ? { assets } : {}) };
}

function filled(record: Record<string, unknown>, field: FormFieldKey): boolean {
  const value = field.custom
    ? (record.custom_fields as Record<string, unknown> | undefined)?.[field.key]
    : record[field.key];
  return value !== undefined && value !== null && value !== "";
}

function uniqueKeys(fields: FormFieldKey[]): FormFieldKey[] {
  const seen = new Set<string>();
  return fields.filter((field) => {
    const id = `${field.custom}:${field.key}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** The create body as the store's NewTicket, once `checkTicketBody` found no errors. */
export function newTicketOf(patch: TicketPatch, requesterId: number): NewTicket {
  return {
    ...(patch as Omit<NewTicket, "requester_id" | "subject" | "description">),
    subject: patch.subject ?? "",
    description: patch.description ?? "",
    requester_id: requesterId,
  };
}

function checkCustomFields(values: FsCustomFields, form: FormFieldIndex): FieldError[] {
  const errors: FieldError[] = [];
  for (const [name, value] of Object.entries(values)) {
    const field = form.custom.get(name);
    if (!field) {
      errors.push(invalidField(name));
      continue;
    }
    if (value === null) continue;
    const type = field.field_type;
    if (type.includes("dropdown")) {
      const allowed = (field.choices as FsFieldChoice[]).map((choice) => choice.value);
      if (!allowed.includes(value as string)) errors.push(fieldError(name, "invalid_value", oneOf(allowed)));
    } else if (type.includes("number")) {
      if (!Number.isSafeInteger(value)) errors.push(mismatch(name, value, "Integer"));
    } else if (type.includes("decimal")) {
      if (typeof value !== "number") errors.push(mismatch(name, value, "Number"));
    } else if (type.includes("checkbox")) {
      if (typeof value !== "boolean") errors.push(mismatch(name, value, "Boolean"));
    } else if (type.includes("date_time")) {
      if (typeof value !== "string" || Number.isNaN(Date.parse(value)))
        errors.push(fieldError(name, "invalid_value", "It should be in the 'valid date' format"));
    } else if (type.includes("date")) {
      if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value))
        errors.push(fieldError(name, "invalid_value", "It should be in the 'yyyy-mm-dd' format"));
    } else if (typeof value !== "string") {
      errors.push(mismatch(name, value, "String"));
    }
  }
  return errors;
}

function checkAssets(value: unknown, store: FreshserviceStore, errors: FieldError[]): number[] | undefined {
  const items = Array.isArray(value) ? value : undefined;
  const ids = items?.map((item) =>
    typeof item === "object" && item !== null ? (item as { display_id?: unknown }).display_id : undefined,
  );
  if (!ids || ids.some((id) => !Number.isSafeInteger(id) || (id as number) <= 0)) {
    errors.push(
      fieldError(
        "assets",
        "datatype_mismatch",
        "It should be an Array of objects with a Positive Integer display_id",
      ),
    );
    return undefined;
  }
  const missing = (ids as number[]).filter((id) => !store.assets.has(id));
  if (missing.length > 0) {
    errors.push(
      fieldError("assets", "invalid_value", `There is no asset with display_id ${missing.join(", ")}`),
    );
    return undefined;
  }
  return ids as number[];
}
