// The account's ticket form (`/ticket_form_fields`) as lookups for validation: which status,
// priority, urgency, impact, source and type values exist, the category tree, custom fields.
import type { FsCategoryChoice, FsFieldChoice, FsTicketFormField } from "../seed/types.ts";

export type FormFieldIndex = {
  /** Workspace ids (choices of `default_workspace`). */
  workspaces: number[];
  statuses: number[];
  priorities: number[];
  urgencies: number[];
  impacts: number[];
  sources: number[];
  types: string[];
  categories: FsCategoryChoice[];
  /** Custom fields by `name` (no `cf_` prefix, §2). */
  custom: Map<string, FsTicketFormField>;
  /** Fields an agent must fill on create (`required_for_agents`), by their API names. */
  requiredForAgents: FormFieldKey[];
  /** Fields that must be filled before a ticket is resolved or closed (`required_for_closure`). */
  requiredForClosure: FormFieldKey[];
};

/** A form field as the ticket API names it: a ticket attribute, or a key of `custom_fields`. */
export type FormFieldKey = { key: string; custom: boolean };

// Form names of default fields whose ticket attribute is named otherwise.
const API_NAME: Record<string, string> = {
  requester: "requester_id",
  ticket_type: "type",
  group: "group_id",
  agent: "responder_id",
  department: "department_id",
};

function keyOf(field: FsTicketFormField): FormFieldKey {
  return field.default_field
    ? { key: API_NAME[field.name] ?? field.name, custom: false }
    : { key: field.name, custom: true };
}

// The reference's enumerations (§2), used when the form lacks the field.
const STATUSES = [2, 3, 4, 5];
const PRIORITIES = [1, 2, 3, 4];
const LEVELS = [1, 2, 3];
const SOURCES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 18];
const TYPES = ["Incident", "Service Request"];

function choiceIds(field: FsTicketFormField | undefined, fallback: number[]): number[] {
  return field ? (field.choices as FsFieldChoice[]).map((choice) => choice.id) : fallback;
}

export function indexFormFields(fields: readonly FsTicketFormField[]): FormFieldIndex {
  const byType = (type: string) => fields.find((field) => field.field_type === type);
  const typeField = byType("default_ticket_type");
  return {
    workspaces: choiceIds(byType("default_workspace"), []),
    statuses: choiceIds(byType("default_status"), STATUSES),
    priorities: choiceIds(byType("default_priority"), PRIORITIES),
    urgencies: choiceIds(byType("default_urgency"), LEVELS),
    impacts: choiceIds(byType("default_impact"), LEVELS),
    sources: choiceIds(byType("default_source"), SOURCES),
    types: typeField ? (typeField.choices as FsFieldChoice[]).map((choice) => choice.value) : TYPES,
    categories: (byType("default_category")?.choices as FsCategoryChoice[] | undefined) ?? [],
    custom: new Map(fields.filter((field) => !field.default_field).map((field) => [field.name, field])),
    requiredForAgents: fields.filter((field) => field.required_for_agents).map(keyOf),
    requiredForClosure: fields.filter((field) => field.required_for_closure).map(keyOf),
  };
}

/** Where a category path breaks, or undefined when every given level exists under its parent. */
export function invalidCategoryLevel(
  tree: readonly FsCategoryChoice[],
  path: { category: string | null; sub_category: string | null; item_category: string | null },
): { field: "category" | "sub_category" | "item_category"; choices: string[] } | undefined {
  const levels = [
    ["category", path.category],
    ["sub_category", path.sub_category],
    ["item_category", path.item_category],
  ] as const;
  let options: readonly FsCategoryChoice[] = tree;
  let parentMissing = false;
  for (const [field, value] of levels) {
    if (value === null) {
      parentMissing = true;
      continue;
    }
    // A level without its parent is as wrong as an unknown value.
    const node = parentMissing ? undefined : options.find((option) => option.value === value);
    if (!node) return { field, choices: options.map((option) => option.value) };
    options = node.nested_options;
  }
  return undefined;
}
