// The account's ticket form (`/ticket_form_fields`) as lookups for validation: which status,
// priority, urgency, impact, source and type values exist, the category tree, custom fields.
import type { FsCategoryChoice, FsFieldChoice, FsTicketFormField } from "../seed/types.ts";

export type FormFieldIndex = {
  statuses: number[];
  priorities: number[];
  urgencies: number[];
  impacts: number[];
  sources: number[];
  types: string[];
  categories: FsCategoryChoice[];
  /** Custom fields by `name` (no `cf_` prefix, §2). */
  custom: Map<string, FsTicketFormField>;
};

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
    statuses: choiceIds(byType("default_status"), STATUSES),
    priorities: choiceIds(byType("default_priority"), PRIORITIES),
    urgencies: choiceIds(byType("default_urgency"), LEVELS),
    impacts: choiceIds(byType("default_impact"), LEVELS),
    sources: choiceIds(byType("default_source"), SOURCES),
    types: typeField ? (typeField.choices as FsFieldChoice[]).map((choice) => choice.value) : TYPES,
    categories: (byType("default_category")?.choices as FsCategoryChoice[] | undefined) ?? [],
    custom: new Map(fields.filter((field) => !field.default_field).map((field) => [field.name, field])),
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
