import { z } from "zod";
import { id, textLike, timestamp } from "./common.ts";

/**
 * A choice of a /ticket_form_fields field: `{id, value}` objects (status, priority, urgency,
 * impact, source ids; group, agent, department ids) [DOC]. The category field's choices add
 * `display_id` and `nested_options`, the next level of the category › sub_category ›
 * item_category tree.
 */
export type FsFieldChoice = {
  id?: number | string | null | undefined;
  value: string;
  display_id?: number | null | undefined;
  requester_display_value?: string | null | undefined;
  nested_options?: FsFieldChoice[] | null | undefined;
  [key: string]: unknown;
};

export const fsFieldChoiceSchema: z.ZodType<FsFieldChoice> = z
  .object({
    id: z.union([id, z.string()]).nullish(),
    value: textLike,
    display_id: id.nullish(),
    requester_display_value: z.string().nullish(),
    get nested_options() {
      return z.array(fsFieldChoiceSchema).nullish();
    },
  })
  .loose();

/** The dependent levels of `default_category`: sub_category (level 2), item_category (level 3). */
export const fsNestedFieldSchema = z
  .object({
    id: id.nullish(),
    name: z.string(),
    label: z.string().nullish(),
    level: z.number().int().nullish(),
  })
  .loose();

export const fsTicketFormFieldSchema = z
  .object({
    id: id,
    name: z.string(),
    label: z.string().nullish(),
    description: z.string().nullish(),
    /** default_status, default_urgency, default_category, custom_dropdown, … [DOC]. */
    field_type: z.string().nullish(),
    position: z.number().nullish(),
    default_field: z.boolean().nullish(),
    required: z.boolean().nullish(),
    required_for_closure: z.boolean().nullish(),
    required_for_agents: z.boolean().nullish(),
    required_for_customers: z.boolean().nullish(),
    customers_can_edit: z.boolean().nullish(),
    displayed_to_customers: z.boolean().nullish(),
    label_for_customers: z.string().nullish(),
    belongs_to_section: z.boolean().nullish(),
    choices: z.array(fsFieldChoiceSchema).nullish(),
    nested_fields: z.array(fsNestedFieldSchema).nullish(),
    sections: z.array(z.unknown()).nullish(),
    workspace_id: id.nullish(),
    created_at: timestamp.nullish(),
    updated_at: timestamp.nullish(),
  })
  .loose();

export type FsTicketFormField = z.infer<typeof fsTicketFormFieldSchema>;
export type FsNestedField = z.infer<typeof fsNestedFieldSchema>;
