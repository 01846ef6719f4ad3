// GET /ticket_form_fields of the seeded IT workspace (§3): choices are `{id,value}` objects;
// the category field nests its levels. Requester-facing status wording from the DOC sample.
import type { SeedClock } from "../../sandbox/seed/clock.ts";
import { CATEGORY_TREE } from "./categories.ts";
import { CHOICE_BASE, FIELD_BASE, WORKSPACE_ID } from "./ids.ts";
import type { FsCategoryChoice, FsFieldChoice, FsNestedField, FsTicketFormField } from "./types.ts";

export const STATUS_CHOICES: FsFieldChoice[] = [
  { id: 2, value: "Open", requester_display_value: "Being Processed" },
  { id: 3, value: "Pending", requester_display_value: "Awaiting your Reply" },
  { id: 4, value: "Resolved", requester_display_value: "This request has been resolved" },
  { id: 5, value: "Closed", requester_display_value: "This request has been closed" },
];
export const PRIORITY_CHOICES: FsFieldChoice[] = [
  { id: 1, value: "Low" },
  { id: 2, value: "Medium" },
  { id: 3, value: "High" },
  { id: 4, value: "Urgent" },
];
export const LEVEL_CHOICES: FsFieldChoice[] = [
  { id: 1, value: "Low" },
  { id: 2, value: "Medium" },
  { id: 3, value: "High" },
];
export const SOURCE_CHOICES: FsFieldChoice[] = [
  [1, "Email"],
  [2, "Portal"],
  [3, "Phone"],
  [4, "Chat"],
  [5, "Feedback widget"],
  [9, "Walkup"],
  [10, "Slack"],
  [11, "Chatbot"],
  [15, "MS Teams"],
].map(([id, value]) => ({ id: id as number, value: value as string }));
export const TYPE_CHOICES: FsFieldChoice[] = [
  { id: 1, value: "Incident" },
  { id: 2, value: "Service Request" },
];

/** The category tree as nested choices; ids and display ids are stable for the same tree. */
export function categoryChoices(): FsCategoryChoice[] {
  let next = CHOICE_BASE;
  const node = (value: string, nested: FsCategoryChoice[]): FsCategoryChoice => {
    next += 1;
    return { id: next, display_id: next - CHOICE_BASE, value, nested_options: nested };
  };
  return Object.entries(CATEGORY_TREE).map(([level1, subs]) =>
    node(
      level1,
      Object.entries(subs as Record<string, readonly string[]>).map(([level2, items]) =>
        node(
          level2,
          items.map((level3) => node(level3, [])),
        ),
      ),
    ),
  );
}

type Named = { id: number; name: string };

export function buildTicketFormFields(
  clock: SeedClock,
  account: { groups: Named[]; agents: Named[]; departments: Named[] },
): FsTicketFormField[] {
  const stamp = clock.ago({ days: 700 });
  const updated = clock.ago({ days: 90 });
  let position = 0;
  const field = (
    name: string,
    label: string,
    fieldType: string,
    choices: FsTicketFormField["choices"],
    extra: Partial<FsTicketFormField> = {},
  ): FsTicketFormField => {
    position += 1;
    return {
      id: FIELD_BASE + position,
      workspace_id: name === "workspace" ? null : WORKSPACE_ID,
      created_at: stamp,
      updated_at: updated,
      name,
      label,
      description: "",
      field_type: fieldType,
      required: false,
      required_for_closure: false,
      position,
      default_field: true,
      choices,
      nested_fields: [],
      required_for_agents: false,
      required_for_customers: false,
      label_for_customers: label,
      customers_can_edit: false,
      displayed_to_customers: false,
      belongs_to_section: false,
      sections: [],
      ...extra,
    };
  };
  const categoryFieldId = FIELD_BASE + 100;
  const nested = (
    id: number,
    name: "sub_category" | "item_category",
    label: string,
    level: 2 | 3,
  ): FsNestedField => ({
    id,
    name,
    label,
    label_in_portal: label,
    description: "",
    level,
    field_id: categoryFieldId,
    created_at: stamp,
    updated_at: updated,
  });
  const named = (items: Named[]) => items.map((item) => ({ id: item.id, value: item.name }));
  const fields = [
    field("workspace", "Workspace", "default_workspace", [{ id: WORKSPACE_ID, value: "IT" }]),
    field("requester", "Requester", "default_requester", [], {
      required: true,
      required_for_agents: true,
      required_for_customers: true,
      displayed_to_customers: true,
      label_for_customers: "Requester",
    }),
    field("subject", "Subject", "default_subject", [], {
      required: true,
      required_for_agents: true,
      required_for_customers: true,
      customers_can_edit: true,
      displayed_to_customers: true,
    }),
    field("ticket_type", "Type", "default_ticket_type", TYPE_CHOICES),
    field("source", "Source", "default_source", SOURCE_CHOICES),
    field("status", "Status", "default_status", STATUS_CHOICES, {
      required: true,
      required_for_agents: true,
    }),
    field("urgency", "Urgency", "default_urgency", LEVEL_CHOICES),
    field("impact", "Impact", "default_impact", LEVEL_CHOICES),
    field("priority", "Priority", "default_priority", PRIORITY_CHOICES, {
      required: true,
      required_for_agents: true,
    }),
    field("group", "Group", "default_group", named(account.groups)),
    field("agent", "Agent", "default_agent", named(account.agents)),
    field("department", "Department", "default_department", named(account.departments)),
    field("category", "Category", "default_category", categoryChoices(), {
      id: categoryFieldId,
      required_for_closure: true,
      nested_fields: [
        nested(categoryFieldId + 1, "sub_category", "Sub-Category", 2),
        nested(categoryFieldId + 2, "item_category", "Item", 3),
      ],
    }),
    field("description", "Description", "default_description", [], {
      customers_can_edit: true,
      displayed_to_customers: true,
    }),
  ];
  return fields;
}
