import { z } from "zod";
import type { FreshserviceDirectory } from "../../../freshservice/account-directory.ts";
import type { FsAsset } from "../../../freshservice/index.ts";
import type { Logger } from "../../../logger.ts";
import { clip, dropEmpty } from "../../output/clean.ts";
import { bodyText } from "../../output/html-to-text.ts";
import { type FsNames, loadFsNames } from "./names.ts";

/** The account's names plus asset types ("Laptop" for an asset_type_id). */
export type AssetNames = FsNames & { assetType(id: number | null | undefined): string | undefined };

/** Like loadFsNames, with the (cached) asset types; without them assets just carry no type name. */
export async function loadAssetNames(directory: FreshserviceDirectory, logger: Logger): Promise<AssetNames> {
  const [names, types] = await Promise.all([
    loadFsNames(directory, logger),
    directory.assetTypes().catch((err: unknown) => {
      logger.warn({ err }, "asset types unavailable; assets carry no type name");
      return [];
    }),
  ]);
  const typeName = new Map(types.map((t) => [t.id, t.name]));
  return {
    ...names,
    assetType: (id) => (id === null || id === undefined ? undefined : typeName.get(id)),
  };
}

/**
 * Assets (laptops, monitors, phones, …), addressed by `display_id` [reference §7]. An asset's
 * `impact` is a word ("low"), unlike a ticket's number.
 */

export const assetOutput = z.object({
  display_id: z.number().describe("the id to pass to get_asset, and in a ticket's assets"),
  id: z.number().optional(),
  name: z.string(),
  description_text: z.string().optional(),
  asset_tag: z.string().optional(),
  asset_type_id: z.number().optional(),
  asset_type_name: z.string().optional().describe("Laptop, Monitor, Mobile Phone, …"),
  impact: z.string().optional(),
  usage_type: z.string().optional().describe("permanent or loaner"),
  user_id: z.number().optional().describe("the requester who uses it"),
  department_id: z.number().optional(),
  department_name: z.string().optional(),
  agent_id: z.number().optional().describe("the agent managing it"),
  agent_name: z.string().optional(),
  group_id: z.number().optional(),
  group_name: z.string().optional(),
  location_id: z.number().optional(),
  assigned_on: z.string().optional(),
  type_fields: z
    .record(z.string(), z.unknown())
    .optional()
    .describe("the asset type's own fields (product, vendor, serial number, state, …)"),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
});
export type AssetOutput = z.output<typeof assetOutput>;

export function toAssetOutput(asset: FsAsset, names: AssetNames, maxBody: number): AssetOutput {
  const text = bodyText(undefined, asset.description);
  return dropEmpty({
    display_id: asset.display_id,
    id: asset.id ?? undefined,
    name: asset.name,
    description_text: text ? clip(text, maxBody, "get_asset shows it all") : undefined,
    asset_tag: asset.asset_tag ?? undefined,
    asset_type_id: asset.asset_type_id ?? undefined,
    asset_type_name: names.assetType(asset.asset_type_id),
    impact: asset.impact ?? undefined,
    usage_type: asset.usage_type ?? undefined,
    user_id: asset.user_id ?? undefined,
    department_id: asset.department_id ?? undefined,
    department_name: names.department(asset.department_id),
    agent_id: asset.agent_id ?? undefined,
    agent_name: names.agent(asset.agent_id),
    group_id: asset.group_id ?? undefined,
    group_name: names.group(asset.group_id),
    location_id: asset.location_id ?? undefined,
    assigned_on: asset.assigned_on ?? undefined,
    type_fields: asset.type_fields ?? undefined,
    created_at: asset.created_at ?? undefined,
    updated_at: asset.updated_at ?? undefined,
  });
}

export function renderAssetLine(a: AssetOutput): string {
  const parts = [
    `#${a.display_id} ${JSON.stringify(a.name)}`,
    a.asset_type_name,
    a.asset_tag ? `tag ${a.asset_tag}` : undefined,
    a.user_id ? `used by requester ${a.user_id}` : "not assigned",
    a.department_name ? `dept ${a.department_name}` : undefined,
    a.impact ? `impact ${a.impact}` : undefined,
  ];
  return parts.filter(Boolean).join(" | ");
}

export function renderAsset(a: AssetOutput): string {
  const lines = [renderAssetLine(a)];
  if (a.group_name || a.agent_name)
    lines.push(`Managed by: ${[a.group_name, a.agent_name].filter(Boolean).join(", ")}`);
  for (const [key, value] of Object.entries(a.type_fields ?? {})) lines.push(`${key}: ${String(value)}`);
  if (a.description_text) lines.push("", a.description_text);
  return lines.join("\n");
}
