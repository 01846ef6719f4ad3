import type { TicketField } from "./schemas/ticket-field.ts";

/**
 * Reads the per-type `choices` formats of GET /ticket_fields (reference §8.8) into plain lists.
 * Freshdesk's defaults fill in whatever an account's fields do not say.
 */

export type Choice = { id: number; name: string };
export type StatusChoice = Choice & { customerName: string | undefined };
export type CustomFieldInfo = {
  /** The key in a ticket's `custom_fields`, e.g. "cf_category". */
  name: string;
  label: string;
  type: string;
  /** Allowed values of dropdowns; undefined for free-form fields. */
  choices: string[] | undefined;
};

export type TicketFieldCatalog = {
  statuses: StatusChoice[];
  priorities: Choice[];
  sources: Choice[];
  ticketTypes: string[];
  customFields: CustomFieldInfo[];
};

const DEFAULT_STATUSES: StatusChoice[] = [
  { id: 2, name: "Open", customerName: undefined },
  { id: 3, name: "Pending", customerName: undefined },
  { id: 4, name: "Resolved", customerName: undefined },
  { id: 5, name: "Closed", customerName: undefined },
];
const DEFAULT_PRIORITIES: Choice[] = [
  { id: 1, name: "Low" },
  { id: 2, name: "Medium" },
  { id: 3, name: "High" },
  { id: 4, name: "Urgent" },
];
const DEFAULT_SOURCES: Choice[] = [
  "Email",
  "Portal",
  "Phone",
  "Forum",
  "Twitter",
  "Facebook",
  "Chat",
  "MobiHelp",
  "Feedback Widget",
  "Outbound Email",
  "Ecommerce",
  "Bot",
  "Whatsapp",
].map((name, index) => ({ id: index + 1, name }));

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `{"2": ["Open", "Being Processed"], …}`: id → [agent label, customer label]. */
function statusChoices(choices: unknown): StatusChoice[] {
  if (!isRecord(choices)) return [];
  const statuses: StatusChoice[] = [];
  for (const [key, labels] of Object.entries(choices)) {
    const id = Number(key);
    const [name, customerName] = Array.isArray(labels) ? labels : [labels];
    if (Number.isInteger(id) && typeof name === "string") {
      statuses.push({ id, name, customerName: typeof customerName === "string" ? customerName : undefined });
    }
  }
  return statuses.sort((a, b) => a.id - b.id);
}

/** `{"Low": 1, …}`: name → id. */
function namedIdChoices(choices: unknown): Choice[] {
  if (!isRecord(choices)) return [];
  return Object.entries(choices)
    .filter((entry): entry is [string, number] => typeof entry[1] === "number")
    .map(([name, id]) => ({ id, name }))
    .sort((a, b) => a.id - b.id);
}

function stringChoices(choices: unknown): string[] | undefined {
  if (Array.isArray(choices)) return choices.filter((c): c is string => typeof c === "string");
  // Nested fields list their first level as the object's keys.
  if (isRecord(choices)) return Object.keys(choices);
  return undefined;
}

export function buildFieldCatalog(fields: readonly TicketField[]): TicketFieldCatalog {
  const byType = (type: string) => fields.find((f) => f.type === type);
  const statuses = statusChoices(byType("default_status")?.choices);
  const priorities = namedIdChoices(byType("default_priority")?.choices);
  const sources = namedIdChoices(byType("default_source")?.choices);
  const customFields = fields
    .filter((f) => !f.default && !f.type.startsWith("default_"))
    .map((f) => ({
      name: f.name,
      label: f.label ?? f.name,
      type: f.type,
      choices: f.choices === undefined || f.choices === null ? undefined : stringChoices(f.choices),
    }));
  return {
    statuses: statuses.length > 0 ? statuses : DEFAULT_STATUSES,
    priorities: priorities.length > 0 ? priorities : DEFAULT_PRIORITIES,
    sources: sources.length > 0 ? sources : DEFAULT_SOURCES,
    ticketTypes: stringChoices(byType("default_ticket_type")?.choices) ?? [],
    customFields,
  };
}
