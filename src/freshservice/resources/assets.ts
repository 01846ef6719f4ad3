import { z } from "zod";
import { BadRequestError } from "../../errors.ts";
import type { Page } from "../../freshdesk/pagination.ts";
import type { Transport } from "../../freshdesk/transport.ts";
import { type FsAsset, type FsAssetType, fsAssetSchema, fsAssetTypeSchema } from "../schemas/asset.ts";
import { envelope } from "../schemas/common.ts";
import { allPages, type FsPageOptions, pageQuery, quoted, resourceId } from "./params.ts";

export type FsAssetInclude = "type_fields";

export type FsAssetListParams = FsPageOptions & {
  /** Bare expression such as `name:'dell'` (name, asset_tag, serial_number, …) [DOC]. */
  search?: string;
  /** Bare expression such as `user_id:12 AND asset_state:'IN USE'` [DOC]. */
  filter?: string;
  include?: FsAssetInclude[];
};

export function assetsApi(transport: Transport) {
  return {
    /** 30 a page, at most 40 pages when searching or filtering [DOC]. `include` costs +2 credits. */
    async list(params: FsAssetListParams = {}): Promise<Page<FsAsset>> {
      if (params.search !== undefined && params.filter !== undefined) {
        throw new BadRequestError("Pass either search or filter for assets, not both.");
      }
      const include = [...new Set(params.include ?? [])];
      const { data, nextPage } = await transport.json(
        {
          method: "GET",
          path: "/assets",
          query: {
            search: params.search === undefined ? undefined : quoted("asset search", params.search),
            filter: params.filter === undefined ? undefined : quoted("asset filter", params.filter),
            include: include.length > 0 ? include : undefined,
            ...pageQuery(params),
          },
          cost: 1 + 2 * include.length,
          bucket: "list",
        },
        envelope("assets", z.array(fsAssetSchema)),
      );
      return { items: data, nextPage };
    },

    /** By `display_id`, not `id` [DOC]. `include` costs +1 credit [inferred, as for tickets]. */
    async get(displayId: number, options: { include?: FsAssetInclude[] } = {}): Promise<FsAsset> {
      const include = [...new Set(options.include ?? [])];
      const { data } = await transport.json(
        {
          method: "GET",
          path: `/assets/${resourceId("asset display", displayId)}`,
          query: { include: include.length > 0 ? include : undefined },
          cost: 1 + include.length,
        },
        envelope("asset", fsAssetSchema),
      );
      return data;
    },

    /** Every asset type (Laptop, Monitor, …), so an asset's `asset_type_id` can be named [DOC]. */
    async types(): Promise<FsAssetType[]> {
      return allPages(async (page) => {
        const { data, nextPage } = await transport.json(
          { method: "GET", path: "/asset_types", query: pageQuery({ page, perPage: 100 }) },
          envelope("asset_types", z.array(fsAssetTypeSchema)),
        );
        return { items: data, nextPage };
      });
    },
  };
}

export type FsAssetsApi = ReturnType<typeof assetsApi>;
