import { z } from "zod";
import { cursorArgument, pageOutput, perPageArgument, READ, renderList } from "../../tool-kit.ts";
import { defineFreshserviceTool } from "../context.ts";
import { assetOutput, loadAssetNames, renderAssetLine, toAssetOutput } from "../shapes/assets.ts";

export const listAssets = defineFreshserviceTool({
  name: "list_assets",
  title: "List assets",
  description: [
    "List the asset inventory (laptops, monitors, phones, servers, …), optionally narrowed by a filter expression, with who uses each and its department.",
    "filter uses Freshservice's asset query language: field:value joined with AND/OR, strings in single quotes, :> and :< for ≥ and ≤ on numbers and dates (fields such as asset_type_id, department_id, location_id, user_id, agent_id, group_id, asset_state, created_at, updated_at). Filtered results come 30 per page.",
    "To find one asset by name, tag or serial number use search_assets; for one person's assets, list_requester_assets.",
    'Example: {"filter": "department_id:3 AND created_at:>\'2025-01-01\'"}.',
  ].join(" "),
  toolset: "assets",
  annotations: READ,
  input: z.object({
    filter: z
      .string()
      .min(1)
      .max(512)
      .optional()
      .describe("an asset filter expression, without outer quotes"),
    include_type_fields: z
      .boolean()
      .optional()
      .describe(
        "add each asset's type fields (product, vendor, serial number, state, …); costs 2 more API credits",
      ),
    per_page: perPageArgument,
    cursor: cursorArgument,
  }),
  output: pageOutput(assetOutput),
  async handler(q, context, paging) {
    const [page, names] = await Promise.all([
      context.freshservice.assets.list({
        page: paging.page,
        ...(q.filter !== undefined ? { filter: q.filter } : {}),
        ...(q.per_page !== undefined && q.filter === undefined ? { perPage: q.per_page } : {}),
        ...(q.include_type_fields ? { include: ["type_fields"] } : {}),
      }),
      loadAssetNames(context.directory, context.logger),
    ]);
    return {
      items: page.items.map((a) => toAssetOutput(a, names, 300)),
      next_cursor: paging.next(page.nextPage),
    };
  },
  render: (r) =>
    renderList(r.items, renderAssetLine, { empty: "No assets match.", nextCursor: r.next_cursor }),
});
