import { z } from "zod";
import { id, READ } from "../../tool-kit.ts";
import { defineFreshserviceTool } from "../context.ts";
import { assetOutput, loadAssetNames, renderAsset, toAssetOutput } from "../shapes/assets.ts";

export const getAsset = defineFreshserviceTool({
  name: "get_asset",
  title: "Get an asset",
  description: [
    "Get one asset by its display_id, with its type fields (product, vendor, serial number, state, …), who uses and who manages it, and its department.",
    "Use it after search_assets or list_requester_assets, when a ticket is about a particular device.",
    'Example: {"display_id": 42}.',
  ].join(" "),
  toolset: "assets",
  annotations: READ,
  input: z.object({
    display_id: id("the asset's display_id"),
    include_type_fields: z.boolean().default(true).describe("add the type fields; costs one more API credit"),
  }),
  output: assetOutput,
  async handler(args, context) {
    const [asset, names] = await Promise.all([
      context.freshservice.assets.get(
        args.display_id,
        args.include_type_fields ? { include: ["type_fields"] } : {},
      ),
      loadAssetNames(context.directory, context.logger),
    ]);
    return toAssetOutput(asset, names, context.limits.maxBodyChars);
  },
  render: renderAsset,
});
