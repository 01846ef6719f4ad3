import { z } from "zod";
import { id, timestamp } from "./common.ts";

/**
 * `choices` has a different format per field type (reference §8.8): an object of
 * id → [agent label, customer label] for status, name → id for priority/source/group/agent,
 * an array of names for ticket type and dropdowns, a nested object for nested fields.
 * It is kept as Freshdesk sends it; account-directory.ts reads the formats it needs.
 */
export const ticketFieldSchema = z.object({
  id: id,
  name: z.string(),
  label: z.string().nullish(),
  description: z.string().nullish(),
  type: z.string(),
  position: z.number().int().nullish(),
  default: z.boolean().nullish(),
  required_for_closure: z.boolean().nullish(),
  required_for_agents: z.boolean().nullish(),
  required_for_customers: z.boolean().nullish(),
  customers_can_edit: z.boolean().nullish(),
  displayed_to_customers: z.boolean().nullish(),
  label_for_customers: z.string().nullish(),
  choices: z.unknown().optional(),
  nested_ticket_fields: z.array(z.unknown()).nullish(),
  created_at: timestamp.nullish(),
  updated_at: timestamp.nullish(),
});

export type TicketField = z.infer<typeof ticketFieldSchema>;
