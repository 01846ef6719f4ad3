/** A wire-shaped `/ticket_form_fields` answer (reference §3) with a three-level category tree. */
export const FORM_FIELDS = [
  { name: "subject", field_type: "default_subject", choices: [] },
  {
    name: "ticket_type",
    field_type: "default_ticket_type",
    choices: [
      { id: 1, value: "Incident" },
      { id: 2, value: "Service Request" },
    ],
  },
  {
    name: "urgency",
    field_type: "default_urgency",
    choices: [
      { id: 1, value: "Low" },
      { id: 2, value: "Medium" },
      { id: 3, value: "High" },
    ],
  },
  {
    name: "impact",
    field_type: "default_impact",
    choices: [
      { id: 1, value: "Low" },
      { id: 2, value: "Medium" },
      { id: 3, value: "High" },
    ],
  },
  {
    name: "priority",
    field_type: "default_priority",
    choices: [
      { id: 1, value: "Low" },
      { id: 2, value: "Medium" },
      { id: 3, value: "High" },
      { id: 4, value: "Urgent" },
    ],
  },
  {
    name: "category",
    field_type: "default_category",
    nested_fields: [
      { name: "sub_category", level: 2 },
      { name: "item_category", level: 3 },
    ],
    choices: [
      {
        id: 1,
        display_id: 1,
        value: "Hardware",
        nested_options: [
          {
            id: 11,
            value: "Computer",
            nested_options: [
              { id: 111, value: "Mac" },
              { id: 112, value: "Windows Laptop" },
            ],
          },
          { id: 12, value: "Printer", nested_options: [] },
        ],
      },
      {
        id: 2,
        display_id: 2,
        value: "Network",
        nested_options: [{ id: 21, value: "Wi-Fi", nested_options: [{ id: 211, value: "Office" }] }],
      },
      { id: 3, display_id: 3, value: "Software" },
    ],
  },
];

export const GROUPS = [
  { id: 101, name: "Service Desk" },
  { id: 102, name: "Hardware" },
  { id: 103, name: "Network" },
];
