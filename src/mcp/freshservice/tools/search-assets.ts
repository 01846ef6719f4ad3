import { z } from "zod";
import { BadRequestError } from "../../../errors.ts";
import { cursorArgument, pageOutput, READ, renderList, requireQuery } from "../../tool-kit.ts";
import { defineFreshserviceTool } from "../context.ts";
import { assetOutput, loadAssetNames, renderAssetLine, toAssetOutput } from "../shapes/assets.ts";

/** The fields Freshservice's asset search looks in [reference §7]. */
const SEARCH_FIELDS = [
  "name",
  "asset_tag",
  "serial_number",
  "mac_addresses",
  "ip_addresses",
  "uuid",
  "item_id",
  "imei",
] as const;

export const searchAssets = defineFreshserviceTool({
  name: "search_assets",
  title: "Search assets",
  description: [
    "Find assets by name (the default), asset tag, serial number, MAC or IP address, UUID, item id or IMEI; 30 results per page.",
    'Use it when a ticket names a device ("laptop LT-0042", "the Dell in room 4") to find the asset, its user and department.',
    'Example: {"term": "macbook"} or {"field": "asset_tag", "term": "LT-0042"}.',
  ].join(" "),
  toolset: "assets",
  annotations: READ,
  input: z.object({
    term: z.string().min(1).max(200).optional().describe("what to look for"),
    field: z.enum(SEARCH_FIELDS).optional().describe("where to look; name when left out"),
    cursor: cursorArgument,
  }),
  output: pageOutput(assetOutput),
  async handler(q, context, paging) {
    const term = requireQuery("search_assets", q.term);
    // The search expression quotes the term in single quotes and has no escape for them.
    if (term.includes("'")) {
      throw new BadRequestError(
        "search_assets: term cannot contain a single quote ('); leave that part out.",
      );
    }
    const [page, names] = await Promise.all([
      context.freshservice.assets.list({ page: paging.page, search: `${q.field ?? "name"}:'${term}'` }),
      loadAssetNames(context.directory, context.logger),
    ]);
    return {
      items: page.items.map((a) => toAssetOutput(a, names, 300)),
      next_cursor: paging.next(page.nextPage),
    };
  },
  render: (r) =>
    renderList(r.items, renderAssetLine, { empty: "No asset matches.", nextCursor: r.next_cursor }),
});
