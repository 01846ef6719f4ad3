import { z } from "zod";
import { id, timestamp } from "./common.ts";

/**
 * GET /assets/{display_id} [DOC]. Assets are addressed by `display_id`; `impact` is a word
 * ("low"), unlike a ticket's number. `type_fields` come with `include=type_fields`.
 */
export const fsAssetSchema = z
  .object({
    id: id.nullish(),
    display_id: id,
    name: z.string(),
    description: z.string().nullish(),
    asset_type_id: id.nullish(),
    impact: z.string().nullish(),
    author_type: z.string().nullish(),
    usage_type: z.string().nullish(),
    asset_tag: z.string().nullish(),
    user_id: id.nullish(),
    department_id: id.nullish(),
    location_id: id.nullish(),
    agent_id: id.nullish(),
    group_id: id.nullish(),
    assigned_on: timestamp.nullish(),
    workspace_id: id.nullish(),
    type_fields: z.record(z.string(), z.unknown()).nullish(),
    created_at: timestamp.nullish(),
    updated_at: timestamp.nullish(),
  })
  .loose();

export type FsAsset = z.infer<typeof fsAssetSchema>;

/** GET /asset_types [DOC]: what an asset's `asset_type_id` means ("Laptop", "Monitor", …). */
export const fsAssetTypeSchema = z
  .object({
    id: id,
    name: z.string(),
    description: z.string().nullish(),
    parent_asset_type_id: id.nullish(),
    visible: z.boolean().nullish(),
    created_at: timestamp.nullish(),
    updated_at: timestamp.nullish(),
  })
  .loose();

export type FsAssetType = z.infer<typeof fsAssetTypeSchema>;
