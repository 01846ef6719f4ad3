// What the account's ticket fields allow (reference §8.8): valid statuses, priorities, sources,
// ticket types and custom fields, read from the same `/ticket_fields` data clients see.
import type { FdTicketField } from "./seed/types.ts";

export type CustomFieldInfo = { name: string; type: string; choices: string[] | undefined };

/** A field the account requires before a ticket is resolved or closed (`required_for_closure`). */
export type ClosureField = {
  /** The name errors use: the ticket's key for default fields, the `cf_…` name for custom ones. */
  field: string;
  custom: boolean;
  choices: readonly (string | number)[] | undefined;
};

/** Default ticket fields by their `/ticket_fields` name → the ticket's own key. */
const DEFAULT_KEYS: Record<string, string> = {
  requester: "requester_id",
  subject: "subject",
  ticket_type: "type",
  source: "source",
  status: "status",
  priority: "priority",
  group: "group_id",
  agent: "responder_id",
  internal_group: "internal_group_id",
  internal_agent: "internal_agent_id",
  product: "product_id",
  company: "company_id",
  description: "description",
};

export type AccountFields = {
  statuses: Map<number, string>;
  priorities: Map<number, string>;
  sources: Map<number, string>;
  types: string[];
  customFields: Map<string, CustomFieldInfo>;
  closureFields: ClosureField[];
};

function byType(fields: readonly FdTicketField[], type: string): FdTicketField | undefined {
  return fields.find((field) => field.type === type);
}

/** `{"Low":1,…}` → id → name. */
function namedIds(choices: unknown): Map<number, string> {
  const map = new Map<number, string>();
  if (choices && typeof choices === "object" && !Array.isArray(choices)) {
    for (const [name, id] of Object.entries(choices)) if (typeof id === "number") map.set(id, name);
  }
  return map;
}

/** `{"2":["Open","Being Processed"],…}` → id → agent label. */
function statusNames(choices: unknown): Map<number, string> {
  const map = new Map<number, string>();
  if (choices && typeof choices === "object" && !Array.isArray(choices)) {
    for (const [id, labels] of Object.entries(choices)) {
      const label = Array.isArray(labels) ? labels[0] : undefined;
      if (/^\d+$/.test(id) && typeof label === "string") map.set(Number(id), label);
    }
  }
  return map;
}

const stringChoices = (choices: unknown) =>
  Array.isArray(choices) ? choices.filter((c): c is string => typeof c === "string") : undefined;

export function accountFields(fields: readonly FdTicketField[]): AccountFields {
  const customFields = new Map<string, CustomFieldInfo>();
  for (const field of fields) {
    if (field.default) continue;
    customFields.set(field.name, {
      name: field.name,
      type: field.type,
      choices: stringChoices(field.choices),
    });
  }
  return {
    statuses: statusNames(byType(fields, "default_status")?.choices),
    priorities: namedIds(byType(fields, "default_priority")?.choices),
    sources: namedIds(byType(fields, "default_source")?.choices),
    types: stringChoices(byType(fields, "default_ticket_type")?.choices) ?? [],
    customFields,
    closureFields: fields
      .filter((field) => field.required_for_closure)
      .map((field) => ({
        field: field.default ? (DEFAULT_KEYS[field.name] ?? field.name) : field.name,
        custom: !field.default,
        choices: Array.isArray(field.choices) ? stringChoices(field.choices) : undefined,
      })),
  };
}
