import type { SeedClock } from "./clock.ts";
import { SEQUENCE, sequenceId } from "./ids.ts";
import type { FdAgent, FdGroup, FdTicketField, FdTicketFieldChoices } from "./types.ts";

export const TICKET_TYPES = ["Question", "Incident", "Problem", "Feature Request"] as const;

/** id → [agent label, customer label], the `default_status` choices format. */
export const STATUS_CHOICES: Record<string, [string, string]> = {
  "2": ["Open", "Being Processed"],
  "3": ["Pending", "Awaiting your Reply"],
  "4": ["Resolved", "This ticket has been Resolved"],
  "5": ["Closed", "This ticket has been Closed"],
  "6": ["Waiting on Customer", "Awaiting your Reply"],
  "7": ["Waiting on Third Party", "Being Processed"],
};

export const PRIORITY_CHOICES: Record<string, number> = { Low: 1, Medium: 2, High: 3, Urgent: 4 };

export const SOURCE_CHOICES: Record<string, number> = {
  Email: 1,
  Portal: 2,
  Phone: 3,
  Chat: 7,
  "Feedback Widget": 9,
  "Outbound Email": 10,
};

export const PRODUCT_AREAS = [
  "Billing & Plans",
  "Login & Access",
  "Scheduling",
  "Timesheets",
  "Reports & Exports",
  "API & Integrations",
  "Mobile App",
  "Other",
] as const;

type FieldSpec = {
  name: string;
  label: string;
  type: string;
  labelForCustomers: string;
  description: string;
  requiredForAgents?: boolean;
  requiredForClosure?: boolean;
  customerVisible?: boolean;
  customerEditable?: boolean;
  choices?: FdTicketFieldChoices;
};

function fieldSpecs(groups: FdGroup[], agents: FdAgent[]): FieldSpec[] {
  const byName = <T extends { id: number }>(items: T[], name: (item: T) => string) =>
    Object.fromEntries(items.map((item) => [name(item), item.id]));
  return [
    {
      name: "requester",
      label: "Search a requester",
      type: "default_requester",
      labelForCustomers: "Requester",
      description: "Ticket requester",
      requiredForAgents: true,
      customerVisible: true,
      customerEditable: true,
    },
    {
      name: "subject",
      label: "Subject",
      type: "default_subject",
      labelForCustomers: "Subject",
      description: "Ticket subject",
      requiredForAgents: true,
      customerVisible: true,
      customerEditable: true,
    },
    {
      name: "ticket_type",
      label: "Type",
      type: "default_ticket_type",
      labelForCustomers: "Type",
      description: "Ticket type",
      choices: [...TICKET_TYPES],
    },
    {
      name: "source",
      label: "Source",
      type: "default_source",
      labelForCustomers: "Source",
      description: "Ticket source",
      choices: { ...SOURCE_CHOICES },
    },
    {
      name: "status",
      label: "Status",
      type: "default_status",
      labelForCustomers: "Status",
      description: "Ticket status",
      requiredForAgents: true,
      customerVisible: true,
      choices: structuredClone(STATUS_CHOICES),
    },
    {
      name: "priority",
      label: "Priority",
      type: "default_priority",
      labelForCustomers: "Priority",
      description: "Ticket priority",
      requiredForAgents: true,
      choices: { ...PRIORITY_CHOICES },
    },
    {
      name: "group",
      label: "Group",
      type: "default_group",
      labelForCustomers: "Group",
      description: "Ticket group",
      choices: byName(groups, (group) => group.name),
    },
    {
      name: "agent",
      label: "Agent",
      type: "default_agent",
      labelForCustomers: "Agent",
      description: "Agent",
      customerVisible: true,
      choices: byName(agents, (agent) => agent.contact.name),
    },
    {
      name: "company",
      label: "Company",
      type: "default_company",
      labelForCustomers: "Company",
      description: "Ticket Company",
      requiredForAgents: true,
      customerVisible: true,
    },
    {
      name: "description",
      label: "Description",
      type: "default_description",
      labelForCustomers: "Description",
      description: "Ticket description",
      requiredForAgents: true,
      customerVisible: true,
      customerEditable: true,
    },
    {
      name: "cf_product_area",
      label: "Product area",
      type: "custom_dropdown",
      labelForCustomers: "Which part of Larkspur is this about?",
      description: "Part of the product the ticket concerns",
      requiredForClosure: true,
      customerVisible: true,
      customerEditable: true,
      choices: [...PRODUCT_AREAS],
    },
    {
      name: "cf_order_number",
      label: "Order / invoice number",
      type: "custom_text",
      labelForCustomers: "Invoice number (if any)",
      description: "Invoice or order reference for billing tickets, e.g. INV-20418",
      customerVisible: true,
      customerEditable: true,
    },
  ];
}

export function buildTicketFields(clock: SeedClock, groups: FdGroup[], agents: FdAgent[]): FdTicketField[] {
  return fieldSpecs(groups, agents).map((spec, index) => {
    const isDefault = spec.type.startsWith("default_");
    const field: FdTicketField = {
      id: sequenceId(SEQUENCE.ticketField, index),
      name: spec.name,
      label: spec.label,
      description: spec.description,
      position: index + 1,
      required_for_closure: spec.requiredForClosure ?? false,
      required_for_agents: spec.requiredForAgents ?? false,
      type: spec.type,
      default: isDefault,
      customers_can_edit: spec.customerEditable ?? false,
      label_for_customers: spec.labelForCustomers,
      required_for_customers: spec.customerEditable === true && (spec.requiredForAgents ?? false),
      displayed_to_customers: spec.customerVisible ?? false,
      created_at: clock.ago({ days: 410 }),
      updated_at: clock.ago({ days: isDefault ? 410 : 95 }),
    };
    if (spec.choices !== undefined) field.choices = spec.choices;
    if (spec.type === "default_requester") {
      field.portal_cc = false;
      field.portal_cc_to = "company";
    }
    return field;
  });
}
