// Assets per requester (§7): laptops, monitors and phones addressed by display_id, each with
// `user_id` so a ticket's requester leads to "their laptop". Names carry the asset tag, e.g.
// "MacBook Pro 14 (LAP-0042)".
import type { SeedClock } from "../../sandbox/seed/clock.ts";
import { ASSET_ID_BASE, ASSET_TYPE_BASE, WORKSPACE_ID } from "./ids.ts";
import { createRandom } from "./random.ts";
import type { FsAsset, FsAssetType, FsRequester } from "./types.ts";

export const ASSET_TYPES = ["Laptop", "Monitor", "Mobile Phone", "Desktop"] as const;
export type AssetTypeName = (typeof ASSET_TYPES)[number];
export const assetTypeId = (name: AssetTypeName) => ASSET_TYPE_BASE + 1 + ASSET_TYPES.indexOf(name);

const MODELS: Record<AssetTypeName, { name: string; vendor: string; os?: string }[]> = {
  Laptop: [
    { name: "MacBook Pro 14", vendor: "Apple", os: "macOS 14" },
    { name: "MacBook Air 13", vendor: "Apple", os: "macOS 14" },
    { name: "Dell Latitude 7440", vendor: "Dell", os: "Windows 11" },
    { name: "Lenovo ThinkPad T14", vendor: "Lenovo", os: "Windows 11" },
  ],
  Monitor: [
    { name: "Dell UltraSharp 27", vendor: "Dell" },
    { name: "LG 34 UltraWide", vendor: "LG" },
  ],
  "Mobile Phone": [
    { name: "iPhone 15", vendor: "Apple", os: "iOS 17" },
    { name: "Samsung Galaxy S23", vendor: "Samsung", os: "Android 14" },
  ],
  Desktop: [{ name: "Dell OptiPlex 7010", vendor: "Dell", os: "Windows 11" }],
};
const TAG_PREFIX: Record<AssetTypeName, string> = {
  Laptop: "LAP",
  Monitor: "MON",
  "Mobile Phone": "PHN",
  Desktop: "DSK",
};

export function buildAssetTypes(clock: SeedClock): FsAssetType[] {
  return ASSET_TYPES.map((name, index) => ({
    id: assetTypeId(name),
    name,
    description: null,
    parent_asset_type_id: null,
    visible: true,
    created_at: clock.ago({ days: 900 }),
    updated_at: clock.ago({ days: 900 - index }),
  }));
}

/**
 * Every requester has a laptop; most have a monitor, about half a phone. A few spare laptops
 * are in stock (no user). Display ids count from 1 in creation order.
 */
export function buildAssets(clock: SeedClock, requesters: readonly FsRequester[]): FsAsset[] {
  const random = createRandom(4_242);
  const assets: FsAsset[] = [];
  const tagCounters: Record<AssetTypeName, number> = { Laptop: 0, Monitor: 0, "Mobile Phone": 0, Desktop: 0 };
  const add = (type: AssetTypeName, user: FsRequester | null, forcedModel?: number) => {
    const models = MODELS[type];
    const model = models[forcedModel ?? Math.floor(random.next() * models.length)] ?? models[0];
    if (!model) throw new Error(`no model for ${type}`);
    tagCounters[type] += 1;
    const tag = `${TAG_PREFIX[type]}-${String(tagCounters[type] + (type === "Laptop" ? 38 : 0)).padStart(4, "0")}`;
    const displayId = assets.length + 1;
    const assignedDaysAgo = 60 + random.int(0, 700);
    assets.push({
      id: ASSET_ID_BASE + displayId,
      display_id: displayId,
      name: `${model.name} (${tag})`,
      description: user ? `Assigned to ${user.first_name} ${user.last_name ?? ""}`.trim() : "Spare, in stock",
      asset_type_id: assetTypeId(type),
      impact: type === "Laptop" ? "medium" : "low",
      author_type: "User",
      usage_type: "permanent",
      asset_tag: tag,
      user_id: user?.id ?? null,
      department_id: user?.department_ids[0] ?? null,
      location_id: null,
      agent_id: null,
      group_id: null,
      assigned_on: user ? clock.ago({ days: assignedDaysAgo }) : null,
      workspace_id: WORKSPACE_ID,
      created_at: clock.ago({ days: assignedDaysAgo + 5 }),
      updated_at: clock.ago({ days: Math.floor(assignedDaysAgo / 4) + 1 }),
      type_fields: {
        product: model.name,
        vendor: model.vendor,
        asset_state: user ? "In Use" : "In Stock",
        serial_number: `${model.vendor.slice(0, 2).toUpperCase()}${(1_000_003 * displayId).toString(36).toUpperCase()}`,
        operating_system: model.os ?? null,
        warranty_expiry_date: clock.ago({ days: assignedDaysAgo - 1095 }).slice(0, 10),
      },
    });
  };
  requesters.forEach((requester, index) => {
    // Requester 0 of Engineering and the demo laptop owner keep a MacBook Pro (model 0).
    add("Laptop", requester, index % 3 === 0 ? 0 : undefined);
    if (index % 5 !== 4) add("Monitor", requester);
    if (index % 2 === 0) add("Mobile Phone", requester);
    if (index % 12 === 7) add("Desktop", requester);
  });
  for (let spare = 0; spare < 4; spare++) add("Laptop", null);
  return assets;
}
