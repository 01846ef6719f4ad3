import { z } from "zod";
import { id, timestamp } from "./common.ts";

export const fsServiceCategorySchema = z
  .object({
    id: id,
    name: z.string(),
    description: z.string().nullish(),
    position: z.number().nullish(),
    workspace_id: id.nullish(),
    created_at: timestamp.nullish(),
    updated_at: timestamp.nullish(),
  })
  .loose();

/** A service catalog item, addressed by `display_id` [DOC]. */
export const fsServiceItemSchema = z
  .object({
    id: id.nullish(),
    display_id: id,
    name: z.string(),
    short_description: z.string().nullish(),
    description: z.string().nullish(),
    category_id: id,
    product_id: id.nullish(),
    /** Hours. */
    delivery_time: z.number().nullish(),
    /** A number in samples; some accounts send a string [inferred]. */
    cost: z.union([z.number(), z.string()]).nullish(),
    quantity: z.number().nullish(),
    deleted: z.boolean().nullish(),
    /** 1 draft, 2 published [inferred]. */
    visibility: z.number().int().nullish(),
    item_type: z.number().int().nullish(),
    ci_type_id: id.nullish(),
    cost_visibility: z.boolean().nullish(),
    delivery_time_visibility: z.boolean().nullish(),
    allow_attachments: z.boolean().nullish(),
    allow_quantity: z.boolean().nullish(),
    is_bundle: z.boolean().nullish(),
    create_child: z.boolean().nullish(),
    icon_name: z.string().nullish(),
    workspace_id: id.nullish(),
    /** The item's request form: field definitions, passed on as they come. */
    custom_fields: z.array(z.unknown()).nullish(),
    created_at: timestamp.nullish(),
    updated_at: timestamp.nullish(),
  })
  .loose();

export type FsServiceCategory = z.infer<typeof fsServiceCategorySchema>;
export type FsServiceItem = z.infer<typeof fsServiceItemSchema>;
